package xyz.cavos.wallet.app;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import xyz.cavos.wallet.ui.DesktopNotifications;
import xyz.cavos.wallet.ui.Notification;

/**
 * Desktop notifications on macOS and Windows: a message from an icon in the system tray (the notification centre shows
 * it). The icon is added on the first notification and removed when the app stops; without a tray nothing is shown.
 */
final class TrayNotifications implements DesktopNotifications {

    private TrayIcon icon;
    private boolean unavailable;

    @Override
    public void send(Notification notification) {
        EventQueue.invokeLater(() -> show(notification));
    }

    private void show(Notification notification) {
        if (unavailable) {
            return;
        }
        try {
            if (icon == null) {
                if (!SystemTray.isSupported()) {
                    unavailable = true;
                    return;
                }
                var image = Toolkit.getDefaultToolkit().getImage(TrayNotifications.class.getResource(
                        "/xyz/cavos/wallet/ui/icons/cavos-desktop-32.png"));
                icon = new TrayIcon(image, FreedesktopNotifications.APP_NAME);
                icon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(icon);
            }
            icon.displayMessage(notification.title(), notification.text(), switch (notification.level()) {
                case INFO -> TrayIcon.MessageType.INFO;
                case WARNING -> TrayIcon.MessageType.WARNING;
                case ERROR -> TrayIcon.MessageType.ERROR;
            });
        } catch (AWTException | RuntimeException e) {
            unavailable = true; // no tray on this desktop, or a headless one
        }
    }

    @Override
    public void close() {
        if (icon != null) {
            TrayIcon added = icon;
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(added));
        }
    }
}
