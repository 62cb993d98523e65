package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.policy.AllowancesViewModel;
import xyz.cavos.wallet.wallet.AddressBook;
import xyz.cavos.wallet.wallet.Progress;

/** The allowances on the Policy screen against a real in-process sandbox: listed by the spender's name, revoked after the review sheet. */
class AllowancesViewModelIT {

    @TempDir
    Path home;

    private SandboxWallet world;
    private AllowancesViewModel vm;
    private final ScriptedConfirmations confirmations = new ScriptedConfirmations();

    @BeforeEach
    void connect() {
        world = new SandboxWallet(home);
        AddressBook.open(home).add("Swap", SandboxNode.DEMO_SWAP, Optional.empty());
        vm = new AllowancesViewModel(world.model, confirmations);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void noAllowanceSaysSoAndOneApprovedIsListedByTheSpendersName() {
        vm.onShown();
        assertEquals(List.of(), vm.rows());
        approve("5");
        world.model.refresh();
        AllowancesViewModel.Row row = vm.rows().getFirst();
        assertEquals("STRK", row.token());
        assertEquals("Swap", row.spender());
        assertEquals(Format.address(SandboxNode.DEMO_SWAP), row.spenderAddress());
        assertEquals("5 STRK", row.amount());
        assertTrue(row.open());
    }

    @Test
    void revokingAsksOnTheReviewSheetWithTheFeeThenLeavesNothing() {
        approve("5");
        vm.onShown();
        AllowancesViewModel.Row row = vm.rows().getFirst();

        confirmations.answer(false);
        vm.revoke(row);
        assertEquals(List.of("confirm-revoke-allowance"), confirmations.ids());
        assertTrue(confirmations.lastLines().contains("Spender: Swap\n" + Format.groupedAddress(SandboxNode.DEMO_SWAP)),
                confirmations.lastLines().toString());
        assertTrue(confirmations.lastLines().stream().anyMatch(l -> l.startsWith("Fee: ≈ ") && l.contains("STRK")), confirmations.lastLines().toString());
        assertTrue(confirmations.lastLines().contains("Allowance now: 5 STRK"), confirmations.lastLines().toString());
        assertEquals("5 STRK", vm.rows().getFirst().amount(), "a no sends nothing");

        confirmations.answer(true);
        vm.revoke(vm.rows().getFirst());
        assertTrue(vm.messageProperty().get().startsWith("Allowance revoked in transaction 0x"), vm.messageProperty().get());
        assertEquals("None left (revoked or spent)", vm.rows().getFirst().amount());
        assertFalse(vm.rows().getFirst().open());
        vm.revoke(vm.rows().getFirst());
        assertEquals(2, confirmations.ids().size(), "nothing left to revoke: nothing asked");
    }

    private void approve(String strk) {
        world.model.walletProperty().get().approve(Token.STRK, SandboxNode.DEMO_SWAP, U256.parseAmount(strk, 18), true, Duration.ofSeconds(30),
                Progress.SILENT);
    }
}
