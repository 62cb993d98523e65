package xyz.cavos.wallet.ui.settings;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import xyz.cavos.wallet.ui.lock.AppLock;

/**
 * Settings' "Lock and privacy": set, change or remove the app passphrase (the current one is asked to change or
 * remove it, and a new one is typed twice), after how many idle minutes the app locks, and whether amounts are
 * hidden. Every change goes through the {@link AppLock}, which keeps it.
 */
public final class PrivacyViewModel {

    /** What the lock protects, and what it does not. */
    public static final String SCOPE = "The lock covers this window only: while it is locked, the app shows and sends nothing. "
            + "The command line is not affected by this lock.";

    private final AppLock lock;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty next = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringBinding status;

    public PrivacyViewModel(AppLock lock) {
        this.lock = lock;
        status = Bindings.createStringBinding(this::statusText, lock.passphraseSetProperty(), lock.idleMinutesProperty());
        current.addListener((obs, old, now) -> error.set(""));
        next.addListener((obs, old, now) -> error.set(""));
        repeat.addListener((obs, old, now) -> error.set(""));
    }

    private String statusText() {
        if (!lock.passphraseSetProperty().get()) {
            return "No app passphrase: the app does not lock.";
        }
        int minutes = lock.idleMinutesProperty().get();
        return "The app is locked at start, on Ctrl+L" + (minutes == 0 ? "" : " and after " + minutes
                + (minutes == 1 ? " minute" : " minutes") + " without a key or mouse event in the window") + ".";
    }

    /** Sets a passphrase, or changes the one set (the current one must be typed): the new one twice, the same both times. */
    public void save() {
        result.set("");
        String chosen = next.get() == null ? "" : next.get();
        if (chosen.isEmpty()) {
            error.set("Type the new passphrase.");
            return;
        }
        if (!chosen.equals(repeat.get())) {
            error.set("The two new passphrases are not the same.");
            return;
        }
        if (!currentTyped()) {
            return;
        }
        lock.changePassphrase(current.get().toCharArray(), Optional.of(chosen.toCharArray()), this::done, error::set);
    }

    /** Removes the passphrase once the current one is typed: the app no longer locks. */
    public void remove() {
        result.set("");
        if (!currentTyped()) {
            return;
        }
        lock.changePassphrase(current.get().toCharArray(), Optional.empty(), this::done, error::set);
    }

    private boolean currentTyped() {
        if (lock.passphraseSetProperty().get() && (current.get() == null || current.get().isEmpty())) {
            error.set("Type the current passphrase first.");
            return false;
        }
        return true;
    }

    private void done(String what) {
        current.set("");
        next.set("");
        repeat.set("");
        error.set("");
        result.set(what);
    }

    /** Locks after {@code minutes} idle minutes; 0: never. */
    public void chooseIdle(int minutes) {
        lock.setIdleMinutes(minutes);
    }

    /** "1 minute", "15 minutes", "Never", for the idle choice. */
    public static String idleName(int minutes) {
        return minutes == 0 ? "Never" : minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    /** The current passphrase, to change or remove it. */
    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty nextProperty() {
        return next;
    }

    /** The new passphrase again. */
    public StringProperty repeatProperty() {
        return repeat;
    }

    /** What the last change did. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last change was refused. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the app locks, and when. */
    public StringBinding statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty passphraseSetProperty() {
        return lock.passphraseSetProperty();
    }

    public ReadOnlyIntegerProperty idleMinutesProperty() {
        return lock.idleMinutesProperty();
    }

    /** True while a passphrase is being checked or hashed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return lock.checkingProperty();
    }

    public BooleanProperty hideAmountsProperty() {
        return lock.hideAmountsProperty();
    }

    /** Whether notices also show in the desktop's notifications. */
    public BooleanProperty desktopNotificationsProperty() {
        return lock.desktopNotificationsProperty();
    }

    /** A passphrase kept before that could not be used, or a change that could not be kept; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return lock.problemProperty();
    }
}
