package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.sandbox.SandboxPaymaster;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.transfer.TransferViewModel;

/** Transfer with a paymaster set in Settings: the fee sponsored or paid in USDC, said on the review sheet, against the sandbox's paymaster. */
class GaslessTransferViewModelIT {

    @TempDir
    Path home;

    private SandboxWallet world;
    private SandboxNode node;
    private TransferViewModel vm;
    private final ScriptedConfirmations confirmations = new ScriptedConfirmations();

    @BeforeEach
    void connect() {
        world = new SandboxWallet(home);
        node = world.node;
        world.setPaymaster();
        vm = new TransferViewModel(world.model, confirmations);
        vm.onShown();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private BigInteger usdcOf(xyz.cavos.wallet.starknet.Felt address) {
        return node.balanceOf(address, Token.USDC);
    }

    private void send(String usdc, FeeChoice choice) {
        vm.tokenProperty().set(Token.USDC);
        vm.recipientProperty().set(SandboxWallet.RECIPIENT.toHex());
        vm.amountProperty().set(usdc);
        vm.feeChoiceProperty().set(choice);
        vm.gasTokenProperty().set(Token.USDC);
        confirmations.answer(true);
        vm.review();
    }

    @Test
    void theFeeIsSponsoredAndTheSheetSaysSo() {
        assertTrue(vm.paymasterSetProperty().get(), "the paymaster set in Settings is offered");
        BigInteger strkBefore = node.balanceOf(world.demo.address(), Token.STRK);
        send("5", FeeChoice.SPONSORED);
        List<String> asked = confirmations.lastLines();
        assertTrue(asked.contains("Fee: Sponsored by the paymaster: you pay nothing"), asked.toString());
        assertTrue(asked.contains("Paymaster: " + world.paymasterShown()), asked.toString());
        assertEquals(TransferViewModel.Stage.ACCEPTED, vm.stageProperty().get(), vm.problemProperty().get());
        assertEquals(U256.parseAmount("5", 6).value(), usdcOf(SandboxWallet.RECIPIENT));
        assertEquals(strkBefore, node.balanceOf(world.demo.address(), Token.STRK), "no STRK paid for the fee");
        assertTrue(vm.progressProperty().get().endsWith("no fee: sponsored by the paymaster"), vm.progressProperty().get());
    }

    @Test
    void theFeeIsPaidInUsdcAtMostWhatTheSheetShowed() {
        send("2", FeeChoice.TOKEN);
        String fee = confirmations.lastLines().stream().filter(l -> l.startsWith("Fee: ")).findFirst().orElseThrow();
        assertTrue(fee.startsWith("Fee: ≈ ") && fee.contains(" USDC (at most ") && fee.endsWith("USDC), paid to the paymaster"), fee);
        assertEquals(TransferViewModel.Stage.ACCEPTED, vm.stageProperty().get(), vm.problemProperty().get());
        BigInteger paid = usdcOf(node.relayerAddress());
        assertTrue(paid.signum() > 0, "the paymaster was paid in USDC");
        assertEquals(U256.parseAmount("248", 6).value().subtract(paid), usdcOf(world.demo.address()));
        assertTrue(vm.progressProperty().get().endsWith("fee " + U256.of(paid).toAmountString(6) + " USDC to the paymaster"),
                "the fee paid, as the chain took it: " + vm.progressProperty().get());
    }

    @Test
    void aPaymasterThatChangesTheTransferIsRefusedAtReviewAndNothingIsAsked() {
        node.paymaster().misbehave(SandboxPaymaster.Misbehaviour.CHANGE_CALL);
        send("3", FeeChoice.TOKEN);
        assertEquals(TransferViewModel.Stage.FAILED, vm.stageProperty().get());
        assertTrue(vm.problemProperty().get().contains("not the one you asked for"), vm.problemProperty().get());
        assertEquals(List.of(), confirmations.ids(), "nothing to confirm: nothing was signed");
        assertFalse(usdcOf(SandboxPaymaster.THIEF).signum() > 0);
    }
}
