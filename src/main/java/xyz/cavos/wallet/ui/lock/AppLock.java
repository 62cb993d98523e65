package xyz.cavos.wallet.ui.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableObjectValue;
import xyz.cavos.wallet.ui.UiExecutor;

/**
 * The app's lock and its privacy switch, shared by every part of the window: whether the app is locked, whether it
 * has a passphrase at all, after how many idle minutes it locks itself, and whether amounts are hidden.
 * <p>
 * With a passphrase the app starts locked, locks when asked (Ctrl+L, the Lock button) and after the chosen idle
 * minutes without a key or mouse event in the window, counted by the app clock. While it is locked the window
 * shows and sends nothing; work already under way (a refresh, a confirmed transfer) goes on. Each wrong passphrase
 * is counted: from the third on, the next try waits, longer each time ({@link #delayAfter(int)}).
 * <p>
 * Changed on the UI thread only; hashing and keeping the settings go through the {@link UiExecutor}.
 */
public final class AppLock {

    /** Shown in place of an amount while amounts are hidden. */
    public static final String HIDDEN = "•••";

    /** The shortest passphrase the app accepts. */
    public static final int MIN_LENGTH = 6;

    private final UiExecutor executor;
    private final PrivacySettings.Keeper keeper;
    private final ObservableObjectValue<Instant> now;
    private PrivacySettings settings;

    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper passphraseSet = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper idleMinutes = new ReadOnlyIntegerWrapper();
    private final BooleanProperty hideAmounts = new SimpleBooleanProperty();
    private final BooleanProperty desktopNotifications = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper unlockMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /** The app clock's time of the last key or mouse event in the window. */
    private Instant lastActivity;
    /** Wrong passphrases since the last right one. */
    private int failures;
    /** When the next passphrase may be tried; null: at once. */
    private Instant retryAt;
    /** Saves are numbered: one overtaken by a later one (which holds everything) is skipped. */
    private long saveNumber;
    private final Object saving = new Object();
    private long written;

    /** {@code now} is the app clock; {@code keeper} keeps the settings between runs. */
    public AppLock(UiExecutor executor, ObservableObjectValue<Instant> now, PrivacySettings.Keeper keeper) {
        this.executor = executor;
        this.keeper = keeper;
        this.now = now;
        this.settings = keeper.load();
        passphraseSet.set(settings.passphrase().isPresent());
        locked.set(passphraseSet.get());
        idleMinutes.set(settings.idleMinutes());
        hideAmounts.set(settings.hideAmounts());
        desktopNotifications.set(settings.desktopNotifications());
        problem.set(settings.problem().orElse(""));
        lastActivity = now.get();
        hideAmounts.addListener((obs, old, hide) -> {
            if (hide != settings.hideAmounts()) {
                keep(settings.withHideAmounts(hide));
            }
        });
        desktopNotifications.addListener((obs, old, send) -> {
            if (send != settings.desktopNotifications()) {
                keep(settings.withDesktopNotifications(send));
            }
        });
        now.addListener((obs, old, time) -> tick(time));
    }

