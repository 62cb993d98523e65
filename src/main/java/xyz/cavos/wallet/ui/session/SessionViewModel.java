package xyz.cavos.wallet.ui.session;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Subscription;
import java.util.List;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.ui.Format;
import xyz.cavos.wallet.wallet.FeePayment;
import xyz.cavos.wallet.wallet.FeeQuote;
import xyz.cavos.wallet.wallet.GaslessQuote;
import xyz.cavos.wallet.ui.AppShell;
import xyz.cavos.wallet.ui.Confirmations;
import xyz.cavos.wallet.ui.FeeSelection;
import xyz.cavos.wallet.ui.NextStepInTheApp;
import xyz.cavos.wallet.ui.Problem;
import xyz.cavos.wallet.ui.ScreenViewModel;
import xyz.cavos.wallet.ui.SentTransaction;
import xyz.cavos.wallet.ui.WalletModel;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.SessionState;
import xyz.cavos.wallet.wallet.SessionStatus;
import xyz.cavos.wallet.wallet.TransactionOutcome;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;

/**
 * Session status: a countdown to the end of the session by chain time, what the state means and what can
 * be done next; renewing an expired session, revoking this one, revoking every session of the account,
 * and removing it from this device. Revoking and removing ask first (revoking all, twice). An action's
 * result is shown only if the session it was started for is still the connected one.
 */
public final class SessionViewModel extends ScreenViewModel {


    private static final Duration WAIT = Duration.ofSeconds(120);

    private final WalletModel model;
    private final Confirmations confirmations;
    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper stateLabel = new ReadOnlyStringWrapper("No session");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("--:--:--");
    private final ReadOnlyStringWrapper countdownCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("Import a session to see its status.");
    private final ReadOnlyStringWrapper validFrom = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper validUntil = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper renewalDeadline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper chainTime = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sessionKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper callsMade = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper renewable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper revocable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final Problem problem = new Problem();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    /** The action the screen is busy with; the results of any other are dropped. */
    private Action running;
    /** A result waiting for the chain's state to agree with it. */
    private Awaited awaited;
    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper();
    private final FeeSelection feeSelection = new FeeSelection();
    /** What the countdown shows when no time is running: expired, revoked, not registered, not read. */
    static final String NO_TIME = "—";

    public SessionViewModel(WalletModel model, Confirmations confirmations) {
        super(model);
        this.model = model;
        this.confirmations = confirmations;
    }

    @Override
    protected Subscription listen() {
        feeSelection.load(model, () -> { });
        return Subscription.combine(model.statusProperty().subscribe(this::show),
                model.snapshotProperty().subscribe(snapshot -> feeSelection.offer(snapshot, model.walletProperty().get())),
                model.sessionProperty().subscribe(session -> show(model.statusProperty().get())),
                model.connectionDetailProperty().subscribe(detail -> show(model.statusProperty().get())));
    }

    /** Another session, or none: what was said about the old one goes, and its actions' results are dropped. */
    @Override
    protected void sessionChanged() {
        running = null;
        busy.set(false);
        progress.set("");
        problem.clear();
        result.set("");
        awaited = null;
    }

