package xyz.cavos.wallet.ui;

/**
 * The desktop's own notifications, for when the person is not looking at the app: the launcher hands the one this
 * system has (its notification service, or the system tray) to the shell. Sending returns at once; a desktop without
 * notifications shows nothing, and that is not an error.
 */
public interface DesktopNotifications extends AutoCloseable {

    /** Shows nothing. */
    DesktopNotifications NONE = notification -> { };

    /** Shows the notification on the desktop, or nothing when the desktop cannot; never blocks and never throws. */
    void send(Notification notification);

    /** Lets go of the connection to the desktop, if one was made. */
    @Override
    default void close() {
    }
}
