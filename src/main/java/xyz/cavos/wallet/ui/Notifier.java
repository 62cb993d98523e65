package xyz.cavos.wallet.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import xyz.cavos.wallet.ui.policy.PolicyViewModel;
import xyz.cavos.wallet.wallet.SessionStatus;
import xyz.cavos.wallet.wallet.SpendingUsage;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/**
 * What the app tells the person without being asked, from the shared {@link WalletModel}: the session's expiry by
 * chain time (an hour before, ten minutes before, and once expired, with until when it can be renewed), a spending
 * limit crossing 80 % and being used up, and each transaction a screen sent being accepted or reverted. Each is
 * {@linkplain #fired() fired} once per session and threshold, never again after a refresh or a tick of the app clock;
 * the expiry also stays on view as the {@linkplain #bannerProperty() banner} until it no longer holds or is dismissed.
 * No controls: the shell shows what it fires. Runs on the FX thread.
 */
public final class Notifier {

    /** The session's time left from which it is said to expire soon. */
    public static final long HOUR_BEFORE = 3600;
    /** The session's time left from which it is said again, more urgently. */
    public static final long MINUTES_BEFORE = 600;
    /** How many fired notifications are kept. */
    static final int KEPT = 50;

    /** How far the session is towards its end, by chain time. */
    private enum Stage { NONE, HOUR, MINUTES, EXPIRED }

    private final WalletModel model;
    private final ObservableList<Notification> fired = FXCollections.observableArrayList();
    private final ObservableList<Notification> firedView = FXCollections.unmodifiableObservableList(fired);
    private final ReadOnlyObjectWrapper<Notification> banner = new ReadOnlyObjectWrapper<>();
    /** "session/threshold" for each notification fired: none is fired twice. */
    private final Set<String> done = new HashSet<>();
    /** "session/stage" of each banner the person closed. */
    private final Set<String> dismissed = new HashSet<>();
    /** The share of each limit ("session/token") at the last read: a crossing is a change between two reads. */
    private final Map<String, BigDecimal> used = new HashMap<>();
    private String bannerKey;

    public Notifier(WalletModel model) {
        this.model = model;
    }

    /** Starts listening to the model; the subscription stops it. Catches up with the session's state at once. */
    public Subscription start() {
        return Subscription.combine(
                model.statusProperty().subscribe(this::status),
                model.snapshotProperty().subscribe(this::spending),
                model.onSettled(this::settled));
    }

    /** Every notification fired, oldest first (the last {@value #KEPT}). */
    public ObservableList<Notification> fired() {
        return firedView;
    }

    /** The session's expiry while it holds and was not closed; null otherwise. */
    public ReadOnlyObjectProperty<Notification> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** The person closed the banner: it comes back only at the next threshold, or for another session. */
    public void dismissBanner() {
        if (bannerKey != null) {
            dismissed.add(bannerKey);
        }
        bannerKey = null;
        banner.set(null);
    }

    private void fire(Notification notification) {
        fired.add(notification);
        if (fired.size() > KEPT) {
            fired.remove(0, fired.size() - KEPT);
        }
    }

    private static String session(SessionStatus status) {
        return status.walletAddress().toHex() + "/" + status.sessionKey().toHex();
    }

    private static Stage stage(SessionStatus status) {
        return switch (status.state()) {
            case EXPIRED, EXPIRED_RENEWABLE -> Stage.EXPIRED;
            case ACTIVE, EXPIRING_SOON -> status.secondsLeft() <= MINUTES_BEFORE ? Stage.MINUTES
                    : status.secondsLeft() <= HOUR_BEFORE ? Stage.HOUR : Stage.NONE;
            case NOT_YET_ACTIVE, REVOKED, NOT_REGISTERED -> Stage.NONE;
        };
    }

    private void status(SessionStatus status) {
        if (status == null) {
            showBanner(null, null);
            return;
        }
        String session = session(status);
        Stage stage = stage(status);
        if (stage != Stage.NONE && done.add(session + "/" + stage)) {
            // a later stage reached first (the app opened late) stands for the earlier ones too
            for (Stage earlier : Stage.values()) {
                if (earlier.ordinal() < stage.ordinal()) {
                    done.add(session + "/" + earlier);
                }
            }
            fire(expiry(stage, status));
        }
        // closing the banner holds for the stage; an expired session's banner comes back when its renewal period ends
        String key = session + "/" + stage + (stage == Stage.EXPIRED ? "/" + status.isRenewable() : "");
        showBanner(key, stage == Stage.NONE || dismissed.contains(key) ? null : banner(stage, status));
    }

    private void showBanner(String key, Notification notice) {
        bannerKey = notice == null ? null : key;
        if (!Objects.equals(banner.get(), notice)) {
            banner.set(notice);
        }
    }

    private String named() {
        String name = model.sessionNameProperty().get();
        return name == null || name.isBlank() ? "Session" : "Session \"" + name + "\"";
    }