    private void show(SessionStatus status) {
        present.set(model.sessionProperty().get() != null);
        if (status == null) {
            state.set(null);
            boolean unreachable = present.get() && model.connectionProperty().get() == WalletModel.Connection.OFFLINE;
            stateLabel.set(!present.get() ? "No session" : unreachable ? "Not connected" : "Connecting");
            countdown.set(NO_TIME);
            countdownCaption.set("");
            explanation.set(!present.get() ? "Import a session to see its status."
                    : unreachable ? "The session's node cannot be reached (" + model.connectionDetailProperty().get() + "). The app keeps "
                            + "trying. You can still remove the session from this device."
                    : "Reading the session from its node…");
            for (ReadOnlyStringWrapper detail : new ReadOnlyStringWrapper[] {validFrom, validUntil, renewalDeadline, chainTime, sessionKey, callsMade}) {
                detail.set("");
            }
            renewable.set(false);
            revocable.set(false);
            return;
        }
        SessionState now = status.state();
        if (state.get() != null && state.get() != now && !busy.get()) {
            problem.clear(); // what went wrong in the state before is not about this one
        }
        state.set(now);
        showAwaitedResult(now);
        stateLabel.set(now.label());
        String until = Format.time(status.validUntil());
        String deadline = Format.time(status.renewalDeadline());
        switch (now) {
            case ACTIVE, EXPIRING_SOON -> {
                countdown.set(clock(status.secondsLeft()));
                countdownCaption.set("left until the session expires");
                explanation.set(now == SessionState.ACTIVE ? "The session can sign transactions until " + until + "."
                        : "Less than " + clockWords(SessionStatus.expiringSoonThreshold(status.validAfter(), status.validUntil()))
                                + " left. Once it expires, it can be renewed until " + deadline + ".");
            }
            case NOT_YET_ACTIVE -> {
                countdown.set(clock(status.validAfter() - status.chainTime()));
                countdownCaption.set("until the session starts");
                explanation.set("The session starts at " + Format.time(status.validAfter()) + ".");
            }
            case EXPIRED_RENEWABLE -> {
                countdown.set(clock(status.renewalDeadline() - status.chainTime()));
                countdownCaption.set("left to renew");
                explanation.set("The session expired at " + until + ". Renew it before " + deadline
                        + " to keep the same policy with a new key; the old key signs the renewal.");
            }
            case EXPIRED -> {
                countdown.set(NO_TIME);
                countdownCaption.set("expired");
                explanation.set("The session expired and its renewal period ended on " + deadline
                        + ". Create a new session in the Cavos dashboard and import it.");
            }
            case REVOKED -> {
                countdown.set(NO_TIME);
                countdownCaption.set("revoked");
                String how = status.revocation().orElse("revoked");
                explanation.set(Character.toUpperCase(how.charAt(0)) + how.substring(1) + ". This key can never sign again. "
                        + "Create a new session in the Cavos dashboard and import it.");
            }
            case NOT_REGISTERED -> {
                countdown.set(NO_TIME);
                countdownCaption.set("not registered");
                explanation.set("The account has no record of this session. In the Cavos dashboard, click \"Activate Session\", "
                        + "then export it again.");
            }
        }
        validFrom.set(Format.time(status.validAfter()));
        validUntil.set(until);
        renewalDeadline.set(deadline);
        chainTime.set(Format.time(status.chainTime()) + " · block " + status.blockNumber());
        sessionKey.set(Format.address(status.sessionKey()));
        callsMade.set(status.callsMade() + " sent from this device");
        renewable.set(status.isRenewable());
        revocable.set(now.canTransact());
    }

    /** {@code 23:59:41}, or {@code 2 d 03:00:00} past a day; never negative. */
    static String clock(long seconds) {
        long s = Math.max(0, seconds);
        String time = String.format("%02d:%02d:%02d", s / 3600 % 24, s / 60 % 60, s % 60);
        return s >= 86_400 ? (s / 86_400) + " d " + time : time;
    }

    private static String clockWords(long seconds) {
        return seconds >= 3600 ? (seconds / 3600) + (seconds >= 7200 ? " hours" : " hour") : (seconds / 60) + " minutes";
    }

    /**
     * Renews the expired session, after a review sheet with the fee: a new key with the chain's policy, which
     * replaces the old one where it was kept. A key this device renewed before is renewed again only after two
     * more explicit confirmations.
     */
    public void renew() {
        ask(new Quote(WalletService::quoteRenewal, WalletService::quoteRenewal), (wallet, fee) -> SessionQuestions.renew(details(wallet, fee)),
                payment -> renew(false, payment));
    }

