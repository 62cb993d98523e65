package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.util.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.SessionTransaction;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.session.SessionViewModel;
import xyz.cavos.wallet.ui.transfer.TransferViewModel;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.SessionState;
import xyz.cavos.wallet.wallet.WalletError;

/**
 * The notifications against a real in-process sandbox, without a window: the session's expiry by chain time, the
 * spending limits crossing 80 % and 100 %, transactions accepted and reverted; each told once.
 */
class NotifierIT {

    @TempDir
    Path home;

    private SandboxWallet world;
    private Notifier notifier;
    private Subscription listening;

    @BeforeEach
    void connect() {
        world = new SandboxWallet(home);
        notifier = new Notifier(world.model);
        listening = notifier.start();
    }

    @AfterEach
    void stop() {
        listening.unsubscribe();
        world.close();
    }

    private List<Notification.Kind> kinds() {
        return notifier.fired().stream().map(Notification::kind).toList();
    }

    private List<String> titles() {
        return notifier.fired().stream().map(Notification::title).toList();
    }

    /** Moves the chain on to {@code left} seconds before the session's end, and the app reads it. */
    private void chainAt(long left) {
        world.node.increaseTime(world.model.statusProperty().get().secondsLeft() - left);
        world.model.refresh();
    }

    /** The app clock ticks a few times and the wallet is read again: nothing is told twice. */
    private void tickAndRefresh() {
        for (int i = 0; i < 3; i++) {
            world.model.tick(Instant.now());
        }
        world.model.refresh();
    }

    @Test
    void theSessionsEndIsToldAnHourAndTenMinutesBeforeAndWhenItExpiredEachOnce() {
        assertEquals(List.of(), notifier.fired(), "a fresh 24-hour session says nothing");
        assertNull(notifier.bannerProperty().get());

        // the countdown crosses the hour by the app clock alone, before any read
        long toTheHour = world.model.statusProperty().get().secondsLeft() - 3595;
        world.node.increaseTime(toTheHour);
        world.model.tick(Instant.now().plusSeconds(toTheHour));
        assertEquals(List.of("Session expires in 1 hour"), titles());
        Notification hour = notifier.fired().getFirst();
        assertEquals(Notification.Level.WARNING, hour.level());
        assertEquals(AppShell.Screen.SESSION, hour.screen());
        var status = world.model.statusProperty().get();
        assertEquals("At " + Format.time(status.validUntil()) + " by chain time; then renewable until "
                + Format.time(status.renewalDeadline()) + ".", hour.text());
        assertEquals("Session expires within the hour", notifier.bannerProperty().get().title());
        tickAndRefresh();
        assertEquals(1, notifier.fired().size(), "told once: " + titles());

        chainAt(595);
        assertEquals(List.of("Session expires in 1 hour", "Session expires in 10 minutes"), titles());
        assertEquals("Session expires within minutes", notifier.bannerProperty().get().title());
        tickAndRefresh();
        assertEquals(2, notifier.fired().size(), titles().toString());

        chainAt(-5);
        assertEquals(SessionState.EXPIRED_RENEWABLE, world.model.statusProperty().get().state());
        assertEquals(List.of(Notification.Kind.SESSION_EXPIRING, Notification.Kind.SESSION_EXPIRING, Notification.Kind.SESSION_EXPIRED),
                kinds());
        Notification expired = notifier.fired().getLast();
        assertEquals("Session expired", expired.title());
        assertEquals("It is renewable until " + Format.time(world.model.statusProperty().get().renewalDeadline())
                + " on the Session screen.", expired.text());
        assertEquals(expired, notifier.bannerProperty().get());
        tickAndRefresh();
        assertEquals(3, notifier.fired().size(), titles().toString());

        notifier.dismissBanner();
        assertNull(notifier.bannerProperty().get());
        tickAndRefresh();
        assertNull(notifier.bannerProperty().get(), "a closed banner stays closed while nothing changes");

        // the renewal period ends: the banner says so again, and nothing more is fired
        var now = world.model.statusProperty().get();
        world.node.increaseTime(now.renewalDeadline() - now.chainTime() + 5);
        world.model.refresh();
        assertEquals(SessionState.EXPIRED, world.model.statusProperty().get().state());
        assertEquals(Notification.Level.ERROR, notifier.bannerProperty().get().level());
        assertTrue(notifier.bannerProperty().get().text().startsWith("Its renewal period ended at "), notifier.bannerProperty().get().text());
        assertEquals(3, notifier.fired().size(), titles().toString());
    }

    @Test
    void anotherSessionTakesTheBannerAwayAndHasItsOwnThresholds() {
        chainAt(1800);
        assertEquals(List.of("Session expires in 30 minutes"), titles(), "the app saw the hour late: it says what is left");
        world.connectAnotherSession();
        assertNull(notifier.bannerProperty().get(), "nothing said about the old session stays");
        world.model.refresh();
        assertNull(notifier.bannerProperty().get());
        assertEquals(1, notifier.fired().size(), titles().toString());
    }