    /** What is said once as a threshold is crossed: time left in words, when exactly, and what comes next. */
    private Notification expiry(Stage stage, SessionStatus status) {
        String until = Format.time(status.validUntil());
        String renewable = "renewable until " + Format.time(status.renewalDeadline());
        return switch (stage) {
            case HOUR, MINUTES -> new Notification(Notification.Kind.SESSION_EXPIRING, Notification.Level.WARNING,
                    named() + " expires in " + left(stage, status.secondsLeft()),
                    "At " + until + " by chain time; then " + renewable + ".", AppShell.Screen.SESSION);
            case EXPIRED -> status.isRenewable()
                    ? new Notification(Notification.Kind.SESSION_EXPIRED, Notification.Level.WARNING, named() + " expired",
                            "It is " + renewable + " on the Session screen.", AppShell.Screen.SESSION)
                    : new Notification(Notification.Kind.SESSION_EXPIRED, Notification.Level.ERROR, named() + " expired",
                            "Its renewal period ended at " + Format.time(status.renewalDeadline())
                                    + ". Create a new session in the Cavos dashboard and import it.", AppShell.Screen.SESSION);
            case NONE -> throw new IllegalArgumentException("nothing to say");
        };
    }

    /** "1 hour" or "10 minutes" when crossed on time; the minutes really left when the app saw it later. */
    private static String left(Stage stage, long seconds) {
        long minutes = Math.max(1, (seconds + 59) / 60);
        if (stage == Stage.HOUR && seconds > 50 * 60) {
            return "1 hour";
        }
        if (stage == Stage.MINUTES && seconds > 9 * 60) {
            return "10 minutes";
        }
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    /** What the banner says while the stage holds: times, not a countdown, so it never goes stale. */
    private Notification banner(Stage stage, SessionStatus status) {
        if (stage == Stage.EXPIRED) {
            return expiry(stage, status);
        }
        return new Notification(Notification.Kind.SESSION_EXPIRING, Notification.Level.WARNING,
                named() + (stage == Stage.HOUR ? " expires within the hour" : " expires within minutes"),
                "At " + Format.time(status.validUntil()) + " by chain time; then renewable until "
                        + Format.time(status.renewalDeadline()) + ".", AppShell.Screen.SESSION);
    }

    /**
     * A limit crossing 80 %, or being used up, between two reads of the same session; what a session had used before the
     * app first read it is on the Policy usage screen, not news.
     */
    private void spending(WalletSnapshot snapshot) {
        WalletService service = model.walletProperty().get();
        SessionStatus status = model.statusProperty().get();
        if (snapshot == null || service == null || status == null) {
            return;
        }
        String session = session(status);
        BigDecimal near = BigDecimal.valueOf(PolicyViewModel.NEAR_FROM);
        for (SpendingUsage limit : service.policyUsage(snapshot).limits()) {
            String key = session + "/" + limit.tokenAddress().toHex();
            BigDecimal now = limit.fractionUsed();
            BigDecimal before = used.put(key, now);
            if (before == null) {
                continue;
            }
            if (now.compareTo(BigDecimal.ONE) >= 0 && before.compareTo(BigDecimal.ONE) < 0 && done.add(key + "/full")) {
                done.add(key + "/near");
                fire(new Notification(Notification.Kind.LIMIT_REACHED, Notification.Level.WARNING,
                        limit.symbol() + " spending limit used up",
                        Format.exact(limit.spent(), limit.decimals(), limit.symbol()) + " of " + Format.exact(limit.limit(), limit.decimals(),
                                limit.symbol()) + " spent: this session can send no more " + limit.symbol() + ".", AppShell.Screen.POLICY));
            } else if (now.compareTo(near) >= 0 && before.compareTo(near) < 0 && done.add(key + "/near")) {
                int percent = now.movePointRight(2).setScale(0, RoundingMode.DOWN).intValue();
                fire(new Notification(Notification.Kind.LIMIT_NEAR, Notification.Level.WARNING,
                        percent + " % of the " + limit.symbol() + " spending limit used",
                        Format.exact(limit.spent(), limit.decimals(), limit.symbol()) + " of " + Format.exact(limit.limit(), limit.decimals(),
                                limit.symbol()) + " spent; " + Format.exact(limit.remaining(), limit.decimals(), limit.symbol()) + " left for this session.",
                        AppShell.Screen.POLICY));
            }
        }
    }

    private void settled(SentTransaction sent) {
        if (!done.add("tx/" + sent.hash().toHex())) {
            return;
        }
        fire(sent.accepted()
                ? new Notification(Notification.Kind.TRANSACTION_ACCEPTED, Notification.Level.INFO, sent.action() + " accepted",
                        sent.detail() + ", " + sent.outcome() + ".", sent.screen())
                : new Notification(Notification.Kind.TRANSACTION_REVERTED, Notification.Level.ERROR, sent.action() + " reverted",
                        sent.detail() + ": " + sentence(sent.outcome()) + " The fee was paid.", sent.screen()));
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }
}
