package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.ui.session.SessionViewModel;
import xyz.cavos.wallet.wallet.SessionState;

/** Session status against a real in-process sandbox: the countdown, renewal, revocation, removal. */
class SessionViewModelIT {

    @TempDir
    Path home;

    private SandboxWallet world;
    private SessionViewModel vm;
    private final ScriptedConfirmations confirmations = new ScriptedConfirmations();

    @BeforeEach
    void connect() {
        world = new SandboxWallet(home);
        vm = new SessionViewModel(world.model, confirmations);
        vm.onShown();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static long seconds(String clock) {
        String[] parts = clock.replaceFirst("^\\d+ d ", "").split(":");
        long days = clock.contains(" d ") ? Long.parseLong(clock.substring(0, clock.indexOf(' '))) : 0;
        return days * 86_400 + Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(parts[2]);
    }

    @Test
    void theCountdownRunsByTheAppClock() {
        assertEquals(SessionState.ACTIVE, vm.stateProperty().get());
        assertEquals("Active", vm.stateLabelProperty().get());
        assertEquals("left until the session expires", vm.countdownCaptionProperty().get());
        long left = seconds(vm.countdownProperty().get());
        assertTrue(left > 22 * 3600 && left <= 24 * 3600, vm.countdownProperty().get());

        world.model.tick(Instant.now().plusSeconds(5));
        long later = seconds(vm.countdownProperty().get());
        assertTrue(left - later >= 4 && left - later <= 6, left + " then " + later);
        assertTrue(vm.revocableProperty().get());
        assertFalse(vm.renewableProperty().get());
        assertEquals("0 sent from this device", vm.callsMadeProperty().get());
    }

    @Test
    void expiryIsSeenByTheCountdownConfirmedOnChainAndRenewed() {
        long left = world.model.statusProperty().get().secondsLeft();
        world.node.increaseTime(left + 10);
        world.model.tick(Instant.now().plusSeconds(left + 10)); // crossing the edge re-reads the chain
        assertEquals(SessionState.EXPIRED_RENEWABLE, vm.stateProperty().get());
        assertEquals("left to renew", vm.countdownCaptionProperty().get());
        assertTrue(vm.explanationProperty().get().startsWith("The session expired at "), vm.explanationProperty().get());
        assertTrue(vm.renewableProperty().get());
        assertFalse(vm.revocableProperty().get(), "an expired session cannot sign its own revocation");

        SessionToken old = world.model.walletProperty().get().token();
        confirmations.answer(true);
        vm.renew();
        assertEquals(List.of("confirm-renew"), confirmations.ids(), "a renewal costs a fee: it is asked first");
        assertTrue(confirmations.lastLines().stream().anyMatch(line -> line.startsWith("Fee: ≈ ") && line.contains(" STRK")),
                "with the fee on the sheet: " + confirmations.lastLines());
        assertEquals("", vm.problemProperty().get());
        assertTrue(vm.resultProperty().get().startsWith("Session renewed in transaction 0x"), vm.resultProperty().get());
        assertEquals(SessionState.ACTIVE, vm.stateProperty().get());
        SessionToken renewed = world.model.walletProperty().get().token();
        assertNotEquals(old.sessionPublicKey(), renewed.sessionPublicKey());
        assertTrue(world.model.store().load().orElseThrow().sameSession(renewed), "the keychain holds the new session");
    }

    @Test
    void renewAskedWithTheFeeAndANoSendsNothing() {
        long left = world.model.statusProperty().get().secondsLeft();
        world.node.increaseTime(left + 10);
        world.model.tick(Instant.now().plusSeconds(left + 10));
        SessionToken old = world.model.walletProperty().get().token();
        confirmations.answer(false);
        vm.renew();
        assertEquals(List.of("confirm-renew"), confirmations.ids());
        assertEquals(SessionState.EXPIRED_RENEWABLE, vm.stateProperty().get(), "nothing was renewed");
        assertTrue(world.model.walletProperty().get().token().sameSession(old));
        assertEquals("", vm.resultProperty().get());
    }

    @Test
    void renewingAnActiveSessionIsRefusedWithTheReason() {
        vm.renew();
        assertTrue(vm.problemProperty().get().startsWith("Session is still active"), vm.problemProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void revokeAsksThenShowsTheRevokedState() {
        confirmations.answer(true);
        vm.revoke();
        assertEquals(List.of("confirm-revoke"), confirmations.ids());
        assertTrue(confirmations.lastLines().contains("Network: sandbox"), confirmations.lastLines().toString());
        assertTrue(confirmations.lastLines().stream().anyMatch(line -> line.startsWith("Fee: ≈ ")), confirmations.lastLines().toString());
        assertTrue(vm.resultProperty().get().startsWith("Session revoked in transaction 0x"), vm.problemProperty().get());
        assertEquals(SessionState.REVOKED, vm.stateProperty().get());
        assertEquals("—", vm.countdownProperty().get(), "no 00:00:00 beside Revoked");
        assertTrue(vm.explanationProperty().get().startsWith("Revoked from this device. "), vm.explanationProperty().get());
        assertFalse(vm.revocableProperty().get());
    }

    @Test
    void revokeAllEndsEverySessionOfTheAccount() {
        confirmations.answer(true, true);
        vm.revokeAll();
        assertEquals(List.of("confirm-revoke-all", "confirm-revoke-all-again"), confirmations.ids());
        assertEquals(SessionState.REVOKED, vm.stateProperty().get(), vm.problemProperty().get());
        assertTrue(vm.explanationProperty().get().startsWith("All sessions revoked (emergency revoke). "), vm.explanationProperty().get());
    }

    @Test
    void removingFromThisDeviceEmptiesTheKeychainAndTheScreens() {
        confirmations.answer(true);
        vm.forget();
        assertEquals(List.of("confirm-forget"), confirmations.ids());
        assertTrue(world.model.store().load().isEmpty());
        assertNull(world.model.walletProperty().get());
        assertNull(vm.stateProperty().get());
        assertEquals("No session", vm.stateLabelProperty().get());
        assertEquals(WalletModel.Connection.NO_SESSION, world.model.connectionProperty().get());
    }

    /** The in-app sandbox dies with the app: at the next start the session's node is gone, and the session must not be stuck. */
    @Test
    void aSessionWhoseNodeIsGoneIsShownNotConnectedAndCanStillBeRemoved() {
        SessionToken stored = world.model.store().load().orElseThrow();
        world.node.close();
        WalletModel restarted = new WalletModel(world.executor, world.model.store(), xyz.cavos.wallet.wallet.ConnectionOptions.DEFAULT,
                new xyz.cavos.wallet.app.LocalSandbox());
        SessionViewModel screen = new SessionViewModel(restarted, confirmations);
        screen.onShown();
        restarted.connect(stored, () -> { }, e -> { });
        restarted.refresh();
        assertEquals(stored, restarted.sessionProperty().get(), "the session stays the app's, connected or not");
        assertEquals(WalletModel.Connection.OFFLINE, restarted.connectionProperty().get());
        assertEquals("Not connected", screen.stateLabelProperty().get());
        assertTrue(screen.explanationProperty().get().contains("You can still remove the session from this device"),
                screen.explanationProperty().get());
        assertTrue(screen.presentProperty().get(), "Remove from this device stays on");

        confirmations.answer(true);
        screen.forget();
        assertEquals(List.of("confirm-forget"), confirmations.ids());
        assertTrue(confirmations.lastLines().contains("Fee: None: nothing is sent"), confirmations.lastLines().toString());
        assertTrue(restarted.store().load().isEmpty(), "removed without the node");
        assertNull(restarted.sessionProperty().get());
        assertEquals("No session", screen.stateLabelProperty().get());
    }

    /** The settings may call another session current: removing takes away the one on view, never another. */
    @Test
    void removingTakesAwayTheSessionOnViewNotTheOneTheSettingsCallCurrent() {
        SessionToken other = world.node.dashboard().registerSession(world.demo.address(),
                xyz.cavos.wallet.sandbox.SandboxDashboard.SessionRequest.demo());
        world.model.store().save("other", other, other.network(), other.rpcUrl(), false); // made current by the import
        confirmations.answer(true);
        vm.forget();
        List<String> left = world.model.store().sessions().stream().map(xyz.cavos.wallet.wallet.StoredSession::name).toList();
        assertEquals(List.of("other"), left, "the session on view was removed, the other one kept");
        assertTrue(world.model.store().load("other").orElseThrow().sameSession(other));
    }

    /** Nothing sent, as the chain sees it: the session is still active and no call left this device. */
    private void assertNothingSent() {
        world.model.refresh();
        assertEquals(SessionState.ACTIVE, world.model.statusProperty().get().state());
        assertEquals(0, world.model.snapshotProperty().get().callsMade());
        assertEquals("Active", vm.stateLabelProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void revokeAllAsksTwiceAndANoAtEitherQuestionSendsNothing() {
        confirmations.answer(false);
        vm.revokeAll();
        assertEquals(List.of("confirm-revoke-all"), confirmations.ids(), "a no at the first question asks no second");
        assertNothingSent();

        confirmations.answer(true, false);
        vm.revokeAll();
        assertEquals(List.of("confirm-revoke-all", "confirm-revoke-all", "confirm-revoke-all-again"), confirmations.ids());
        assertTrue(confirmations.asked.getLast().dangerous());
        assertNothingSent();
    }

    @Test
    void aNoToRevokeOrRemoveChangesNothing() {
        confirmations.answer(false, false);
        vm.revoke();
        vm.forget();
        assertEquals(List.of("confirm-revoke", "confirm-forget"), confirmations.ids());
        assertNothingSent();
        assertTrue(world.model.store().load().isPresent(), "the keychain still holds the session");
    }

    @Test
    void aHiddenScreenAsksNothing() {
        vm.onHidden();
        vm.revoke();
        vm.revokeAll();
        vm.forget();
        assertEquals(List.of(), confirmations.asked);
        assertNothingSent();
    }

    @Test
    void messagesAreClearedWhenTheSessionChanges() {
        vm.renew();
        assertTrue(vm.problemProperty().get().startsWith("Session is still active"), vm.problemProperty().get());
        world.connectAnotherSession();
        assertEquals("", vm.problemProperty().get());

        confirmations.answer(true);
        vm.revoke();
        assertTrue(vm.resultProperty().get().startsWith("Session revoked"), vm.resultProperty().get());
        vm.onHidden();
        world.connectAnotherSession();
        assertTrue(vm.resultProperty().get().startsWith("Session revoked"), "a hidden screen does not listen");
        assertEquals("Revoked", vm.stateLabelProperty().get());
        vm.onShown();
        assertEquals("", vm.resultProperty().get(), "shown again, it sees the new session and drops the old one's result");
        assertEquals("Active", vm.stateLabelProperty().get());
    }
}