    @Test
    void aLimitCrossingEightyPercentThenAHundredIsToldOnceEach() {
        world.send("50");
        assertEquals(List.of(), notifier.fired(), "half the limit says nothing");
        world.send("31");
        assertEquals(List.of(Notification.Kind.LIMIT_NEAR), kinds());
        Notification near = notifier.fired().getFirst();
        assertEquals("81 % of the STRK spending limit used", near.title());
        assertEquals("81 STRK of 100 STRK spent; 19 STRK left for this session.", near.text());
        assertEquals("••• STRK of ••• STRK spent; ••• STRK left for this session.", HiddenAmounts.mask(near.text()),
                "every figure can be hidden");
        assertEquals(AppShell.Screen.POLICY, near.screen());
        tickAndRefresh();
        world.send("1");
        assertEquals(1, notifier.fired().size(), titles().toString());

        world.send("18");
        assertEquals(List.of(Notification.Kind.LIMIT_NEAR, Notification.Kind.LIMIT_REACHED), kinds());
        assertEquals("STRK spending limit used up", notifier.fired().getLast().title());
        assertEquals("100 STRK of 100 STRK spent: this session can send no more STRK.", notifier.fired().getLast().text());
        tickAndRefresh();
        assertEquals(2, notifier.fired().size(), titles().toString());
    }

    @Test
    void whatWasSpentBeforeTheAppLookedIsNotNews() {
        listening.unsubscribe();
        world.send("85");
        Notifier later = new Notifier(world.model);
        listening = later.start();
        world.model.refresh();
        assertEquals(List.of(), later.fired());
    }

    @Test
    void aTransferAcceptedWhileTheScreenIsHiddenIsToldOnce() {
        ScriptedConfirmations confirmations = new ScriptedConfirmations();
        TransferViewModel transfer = new TransferViewModel(world.model, confirmations);
        transfer.onShown();
        transfer.recipientProperty().set(SandboxWallet.RECIPIENT.toHex());
        transfer.amountProperty().set("1.5");
        confirmations.answer(true);
        world.executor.hold();
        transfer.review();
        world.executor.finish(0); // the review: asked and confirmed; the sending waits
        assertEquals(1, world.executor.waiting());
        transfer.onHidden(); // the person went to another screen
        world.executor.release();
        world.executor.finish(0);

        assertEquals(List.of(Notification.Kind.TRANSACTION_ACCEPTED), kinds());
        Notification accepted = notifier.fired().getFirst();
        assertEquals("Transfer accepted", accepted.title());
        assertEquals(Notification.Level.INFO, accepted.level());
        assertEquals(AppShell.Screen.ACTIVITY, accepted.screen());
        assertTrue(accepted.text().matches("1\\.5 STRK to 0x0517c8…7f6a5b, accepted in block \\d+, fee \\d+\\.\\d{6} STRK\\."),
                accepted.text());
        world.model.refresh();
        assertEquals(1, notifier.fired().size());
    }

    @Test
    void aRevocationAcceptedIsTold() {
        ScriptedConfirmations confirmations = new ScriptedConfirmations();
        SessionViewModel session = new SessionViewModel(world.model, confirmations);
        session.onShown();
        confirmations.answer(true);
        session.revoke();
        assertEquals(SessionState.REVOKED, world.model.statusProperty().get().state());
        assertEquals(List.of("Revocation accepted"), titles());
        assertTrue(notifier.fired().getFirst().text().startsWith("Session key "
                + Format.shortAddress(world.demo.token().sessionPublicKey()) + ", accepted in block "), notifier.fired().getFirst().text());
        assertNull(notifier.bannerProperty().get(), "a revoked session does not expire");
    }

    /** The sandbox reverts a transfer over the limit that skipped the wallet's checks; how the chain said it is what is told. */
    @Test
    void aRevertedTransactionIsToldWithItsReason() {
        Felt hash;
        try (RpcClient rpc = RpcClient.of(world.node.rpcUri())) {
            BigInteger price = rpc.getBlockWithTxHashes(BlockId.LATEST).l2GasPrice();
            ResourceBoundsMapping bounds = new ResourceBoundsMapping(new ResourceBounds(BigInteger.ZERO, BigInteger.ONE.shiftLeft(60)),
                    new ResourceBounds(BigInteger.valueOf(20_000_000), price.multiply(BigInteger.TWO)),
                    new ResourceBounds(BigInteger.valueOf(10_000), BigInteger.ONE.shiftLeft(40)));
            Call overLimit = Call.of(Token.STRK.address(), "transfer",
                    List.of(SandboxWallet.RECIPIENT, U256.parseAmount("500", 18).low(), U256.parseAmount("500", 18).high()));
            hash = rpc.addInvokeTransaction(SessionTransaction.sign(world.demo.token(), SandboxNode.CHAIN_ID,
                    rpc.getNonce(world.demo.address(), BlockId.LATEST), List.of(overLimit), bounds));
        }
        WalletError failure = assertThrows(WalletError.class,
                () -> world.model.walletProperty().get().waitForReceipt(hash, Duration.ofSeconds(30), Progress.SILENT));
        SentTransaction.reverted("Transfer", "500 STRK to someone", hash, failure, AppShell.Screen.ACTIVITY).ifPresent(world.model::settled);
        SentTransaction.reverted("Transfer", "500 STRK to someone", Felt.parse("0x1234"), failure, AppShell.Screen.ACTIVITY)
                .ifPresent(world.model::settled); // another transaction's failure is not this one's revert

        assertEquals(List.of(Notification.Kind.TRANSACTION_REVERTED), kinds());
        Notification reverted = notifier.fired().getFirst();
        assertEquals("Transfer reverted", reverted.title());
        assertEquals(Notification.Level.ERROR, reverted.level());
        assertTrue(reverted.text().startsWith("500 STRK to someone: Spending limit exceeded"), reverted.text());
        assertTrue(reverted.text().endsWith(". The fee was paid."), reverted.text());
    }
}