    private void renew(boolean again, FeePayment payment) {
        WalletService wallet = model.walletProperty().get();
        if (wallet == null || busy.get()) {
            return;
        }
        Action action = start(wallet, "Renewing…");
        java.util.concurrent.atomic.AtomicReference<Felt> sent = new java.util.concurrent.atomic.AtomicReference<>();
        model.executor().run(() -> {
            WalletService.Renewal renewal = wallet.renew(again, payment, WAIT, progress(action, sent));
            String stored = renewal.storedIn().map(kind -> "The new session replaced the old one in the " + kind + ".")
                    .orElseGet(() -> renewal.notStored().map(e -> "The new session is in use but could not be stored ("
                            + e.getMessage() + "). " + NextStepInTheApp.guidance(e)).orElse("The new session is in use."));
            return new Renewed(renewal, stored);
        }, renewed -> {
            model.settled(SentTransaction.accepted("Session renewal", "New session key " + Format.shortAddress(renewed.renewal().newToken()
                    .sessionPublicKey()), renewed.renewal().outcome(), AppShell.Screen.SESSION));
            if (!current(action)) {
                return;
            }
            running = null; // what is left, connecting the new session, is itself a change of session
            model.connect(renewed.renewal().newToken(), () -> {
                busy.set(false);
                progress.set("");
                await("Session renewed in transaction " + renewed.renewal().outcome().transactionHash().toHex() + ". " + renewed.stored(),
                        SessionState::canTransact);
            }, this::failed);
        }, e -> {
            reverted("Session renewal", subject(wallet, false), sent, e);
            if (!again && e instanceof WalletError w && w.code() == WalletError.Code.ALREADY_RENEWED && current(action) && isShown()
                    && confirmations.confirmTwice(SessionQuestions.RENEW_AGAIN, SessionQuestions.RENEW_AGAIN_SURE)) {
                running = null;
                busy.set(false);
                renew(true, payment);
                return;
            }
            failed(action, e);
        });
    }

    private record Renewed(WalletService.Renewal renewal, String stored) {
    }

    /** Asks on a review sheet with the fee, then revokes this session on chain: its key stops working for good. */
    public void revoke() {
        ask(new Quote(WalletService::quoteRevoke, (wallet, payment) -> wallet.quoteGasless(List.of(wallet.revokeCall()), payment)),
                (wallet, fee) -> SessionQuestions.REVOKE.with(details(wallet, fee)),
                payment -> send("Revoking this session…", "Session revoked", false, payment));
    }

    /**
     * Asks twice (the first sheet with the fee), then revokes every session of the account ({@code emergency_revoke}):
     * every device's session stops working. A no at either question sends nothing.
     */
    public void revokeAll() {
        WalletService[] asked = new WalletService[1];
        ask(new Quote(WalletService::quoteRevokeAll, (wallet, payment) -> wallet.quoteGasless(List.of(wallet.revokeAllCall()), payment)),
                (wallet, fee) -> {
                    asked[0] = wallet;
                    return SessionQuestions.REVOKE_ALL.with(details(wallet, fee));
                }, payment -> {
                    if (confirmations.confirm(SessionQuestions.REVOKE_ALL_AGAIN) && asked[0] == model.walletProperty().get()) {
                        send("Revoking all sessions…", "All sessions of the account revoked", true, payment);
                    }
                });
    }

    /** What a sheet about this session shows: the session key, the wallet, the network and the fee. */
    private static List<Confirmations.Detail> details(WalletService wallet, Fee fee) {
        List<Confirmations.Detail> details = new java.util.ArrayList<>(List.of(
                Confirmations.Detail.address("Session key", Format.groupedAddress(wallet.token().sessionPublicKey())),
                Confirmations.Detail.address("Wallet", Format.groupedAddress(wallet.token().walletAddress())),
                Confirmations.Detail.plain("Network", wallet.network().name()),
                Confirmations.Detail.plain("Fee", fee.text())));
        if (fee.payment() instanceof FeePayment.Sponsored s) {
            details.add(Confirmations.Detail.plain("Paymaster", s.paymaster().forDisplay()));
        } else if (fee.payment() instanceof FeePayment.InToken t) {
            details.add(Confirmations.Detail.plain("Paymaster", t.paymaster().forDisplay()));
        }
        return List.copyOf(details);
    }

