package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.ui.session.SessionViewModel;
import xyz.cavos.wallet.wallet.SessionState;

/**
 * The Session screen with a paymaster set in Settings, against the sandbox's paymaster: revoking sponsored, revoking every
 * session paying in USDC, renewing sponsored; a renewal paid in a token is refused before anything is asked. None of them
 * takes STRK from the wallet.
 */
class GaslessSessionViewModelIT {

    @TempDir
    Path home;

    private SandboxWallet world;
    private SandboxNode node;
    private SessionViewModel vm;
    private final ScriptedConfirmations confirmations = new ScriptedConfirmations();
    private BigInteger strkBefore;

    @BeforeEach
    void connect() {
        world = new SandboxWallet(home);
        node = world.node;
        world.setPaymaster();
        vm = new SessionViewModel(world.model, confirmations);
        vm.onShown();
        strkBefore = strk();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private BigInteger strk() {
        return node.balanceOf(world.demo.address(), Token.STRK);
    }

    private String feeLine() {
        return confirmations.lastLines().stream().filter(l -> l.startsWith("Fee: ")).findFirst().orElseThrow();
    }

    @Test
    void revokingSponsoredAsksWithThePaymasterOnTheSheet() {
        assertTrue(vm.feeSelection().paymasterSetProperty().get(), "the paymaster set in Settings is offered");
        vm.feeSelection().choiceProperty().set(FeeChoice.SPONSORED);
        confirmations.answer(true);
        vm.revoke();
        assertEquals("Fee: " + FeeSelection.SPONSORED, feeLine());
        assertTrue(confirmations.lastLines().contains("Paymaster: " + world.paymasterShown()), confirmations.lastLines().toString());
        assertEquals("", vm.problemProperty().get());
        assertEquals(SessionState.REVOKED, vm.stateProperty().get());
        assertEquals(strkBefore, strk(), "no fee was paid in STRK");
    }

    @Test
    void revokingEverySessionPaysThePaymasterInUsdcAtMostWhatTheSheetShowed() {
        vm.feeSelection().choiceProperty().set(FeeChoice.TOKEN);
        vm.feeSelection().gasTokenProperty().set(Token.USDC);
        BigInteger usdcBefore = node.balanceOf(world.demo.address(), Token.USDC);
        confirmations.answer(true, true);
        vm.revokeAll();
        assertEquals(List.of("confirm-revoke-all", "confirm-revoke-all-again"), confirmations.ids());
        String fee = confirmations.asked.getFirst().lines().stream().filter(l -> l.startsWith("Fee: ")).findFirst().orElseThrow();
        assertTrue(fee.startsWith("Fee: ≈ ") && fee.endsWith(" USDC), paid to the paymaster"), fee);
        assertEquals("", vm.problemProperty().get());
        assertEquals(SessionState.REVOKED, vm.stateProperty().get());
        BigInteger paid = node.balanceOf(node.relayerAddress(), Token.USDC);
        assertTrue(paid.signum() > 0, "the paymaster was paid in USDC");
        assertEquals(usdcBefore.subtract(paid), node.balanceOf(world.demo.address(), Token.USDC));
        assertEquals(strkBefore, strk(), "no fee was paid in STRK");
    }

    @Test
    void anExpiredSessionIsRenewedSponsoredButNotPayingInAToken() {
        long left = world.model.statusProperty().get().secondsLeft();
        node.increaseTime(left + 10);
        world.model.tick(Instant.now().plusSeconds(left + 10));
        assertEquals(SessionState.EXPIRED_RENEWABLE, vm.stateProperty().get());

        vm.feeSelection().choiceProperty().set(FeeChoice.TOKEN);
        vm.renew();
        assertEquals(List.of(), confirmations.ids(), "refused before anything is asked");
        assertTrue(vm.problemProperty().get().contains("A renewal cannot pay its fee in USDC"), vm.problemProperty().get());

        SessionToken old = world.model.walletProperty().get().token();
        vm.feeSelection().choiceProperty().set(FeeChoice.SPONSORED);
        confirmations.answer(true);
        vm.renew();
        assertEquals("Fee: " + FeeSelection.SPONSORED, feeLine());
        assertEquals("", vm.problemProperty().get());
        assertEquals(SessionState.ACTIVE, vm.stateProperty().get());
        assertFalse(world.model.walletProperty().get().token().sameSession(old), "the new session is in use");
        assertEquals(strkBefore, strk(), "no fee was paid in STRK");
    }
}
