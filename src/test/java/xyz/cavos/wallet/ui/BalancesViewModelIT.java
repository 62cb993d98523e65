package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.FaultPlan;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.balances.BalancesViewModel;

/** Balances against a real in-process sandbox: exact amounts, the connection's state, refreshing by itself. */
class BalancesViewModelIT {

    @TempDir
    Path home;

    private SandboxWallet world;
    private BalancesViewModel vm;

    @BeforeEach
    void connect() {
        world = new SandboxWallet(home);
        vm = new BalancesViewModel(world.model);
        vm.onShown();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aRefreshIsOneHttpRequest() {
        for (int i = 0; i < 3; i++) {
            long before = world.node.httpRequests();
            world.model.refresh();
            assertEquals(1, world.node.httpRequests() - before, "balances, session, storage and policy in one round trip");
        }
    }

    @Test
    void everyTokenGroupedAtItsPrecisionWithTheExactBalanceBeside() {
        assertEquals(List.of("STRK", "ETH", "USDC", "USDT"), vm.rows().stream().map(BalancesViewModel.Row::symbol).toList());
        assertEquals(List.of("1,000.00", "0.5000", "250.00", "0.00"), vm.rows().stream().map(BalancesViewModel.Row::balance).toList(),
                "no 1000.0 or 0.0: grouped, one precision per token");
        assertEquals(List.of("1,000", "0.5", "250", "0"), vm.rows().stream().map(BalancesViewModel.Row::exact).toList());
        assertEquals(world.demo.address().toPaddedHex(), vm.walletAddressProperty().get(), "0x and 64 digits, as everywhere");
        assertTrue(vm.connectionProperty().get().startsWith("sandbox · block "), vm.connectionProperty().get());
        assertTrue(vm.connectionProperty().get().endsWith(" ms"), vm.connectionProperty().get());

        world.send("0.000000000000000001");
        String strk = vm.rows().getFirst().exact();
        assertTrue(strk.startsWith("999.99") && strk.length() > 20, "1 wei and the fee left the wallet, to the last digit: " + strk);
        assertEquals("999.99", vm.rows().getFirst().balance(), "cut, never rounded up to 1,000.00");
    }

    @Test
    void theWalletIsReadAgainEveryTwentySecondsAndBacksOffWhileOffline() {
        Instant first = world.model.lastRefreshedProperty().get();
        Instant clock = Instant.now();
        world.model.tick(clock = clock.plusSeconds(5));
        assertEquals(first, world.model.lastRefreshedProperty().get(), "not yet");
        assertTrue(vm.freshnessProperty().get().startsWith("Last refreshed"), vm.freshnessProperty().get());

        world.node.mint(world.demo.address(), Token.USDT, U256.parseAmount("7", 6));
        world.model.tick(clock = clock.plus(WalletModel.REFRESH_EVERY));
        assertNotEquals(first, world.model.lastRefreshedProperty().get());
        assertEquals("7.00", vm.rows().get(3).balance(), "the new balance shows without a click");

        world.node.setFaults(new FaultPlan(0, 0, 1, 0, 0));
        world.model.tick(clock = clock.plus(WalletModel.REFRESH_EVERY));
        assertEquals(WalletModel.Connection.OFFLINE, world.model.connectionProperty().get());
        assertEquals("7.00", vm.rows().get(3).balance(), "the last balances stay on screen while offline");
        assertTrue(vm.offlineNoteProperty().get().startsWith("Offline since "), "and say they may be out of date: "
                + vm.offlineNoteProperty().get());
        world.node.setFaults(FaultPlan.NONE);
        world.model.tick(clock = clock.plusSeconds(5));
        assertEquals(WalletModel.Connection.OFFLINE, world.model.connectionProperty().get(), "the retry waits a little while offline");
        world.model.tick(clock.plusSeconds(6));
        assertEquals(WalletModel.Connection.ONLINE, world.model.connectionProperty().get());
        assertEquals("", vm.offlineNoteProperty().get(), "current again: no note");
    }

    @Test
    void aHiddenScreenIsLeftAloneAndCatchesUpWhenShown() {
        vm.onHidden();
        world.send("1.5");
        world.model.tick(Instant.now().plusSeconds(300));
        assertEquals("1,000.00", vm.rows().getFirst().balance(), "the hidden screen's rows are untouched");
        assertEquals("Last refreshed just now", vm.freshnessProperty().get(), "so is its freshness");
        vm.onShown();
        assertTrue(vm.rows().getFirst().balance().startsWith("998.49"), vm.rows().getFirst().balance());
        assertEquals(WalletModel.Connection.ONLINE, vm.connectionStateProperty().get());
        vm.onShown(); // a second call adds nothing twice
        vm.onHidden();
        world.send("1");
        assertTrue(vm.rows().getFirst().balance().startsWith("998.49"), "one hide removes every listener");
    }

    @Test
    void aTokenAddedByItsAddressIsListedWithTheChainsSymbolAndDecimals() {
        Token gold = world.node.deployToken("Gold", "GOLD", 8, false);
        world.node.mint(world.demo.address(), gold, U256.parseAmount("12.5", 8));
        vm.addToken(gold.address().toHex());
        assertEquals("Added GOLD (8 decimals).", vm.tokenResultProperty().get(), vm.tokenProblemProperty().get());
        BalancesViewModel.Row row = vm.rows().stream().filter(r -> r.symbol().equals("GOLD")).findFirst().orElseThrow();
        assertEquals("12.5", row.exact());

        vm.addToken("0x1234");
        assertTrue(vm.tokenProblemProperty().get().contains("0x"), vm.tokenProblemProperty().get());
        assertEquals("", vm.tokenResultProperty().get());
    }
}