    /** How an action's fee is estimated: paid by the wallet, or through the paymaster (its build checked, nothing signed). */
    private record Quote(java.util.function.Function<WalletService, FeeQuote> selfPaid,
            java.util.function.BiFunction<WalletService, FeePayment, GaslessQuote> gasless) {

        Fee of(WalletService wallet, FeePayment payment) {
            if (payment instanceof FeePayment.Self) {
                return new Fee(Format.fee(selfPaid.apply(wallet)) + ", paid from the wallet", payment);
            }
            GaslessQuote quote = gasless.apply(wallet, payment);
            return new Fee(FeeSelection.text(quote), FeeSelection.capped(payment, quote));
        }
    }

    /** The fee as the sheet says it, and the payment the action is sent with (in a token, at most what the sheet showed). */
    private record Fee(String text, FeePayment payment) {
    }

    /**
     * Estimates the action's fee as the fee choice says, then asks with it on view; {@code go} runs with the payment after a
     * yes, for the session still connected. When the estimate fails (the session cannot do it, the node or the paymaster
     * refuses), that is said instead and nothing is asked.
     */
    private void ask(Quote quote, java.util.function.BiFunction<WalletService, Fee, Confirmations.Question> question,
            java.util.function.Consumer<FeePayment> go) {
        WalletService wallet = model.walletProperty().get();
        if (!canAct()) {
            return;
        }
        java.util.Optional<FeePayment> payment = feeSelection.payment();
        if (payment.isEmpty()) {
            problem.show(new WalletError(WalletError.Code.INVALID_ARGUMENT, "Choose the token to pay the paymaster in.", ""));
            return;
        }
        Action action = start(wallet, "Estimating the fee…");
        model.executor().run(() -> quote.of(wallet, payment.get()), fee -> {
            if (!current(action)) {
                return;
            }
            running = null;
            busy.set(false);
            progress.set("");
            if (isShown() && confirmations.confirm(question.apply(wallet, fee)) && wallet == model.walletProperty().get() && !busy.get()) {
                go.accept(fee.payment());
            }
        }, e -> failed(action, e));
    }

    /** Questions are asked only from the screen on view, about a session that is connected. */
    private boolean canAct() {
        return isShown() && model.walletProperty().get() != null && !busy.get();
    }

    private void send(String doing, String done, boolean all, FeePayment payment) {
        WalletService wallet = model.walletProperty().get();
        if (wallet == null || busy.get()) {
            return; // the session went while the question was open
        }
        Action action = start(wallet, doing);
        java.util.concurrent.atomic.AtomicReference<Felt> sent = new java.util.concurrent.atomic.AtomicReference<>();
        String what = all ? "Emergency revocation" : "Revocation";
        model.executor().run(() -> all ? wallet.revokeAll(payment, true, WAIT, progress(action, sent))
                : wallet.revoke(payment, true, WAIT, progress(action, sent)),
                (TransactionOutcome outcome) -> {
                    model.settled(SentTransaction.accepted(what, subject(wallet, all), outcome, AppShell.Screen.SESSION));
                    if (!current(action)) {
                        return;
                    }
                    running = null;
                    busy.set(false);
                    progress.set("");
                    await(done + " in transaction " + outcome.transactionHash().toHex()
                            + outcome.receipt().map(r -> " (block " + r.blockNumber() + ")").orElse("") + ".",
                            state -> state == SessionState.REVOKED);
                    model.refresh();
                }, e -> {
                    reverted(what, subject(wallet, all), sent, e);
                    failed(action, e);
                });
    }

    /** What a revocation ends: this session's key, or every session of the wallet. */
    private static String subject(WalletService wallet, boolean all) {
        return all ? "Every session of wallet " + Format.shortAddress(wallet.token().walletAddress())
                : "Session key " + Format.shortAddress(wallet.token().sessionPublicKey());
    }

    /** A transaction that was sent and reverted is told wherever the person is now. */
    private void reverted(String what, String detail, java.util.concurrent.atomic.AtomicReference<Felt> sent, Throwable e) {
        java.util.Optional.ofNullable(sent.get()).flatMap(hash -> SentTransaction.reverted(what, detail, hash, e, AppShell.Screen.SESSION))
                .ifPresent(model::settled);
    }

