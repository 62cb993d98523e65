package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.transfer.TransferViewModel;

/** The Transfer view-model against a real in-process sandbox, without a window. */
class TransferViewModelIT {

    private static final String RECIPIENT = SandboxWallet.RECIPIENT.toHex();

    @TempDir
    Path home;

    private SandboxWallet world;
    private SandboxNode node;
    private TransferViewModel vm;

    @BeforeEach
    void connect() {
        world = new SandboxWallet(home);
        node = world.node;
        vm = new TransferViewModel(world.model);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void reviewThenSendUpdatesBalanceAndLimit() {
        assertFalse(vm.canReviewProperty().get());
        vm.recipientProperty().set(RECIPIENT);
        vm.amountProperty().set("1.5");
        assertTrue(vm.canReviewProperty().get());
        assertEquals("Available: 1000.0 STRK · session limit left: 100.0 STRK", vm.availableProperty().get());

        vm.review();
        assertEquals(TransferViewModel.Stage.READY, vm.stageProperty().get(), vm.problemProperty().get());
        assertTrue(vm.feeProperty().get().endsWith(")") && vm.feeProperty().get().contains("STRK"), vm.feeProperty().get());
        assertEquals("98.5 STRK of 100.0 left after this transfer", vm.limitAfterProperty().get());
        assertTrue(vm.confirmationLines().contains("Send 1.5 STRK"), vm.confirmationLines().toString());

        vm.send();
        assertEquals(TransferViewModel.Stage.ACCEPTED, vm.stageProperty().get(), vm.problemProperty().get());
        assertTrue(vm.progressProperty().get().startsWith("Sent 1.5 STRK, accepted in block"), vm.progressProperty().get());
        assertEquals(U256.parseAmount("1.5", 18).value(), node.balanceOf(Felt.parse(RECIPIENT), Token.STRK));
        assertTrue(vm.availableProperty().get().contains("session limit left: 98.5 STRK"), vm.availableProperty().get());
    }

    @Test
    void overTheLimitIsRefusedInlineBeforeSigning() {
        vm.recipientProperty().set(RECIPIENT);
        vm.amountProperty().set("150");
        vm.review();
        assertEquals(TransferViewModel.Stage.FAILED, vm.stageProperty().get());
        assertTrue(vm.problemProperty().get().startsWith("Spending limit exceeded (0.0 used, 100.0 limit)"), vm.problemProperty().get());
        assertTrue(vm.problemProperty().get().endsWith("See the Policy usage screen."), "the next step is a screen, not a command: "
                + vm.problemProperty().get());
        assertEquals(0, node.balanceOf(Felt.parse(RECIPIENT), Token.STRK).signum(), "nothing was sent");
        vm.amountProperty().set("1");
        assertEquals(TransferViewModel.Stage.EDITING, vm.stageProperty().get(), "editing clears the refusal");
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void inputIsCheckedAsItIsTypedAndMaxRespectsTheLimit() {
        vm.recipientProperty().set("0xnope");
        assertTrue(vm.recipientErrorProperty().get().startsWith("Recipient \"0xnope\""), vm.recipientErrorProperty().get());
        vm.amountProperty().set("1e3");
        assertTrue(vm.amountErrorProperty().get().contains("exponent"), vm.amountErrorProperty().get());
        assertFalse(vm.canReviewProperty().get());
        vm.amountProperty().set("0.0000000000000000001");
        assertTrue(vm.amountErrorProperty().get().contains("decimal places"), vm.amountErrorProperty().get());

        vm.max();
        assertEquals("100.0", vm.amountProperty().get(), "the limit (100) is below the balance (1000)");
        vm.tokenProperty().set(Token.USDC);
        vm.max();
        assertEquals("50.0", vm.amountProperty().get());
    }
}
