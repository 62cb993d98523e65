package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.balances.BalancesViewModel;
import xyz.cavos.wallet.ui.policy.PolicyViewModel;
import xyz.cavos.wallet.ui.transfer.TransferViewModel;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.SessionStorage;

/**
 * A token the session's policy names, beyond the built-in four, on the app's screens: its own symbol and decimals in
 * Balances, offered in Transfer (which the session can move), and its gauge on the Policy screen.
 */
class ExtraTokenScreensIT {

    @TempDir
    Path home;

    private final SandboxNode node = SandboxNode.start();
    private final Token gold = node.deployToken("Gold", "GOLD", 2, true);
    private WalletModel model;

    @BeforeEach
    void connect() {
        SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(new SandboxDashboard.WalletRequest(
                Map.of(Token.STRK, "100", gold, "1234.5"), SandboxDashboard.SessionRequest.of(new SessionPolicy(
                        List.of(Token.STRK.address(), gold.address()),
                        List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("50", 18)),
                                new SpendingLimit(gold.address(), U256.parseAmount("500", 2))), 5), 24 * 3600)));
        model = new WalletModel(new HeldExecutor(), SessionStorage.open(home, Optional.of("encrypted-file"), "test passphrase"::toCharArray),
                ConnectionOptions.DEFAULT, new LocalSandbox());
        model.store().save(demo.token(), demo.token().network(), demo.token().rpcUrl());
        model.connect(demo.token(), () -> { }, e -> {
            throw new AssertionError(e);
        });
    }

    @AfterEach
    void stop() {
        model.shutdown();
        node.close();
    }

    @Test
    void thePolicysTokenShowsInBalancesTransferAndItsGauge() {
        BalancesViewModel balances = new BalancesViewModel(model);
        balances.onShown();
        BalancesViewModel.Row row = balances.rows().stream().filter(r -> r.symbol().equals("GOLD")).findFirst().orElseThrow();
        assertEquals("1,234.50", row.balance(), "two places, as the token has");
        assertEquals(Format.address(gold.address()), row.address());

        TransferViewModel transfer = new TransferViewModel(model, new ScriptedConfirmations());
        transfer.onShown();
        assertEquals(List.of("STRK", "GOLD"), transfer.tokens().stream().map(Token::symbol).toList(), "what the session can move");
        assertEquals(2, transfer.tokens().get(1).decimals());

        PolicyViewModel policy = new PolicyViewModel(model);
        policy.onShown();
        PolicyViewModel.Gauge gauge = policy.gauges().get(1);
        assertEquals("0 of 500 GOLD", gauge.usedText());
        assertTrue(gauge.remaining().startsWith("500"), gauge.remaining());
    }
}
