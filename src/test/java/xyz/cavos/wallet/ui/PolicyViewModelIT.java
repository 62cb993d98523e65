package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.StaleExports;
import xyz.cavos.wallet.ui.policy.PolicyViewModel;

/** Policy usage against a real in-process sandbox: the gauges follow what the chain counted. */
class PolicyViewModelIT {

    @TempDir
    Path home;

    private SandboxWallet world;
    private PolicyViewModel vm;

    @BeforeEach
    void connect() {
        world = new SandboxWallet(home);
        vm = new PolicyViewModel(world.model);
        vm.onShown();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void theGaugesFillAsTheSessionSpendsAndTurnRedAtTheLimit() {
        assertEquals(List.of("STRK", "ETH", "USDC"), vm.gauges().stream().map(PolicyViewModel.Gauge::symbol).toList());
        PolicyViewModel.Gauge strk = vm.gauges().getFirst();
        assertEquals("0 of 100 STRK", strk.usedText());
        assertEquals(PolicyViewModel.Band.OK, strk.band());

        vm.onHidden();
        world.send("1.5");
        assertEquals("0 of 100 STRK", vm.gauges().getFirst().usedText(), "a hidden screen does not follow the snapshots");
        vm.onShown();
        strk = vm.gauges().getFirst();
        assertEquals("1.5 of 100 STRK", strk.usedText());
        assertEquals("98.5", strk.remaining());
        assertEquals(0.015, strk.fraction(), 1e-12);
        assertEquals(PolicyViewModel.Band.OK, strk.band());

        world.send("80");
        assertEquals(PolicyViewModel.Band.NEAR, vm.gauges().getFirst().band(), "81.5 of 100 is near the limit");
        world.send("18.5");
        strk = vm.gauges().getFirst();
        assertEquals("100 of 100 STRK", strk.usedText());
        assertEquals(PolicyViewModel.Band.REACHED, strk.band());
        assertEquals("0", strk.remaining());
        assertEquals("0 of 0.1 ETH", vm.gauges().get(1).usedText(), "the other limits are untouched");
    }

    @Test
    void allowedContractsCarryTheirNamesAndTheCallRulesAreStated() {
        assertEquals(List.of("STRK", "ETH", "USDC", "Demo swap"), vm.contracts().stream().map(PolicyViewModel.Contract::name).toList());
        assertEquals(SandboxNode.DEMO_SWAP.toPaddedHex(), vm.contracts().get(3).address());
        assertEquals("5 calls per transaction", vm.maxCallsProperty().get());
        assertEquals("3 tokens are limited for this session.", vm.limitsSummaryProperty().get());
        assertTrue(PolicyViewModel.COUNTED_CALLS.contains("Only transfer and approve calls count"));
        assertEquals(List.of(), vm.warnings());
    }

    @Test
    void anUnlimitedSessionSaysSoAndWarns() {
        var open = world.node.dashboard().registerSession(world.demo.address(),
                SandboxDashboard.SessionRequest.of(new SessionPolicy(List.of(), List.of(), 1), 3600));
        world.model.connect(open, () -> { }, e -> {
            throw new AssertionError(e);
        });
        assertEquals(List.of(), vm.gauges());
        assertEquals("No spending limits: this session may move any amount of any token.", vm.limitsSummaryProperty().get());
        assertEquals("No allow-list: this session may call any contract.", vm.contractsSummaryProperty().get());
        assertEquals("1 call per transaction", vm.maxCallsProperty().get());
        assertTrue(vm.warnings().contains("No spending limits: unlimited transfers allowed."), vm.warnings().toString());
    }

    @Test
    void aTokenWithoutPolicyShowsTheChainsLimitsAndSaysItsListIsMissing() {
        SessionPolicy onChain = new SessionPolicy(List.of(Token.STRK.address(), Token.ETH.address()),
                List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("10", 18))), 3);
        SessionToken bare = StaleExports.register(world.node, world.demo.address(), Optional.empty(), onChain);
        world.model.connect(bare, () -> { }, e -> {
            throw new AssertionError(e);
        });
        assertEquals(List.of("0 of 10 STRK"), vm.gauges().stream().map(PolicyViewModel.Gauge::usedText).toList(),
                "the chain's limit, where the token has none");
        assertEquals("3 calls per transaction", vm.maxCallsProperty().get());
        assertTrue(vm.contractsSummaryProperty().get().startsWith("An allow-list applies on chain"), vm.contractsSummaryProperty().get());
        assertFalse(vm.warnings().contains("No spending limits: unlimited transfers allowed."), vm.warnings().toString());
    }
}