    /**
     * A result is shown once the chain's state agrees with it (a revoked session reads as revoked), so that it never
     * stands under a state that says otherwise; until then the screen says it is confirming.
     */
    private void await(String text, java.util.function.Predicate<SessionState> agrees) {
        awaited = new Awaited(text, agrees);
        result.set("");
        SessionState now = state.get();
        if (now != null && agrees.test(now)) {
            showAwaitedResult(now);
        } else {
            progress.set("Confirming on chain…");
        }
    }

    private void showAwaitedResult(SessionState now) {
        if (awaited == null) {
            return;
        }
        if (awaited.agrees().test(now)) {
            result.set(awaited.text());
            progress.set("");
            awaited = null;
        }
    }

    private record Awaited(String text, java.util.function.Predicate<SessionState> agrees) {
    }

    /**
     * Asks, then removes the session from this device; nothing changes on chain, and nothing needs the node: a session
     * whose node is gone can be removed too.
     */
    public void forget() {
        SessionToken session = model.sessionProperty().get();
        if (!isShown() || session == null || busy.get()) {
            return;
        }
        Confirmations.Question question = SessionQuestions.FORGET.with(List.of(
                Confirmations.Detail.address("Session key", Format.groupedAddress(session.sessionPublicKey())),
                Confirmations.Detail.address("Wallet", Format.groupedAddress(session.walletAddress())),
                Confirmations.Detail.plain("Fee", "None: nothing is sent")));
        if (!confirmations.confirm(question) || session != model.sessionProperty().get() || busy.get()) {
            return;
        }
        Action action = start(model.walletProperty().get(), "Removing the session from this device…");
        model.forget(() -> {
            if (action == running) {
                running = null;
                busy.set(false);
                progress.set("");
            }
        }, e -> {
            if (action == running) {
                running = null;
                failed(e);
            }
        });
    }

    /** An action in flight, and the session it was started for; compared by identity. */
    private record Action(WalletService wallet) {
    }

    /** Whether a result answers the action the screen is busy with, for the session still connected. */
    private boolean current(Action action) {
        return action == running && action.wallet() == model.walletProperty().get();
    }

    private Action start(WalletService wallet, String doing) {
        running = new Action(wallet);
        busy.set(true);
        problem.clear();
        result.set("");
        progress.set(doing);
        return running;
    }

    /** Shows the action's steps; {@code sent} keeps the hash of what was submitted, for telling how it settled. */
    private Progress progress(Action action, java.util.concurrent.atomic.AtomicReference<Felt> sent) {
        return new Progress() {
            @Override
            public void step(String message) {
                model.executor().onUi(() -> {
                    if (current(action)) {
                        progress.set(message + "…");
                    }
                });
            }

            @Override
            public void submitted(Felt hash) {
                sent.set(hash);
                model.executor().onUi(() -> {
                    if (current(action)) {
                        progress.set("Submitted " + hash.toHex() + ", waiting for acceptance…");
                    }
                });
            }
        };
    }

    private void failed(Action action, Throwable e) {
        if (current(action)) {
            running = null;
            failed(e);
        }
    }

    private void failed(Throwable e) {
        busy.set(false);
        progress.set("");
        problem.show(e);
    }

    /** Who pays the fee of a renewal or revocation; with a paymaster set in Settings, it may sponsor them or take a token. */
    public FeeSelection feeSelection() {
        return feeSelection;
    }

    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateLabelProperty() {
        return stateLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownCaptionProperty() {
        return countdownCaption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validFromProperty() {
        return validFrom.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validUntilProperty() {
        return validUntil.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty renewalDeadlineProperty() {
        return renewalDeadline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty chainTimeProperty() {
        return chainTime.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionKeyProperty() {
        return sessionKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty callsMadeProperty() {
        return callsMade.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty renewableProperty() {
        return renewable.getReadOnlyProperty();
    }

    /** Revoking is a transaction the session signs itself, so only a session that can transact can revoke. */
    public ReadOnlyBooleanProperty revocableProperty() {
        return revocable.getReadOnlyProperty();
    }

    /** Whether there is a session on this device to show, connected or not: it can be removed either way. */
    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.textProperty();
    }

    /** The problem with the screen its next step is on. */
    public Problem problem() {
        return problem;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }
}
