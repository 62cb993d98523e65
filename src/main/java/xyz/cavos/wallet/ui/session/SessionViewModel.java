package xyz.cavos.wallet.ui.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Subscription;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.ui.Confirmations;
import xyz.cavos.wallet.ui.NextStepInTheApp;
import xyz.cavos.wallet.ui.Problem;
import xyz.cavos.wallet.ui.ScreenViewModel;
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


    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
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

    public SessionViewModel(WalletModel model, Confirmations confirmations) {
        super(model);
        this.model = model;
        this.confirmations = confirmations;
    }

    @Override
    protected Subscription listen() {
        return model.statusProperty().subscribe(this::show);
    }

    /** Another session, or none: what was said about the old one goes, and its actions' results are dropped. */
    @Override
    protected void sessionChanged() {
        running = null;
        busy.set(false);
        progress.set("");
        problem.clear();
        result.set("");
    }

    private void show(SessionStatus status) {
        if (status == null) {
            state.set(null);
            stateLabel.set("No session");
            countdown.set("--:--:--");
            countdownCaption.set("");
            explanation.set("Import a session to see its status.");
            for (ReadOnlyStringWrapper detail : new ReadOnlyStringWrapper[] {validFrom, validUntil, renewalDeadline, chainTime, sessionKey, callsMade}) {
                detail.set("");
            }
            renewable.set(false);
            revocable.set(false);
            return;
        }
        SessionState now = status.state();
        state.set(now);
        stateLabel.set(now.label());
        String until = UTC.format(Instant.ofEpochSecond(status.validUntil()));
        String deadline = UTC.format(Instant.ofEpochSecond(status.renewalDeadline()));
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
                explanation.set("The session starts at " + UTC.format(Instant.ofEpochSecond(status.validAfter())) + ".");
            }
            case EXPIRED_RENEWABLE -> {
                countdown.set(clock(status.renewalDeadline() - status.chainTime()));
                countdownCaption.set("left to renew");
                explanation.set("The session expired at " + until + ". Renew it before " + deadline
                        + " to keep the same policy with a new key; the old key signs the renewal.");
            }
            case EXPIRED -> {
                countdown.set(clock(0));
                countdownCaption.set("expired");
                explanation.set("The session expired and its renewal period ended on " + deadline
                        + ". Create a new session in the Cavos dashboard and import it.");
            }
            case REVOKED -> {
                countdown.set(clock(0));
                countdownCaption.set("revoked");
                String how = status.revocation().orElse("revoked");
                explanation.set(Character.toUpperCase(how.charAt(0)) + how.substring(1) + ". This key can never sign again. "
                        + "Create a new session in the Cavos dashboard and import it.");
            }
            case NOT_REGISTERED -> {
                countdown.set("--:--:--");
                countdownCaption.set("not registered");
                explanation.set("The account has no record of this session. In the Cavos dashboard, click \"Activate Session\", "
                        + "then export it again.");
            }
        }
        validFrom.set(UTC.format(Instant.ofEpochSecond(status.validAfter())));
        validUntil.set(until);
        renewalDeadline.set(deadline);
        chainTime.set(UTC.format(Instant.ofEpochSecond(status.chainTime())) + " · block " + status.blockNumber());
        sessionKey.set(status.sessionKey().toHex());
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
     * Renews the expired session: a new key with the chain's policy; the new session replaces the old one in the
     * keychain. A key this device renewed before is renewed again only after two explicit confirmations.
     */
    public void renew() {
        renew(false);
    }

    private void renew(boolean again) {
        WalletService wallet = model.walletProperty().get();
        if (wallet == null || busy.get()) {
            return;
        }
        Action action = start(wallet, "Renewing…");
        model.executor().run(() -> {
            WalletService.Renewal renewal = wallet.renew(again, WAIT, progress(action));
            String stored = renewal.storedIn().map(kind -> "The new session replaced the old one in the " + kind + ".")
                    .orElseGet(() -> renewal.notStored().map(e -> "The new session is in use but could not be stored ("
                            + e.getMessage() + "). " + NextStepInTheApp.guidance(e)).orElse("The new session is in use."));
            return new Renewed(renewal, stored);
        }, renewed -> {
            if (!current(action)) {
                return;
            }
            running = null; // what is left, connecting the new session, is itself a change of session
            model.connect(renewed.renewal().newToken(), () -> {
                busy.set(false);
                progress.set("");
                result.set("Session renewed in transaction " + renewed.renewal().outcome().transactionHash().toHex() + ". " + renewed.stored());
            }, this::failed);
        }, e -> {
            if (!again && e instanceof WalletError w && w.code() == WalletError.Code.ALREADY_RENEWED && current(action) && isShown()
                    && confirmations.confirmTwice(SessionQuestions.RENEW_AGAIN, SessionQuestions.RENEW_AGAIN_SURE)) {
                running = null;
                busy.set(false);
                renew(true);
                return;
            }
            failed(action, e);
        });
    }

    private record Renewed(WalletService.Renewal renewal, String stored) {
    }

    /** Asks, then revokes this session on chain: its key stops working for good. */
    public void revoke() {
        if (canAct() && confirmations.confirm(SessionQuestions.REVOKE)) {
            send("Revoking this session…", "Session revoked", false);
        }
    }

    /**
     * Asks twice, then revokes every session of the account ({@code emergency_revoke}): every device's session
     * stops working. A no at either question sends nothing.
     */
    public void revokeAll() {
        if (canAct() && confirmations.confirmTwice(SessionQuestions.REVOKE_ALL, SessionQuestions.REVOKE_ALL_AGAIN)) {
            send("Revoking all sessions…", "All sessions of the account revoked", true);
        }
    }

    /** Questions are asked only from the screen on view, about a session that is there. */
    private boolean canAct() {
        return isShown() && model.walletProperty().get() != null && !busy.get();
    }

    private void send(String doing, String done, boolean all) {
        WalletService wallet = model.walletProperty().get();
        if (wallet == null || busy.get()) {
            return; // the session went while the question was open
        }
        Action action = start(wallet, doing);
        model.executor().run(() -> all ? wallet.revokeAll(true, WAIT, progress(action)) : wallet.revoke(true, WAIT, progress(action)),
                (TransactionOutcome outcome) -> {
                    if (!current(action)) {
                        return;
                    }
                    running = null;
                    busy.set(false);
                    progress.set("");
                    result.set(done + " in transaction " + outcome.transactionHash().toHex()
                            + outcome.receipt().map(r -> " (block " + r.blockNumber() + ")").orElse("") + ".");
                    model.refresh();
                }, e -> failed(action, e));
    }

    /** Asks, then removes the session from this device; nothing changes on chain. */
    public void forget() {
        WalletService wallet = model.walletProperty().get();
        if (!canAct() || !confirmations.confirm(SessionQuestions.FORGET) || wallet != model.walletProperty().get() || busy.get()) {
            return;
        }
        Action action = start(wallet, "Removing the session from this device…");
        model.forget(() -> {
            if (action == running) {
                running = null;
                busy.set(false);
                progress.set("");
            }
        }, e -> failed(action, e));
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

    private Progress progress(Action action) {
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
