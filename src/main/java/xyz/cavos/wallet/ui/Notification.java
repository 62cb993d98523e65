package xyz.cavos.wallet.ui;

import xyz.cavos.wallet.cavos.SecretText;

/**
 * Something the app tells the person without being asked: a title, one line of text, how much it matters, and
 * the screen it is about. The session's expiry stays on view as a banner until it no longer holds; the others are
 * said once, as a toast. Outside the app the same words go to the desktop's notifications. Never carries a secret.
 */
public record Notification(Kind kind, Level level, String title, String text, AppShell.Screen screen) {

    /** How much a notification matters: the colour of its banner or toast, the urgency on the desktop. */
    public enum Level { INFO, WARNING, ERROR }

    /** What a notification is about. */
    public enum Kind {
        /** The session ends in an hour, or in ten minutes, by chain time. */
        SESSION_EXPIRING(true),
        /** The session expired (renewable or not). */
        SESSION_EXPIRED(true),
        TRANSACTION_ACCEPTED(false),
        TRANSACTION_REVERTED(false),
        /** A spending limit crossed 80 %. */
        LIMIT_NEAR(false),
        /** A spending limit is used up. */
        LIMIT_REACHED(false);

        private final boolean persistent;

        Kind(boolean persistent) {
            this.persistent = persistent;
        }

        /** Whether it stays on view (a banner) while it holds, rather than being said once (a toast). */
        public boolean persistent() {
            return persistent;
        }
    }

    public Notification {
        title = SecretText.hide(title);
        text = SecretText.hide(text);
    }
}
