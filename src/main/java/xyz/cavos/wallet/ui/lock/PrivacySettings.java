package xyz.cavos.wallet.ui.lock;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The app's lock and privacy settings: the passphrase's hash (none: the app is never locked), after how many idle
 * minutes the app locks itself (0: never), whether amounts are hidden, and whether notices also go to the desktop's
 * notifications (where anyone looking at the screen reads them, even while the app is locked or hidden).
 *
 * @param problem why a passphrase kept before could not be used (a damaged settings file), for Settings to say;
 *     empty when there was none. It is not kept.
 */
public record PrivacySettings(Optional<PassphraseHash> passphrase, int idleMinutes, boolean hideAmounts, boolean desktopNotifications,
        Optional<String> problem) {

    /** The idle times the app offers, in minutes; 0 is never. */
    public static final List<Integer> IDLE_CHOICES = List.of(0, 1, 5, 15, 30, 60);
    /** The idle time a new passphrase starts with. */
    public static final int DEFAULT_IDLE_MINUTES = 5;

    /** No passphrase, amounts shown, notices on the desktop too. */
    public static final PrivacySettings NONE = new PrivacySettings(Optional.empty(), DEFAULT_IDLE_MINUTES, false, true, Optional.empty());

    public PrivacySettings {
        // a time the app does not offer (an edited file) becomes the nearest one it does, never "never" by accident
        int asked = idleMinutes;
        idleMinutes = asked <= 0 ? 0 : IDLE_CHOICES.stream().filter(m -> m > 0).min((a, b) -> Integer.compare(Math.abs(a - asked),
                Math.abs(b - asked))).orElse(DEFAULT_IDLE_MINUTES);
    }

    public PrivacySettings withPassphrase(Optional<PassphraseHash> hash) {
        return new PrivacySettings(hash, idleMinutes, hideAmounts, desktopNotifications, Optional.empty());
    }

    public PrivacySettings withIdleMinutes(int minutes) {
        return new PrivacySettings(passphrase, minutes, hideAmounts, desktopNotifications, problem);
    }

    public PrivacySettings withHideAmounts(boolean hide) {
        return new PrivacySettings(passphrase, idleMinutes, hide, desktopNotifications, problem);
    }

    public PrivacySettings withDesktopNotifications(boolean send) {
        return new PrivacySettings(passphrase, idleMinutes, hideAmounts, send, problem);
    }

    /**
     * Where the app keeps these settings between runs; the desktop launcher keeps them in its settings file. Saving is
     * file work, called off the UI thread.
     */
    public interface Keeper {

        /** The settings as kept; {@link #NONE} when nothing is. */
        PrivacySettings load();

        void save(PrivacySettings settings) throws IOException;

        /** Keeps them for this run only: for tests and for an app started without a settings folder. */
        static Keeper inMemory(PrivacySettings initial) {
            return new Keeper() {
                private volatile PrivacySettings kept = initial;

                @Override
                public PrivacySettings load() {
                    return kept;
                }

                @Override
                public void save(PrivacySettings settings) {
                    kept = settings;
                }
            };
        }
    }
}