    /** How long the next try waits after {@code failures} wrong passphrases: none for two, then 5 s, doubling up to 5 min. */
    public static Duration delayAfter(int failures) {
        if (failures < 3) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Math.min(300, 5L << Math.min(failures - 3, 8)));
    }

    private void tick(Instant time) {
        if (time == null) {
            return;
        }
        if (locked.get()) {
            showWait(time);
            return;
        }
        int minutes = idleMinutes.get();
        if (passphraseSet.get() && minutes > 0 && lastActivity != null && !time.isBefore(lastActivity.plus(Duration.ofMinutes(minutes)))) {
            lock();
        }
    }

    /** A key or mouse event in the window: the idle time starts again. */
    public void activity() {
        if (!locked.get()) {
            lastActivity = now.get();
        }
    }

    /** Locks the app, if it has a passphrase; false (and nothing changes) when it has none. */
    public boolean lock() {
        if (!passphraseSet.get()) {
            return false;
        }
        if (!locked.get()) {
            locked.set(true);
            showWait(now.get());
        }
        return true;
    }

    /**
     * Checks {@code entered} against the passphrase, off the UI thread, and unlocks the app if it is the one; else
     * says so, and from the third wrong one on makes the next try wait. Ignored while a check runs or a wait is on.
     * The array is wiped once checked.
     */
    public void unlock(char[] entered) {
        PassphraseHash hash = settings.passphrase().orElse(null);
        if (!locked.get() || hash == null || checking.get() || waiting.get()) {
            Arrays.fill(entered, '\0');
            return;
        }
        if (entered.length == 0) {
            unlockMessage.set("Type the passphrase to unlock.");
            return;
        }
        checking.set(true);
        unlockMessage.set("");
        executor.run(() -> {
            try {
                return hash.matches(entered);
            } finally {
                Arrays.fill(entered, '\0');
            }
        }, right -> {
            checking.set(false);
            if (right) {
                failures = 0;
                retryAt = null;
                waiting.set(false);
                unlockMessage.set("");
                lastActivity = now.get();
                locked.set(false);
            } else {
                wrong();
                showWait(now.get());
            }
        }, e -> {
            checking.set(false);
            unlockMessage.set("The passphrase could not be checked: there may not be enough memory. Close other programs and try again.");
        });
    }

    private void wrong() {
        failures++;
        Duration wait = delayAfter(failures);
        retryAt = wait.isZero() ? null : now.get().plus(wait);
    }

    /** The message under the passphrase field, counting down a wait by the app clock. */
    private void showWait(Instant time) {
        if (failures == 0) {
            waiting.set(false);
            unlockMessage.set("");
            return;
        }
        long seconds = retryAt == null || time == null ? 0 : (Duration.between(time, retryAt).toMillis() + 999) / 1000;
        waiting.set(seconds > 0);
        String wrong = failures == 1 ? "That is not the passphrase." : "That is not the passphrase (" + failures + " wrong tries).";
        unlockMessage.set(seconds > 0 ? wrong + " Try again in " + seconds + " s." : wrong);
    }

    /**
     * Sets, changes or removes the passphrase. With one set, {@code current} must be it (checked like an unlock, wrong
     * ones counted the same way). {@code next} empty removes the passphrase; else it is hashed and kept. Either way the
     * change is kept before it takes effect; {@code onDone} gets a sentence saying what changed, {@code onRefused} why
     * nothing did. The arrays are wiped.
     */
    public void changePassphrase(char[] current, Optional<char[]> next, Consumer<String> onDone, Consumer<String> onRefused) {
        PassphraseHash old = settings.passphrase().orElse(null);
        Runnable wipe = () -> {
            Arrays.fill(current, '\0');
            next.ifPresent(n -> Arrays.fill(n, '\0'));
        };
        if (checking.get()) {
            wipe.run();
            onRefused.accept("A passphrase is being checked; try again in a moment.");
            return;
        }
        if (old != null && retryAt != null && now.get().isBefore(retryAt)) {
            long seconds = (Duration.between(now.get(), retryAt).toMillis() + 999) / 1000;
            wipe.run();
            onRefused.accept("Too many wrong passphrases: try again in " + seconds + " s.");
            return;
        }
        if (old == null && next.isEmpty()) {
            wipe.run();
            onRefused.accept("There is no passphrase to remove.");
            return;
        }
        if (next.isPresent() && next.get().length < MIN_LENGTH) {
            wipe.run();
            onRefused.accept("Choose a passphrase of at least " + MIN_LENGTH + " characters.");
            return;
        }
        checking.set(true);
        long mine = ++saveNumber;
        PrivacySettings before = settings;
        executor.run(() -> {
            try {
                if (old != null && !old.matches(current)) {
                    return Optional.<PrivacySettings>empty();
                }
                PrivacySettings after = before.withPassphrase(next.map(PassphraseHash::of));
                writeNow(mine, after);
                return Optional.of(after);
            } finally {
                wipe.run();
            }
        }, changed -> {
            checking.set(false);
            if (changed.isEmpty()) {
                wrong();
                onRefused.accept(retryAt == null ? "That is not the current passphrase."
                        : "That is not the current passphrase. Try again in " + delayAfter(failures).toSeconds() + " s.");
                return;
            }
            failures = 0;
            retryAt = null;
            PrivacySettings after = changed.get();
            // what changed meanwhile (idle time, hidden amounts) stays as it is now
            settings = settings.withPassphrase(after.passphrase());
            if (mine != saveNumber) {
                keep(settings); // an idle time or the amounts switch changed meanwhile: kept again, all together
            }
            problem.set("");
            passphraseSet.set(after.passphrase().isPresent());
            lastActivity = now.get();
            onDone.accept(old == null ? "The passphrase is set: the app is locked at start, on Ctrl+L" + idleText() + "."
                    : after.passphrase().isPresent() ? "The passphrase is changed." : "The passphrase is removed: the app no longer locks.");
        }, e -> {
            checking.set(false);
            onRefused.accept("The passphrase could not be " + (old == null ? "set" : next.isPresent() ? "changed" : "removed")
                    + ": " + why(e));
        });
    }

    private String idleText() {
        int minutes = idleMinutes.get();
        return minutes == 0 ? "" : " and after " + minutes + (minutes == 1 ? " idle minute" : " idle minutes");
    }

    /** Locks after {@code minutes} without a key or mouse event in the window (one of {@link PrivacySettings#IDLE_CHOICES}; 0: never). */
    public void setIdleMinutes(int minutes) {
        if (!PrivacySettings.IDLE_CHOICES.contains(minutes) || minutes == idleMinutes.get()) {
            return;
        }
        idleMinutes.set(minutes);
        lastActivity = now.get();
        keep(settings.withIdleMinutes(minutes));
    }

    /** Takes {@code changed} as the settings now, and keeps them in the background. */
    private void keep(PrivacySettings changed) {
        settings = changed;
        long mine = ++saveNumber;
        executor.run(() -> {
            write(mine, changed);
            return true;
        }, done -> {
            if (mine == saveNumber) {
                problem.set("");
            }
        }, e -> problem.set("The setting applies now but could not be kept for the next start: " + why(e)));
    }

    /** Writes {@code changed}, unless a later save (which holds everything) was written already. */
    private void write(long number, PrivacySettings changed) throws java.io.IOException {
        synchronized (saving) {
            if (number > written) {
                keeper.save(changed);
                written = number;
            }
        }
    }

    /** Writes {@code changed} whatever was written before: a passphrase is kept before it takes effect. */
    private void writeNow(long number, PrivacySettings changed) throws java.io.IOException {
        synchronized (saving) {
            keeper.save(changed);
            written = Math.max(written, number);
        }
    }

    private static String why(Throwable e) {
        String said = e.getMessage();
        return said == null || said.isBlank() ? "the settings file could not be written." : said;
    }

    /** True while the app is locked: the window shows and sends nothing. Others read it to keep amounts out of notices. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** Whether a passphrase is set; without one the app never locks. */
    public ReadOnlyBooleanProperty passphraseSetProperty() {
        return passphraseSet.getReadOnlyProperty();
    }

    /** After how many idle minutes the app locks; 0: never. */
    public ReadOnlyIntegerProperty idleMinutesProperty() {
        return idleMinutes.getReadOnlyProperty();
    }

    /** Whether amounts show as {@link #HIDDEN}; switched by the person, kept for the next start. */
    public BooleanProperty hideAmountsProperty() {
        return hideAmounts;
    }

    /** Whether notices also go to the desktop's notifications; switched by the person, kept for the next start. */
    public BooleanProperty desktopNotificationsProperty() {
        return desktopNotifications;
    }

    /** True while a passphrase is being checked. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** True while the next try must wait after repeated wrong passphrases. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** What the lock screen says under the passphrase field: a wrong passphrase, a wait; empty otherwise. */
    public ReadOnlyStringProperty unlockMessageProperty() {
        return unlockMessage.getReadOnlyProperty();
    }

    /** Why the settings kept could not be used or a change could not be kept; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
