package xyz.cavos.wallet.app;

import java.util.Locale;
import xyz.cavos.wallet.ui.DesktopNotifications;

/** The desktop notifications of the system the app runs on. */
final class SystemNotifications {

    private SystemNotifications() {
    }

    /** The notification service on the session D-Bus on Linux and the BSDs; the system tray elsewhere. */
    static DesktopNotifications forThisSystem() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") || os.contains("bsd")) {
            return new FreedesktopNotifications();
        }
        return new TrayNotifications();
    }
}
