package xyz.cavos.wallet.app;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import xyz.cavos.wallet.ui.DesktopNotifications;
import xyz.cavos.wallet.ui.Notification;

/**
 * Desktop notifications on Linux: {@code Notify} on {@code org.freedesktop.Notifications} over the session D-Bus, as
 * "Cavos Desktop", with the urgency of the notification's level. Sent from a thread of its own; the bus is connected on
 * the first notification. Without a session bus, or without a notification service on it, nothing is shown, and the
 * log says so once.
 */
public final class FreedesktopNotifications implements DesktopNotifications {

    /** The service's well-known name and object, from the Desktop Notifications Specification. */
    public static final String SERVICE = "org.freedesktop.Notifications";
    public static final String PATH = "/org/freedesktop/Notifications";
    /** The application name the desktop shows beside the notification. */
    public static final String APP_NAME = "Cavos Desktop";

    /** The part of the service's interface the app uses. */
    @DBusInterfaceName("org.freedesktop.Notifications")
    public interface Service extends DBusInterface {

        /** Shows a notification; returns its id. The method and parameter order are the specification's. */
        UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body, String[] actions,
                Map<String, Variant<?>> hints, int expireTimeout);
    }

    /** Made with the first notification, not with the window: nothing here is needed before one. */
    private ExecutorService sender;
    private boolean closed;
    private DBusConnection bus;
    private Service service;
    /** No session bus: nothing is tried again. */
    private boolean noBus;
    private boolean toldLog;

    @Override
    public void send(Notification notification) {
        ExecutorService running = sender();
        if (running == null) {
            return; // closed: the app is stopping
        }
        try {
            running.execute(() -> deliver(notification));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: the app is stopping
        }
    }

    private synchronized ExecutorService sender() {
        if (sender == null && !closed) {
            sender = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("desktop-notifications").factory());
        }
        return sender;
    }

    /** Waits up to {@code most} until what was handed over so far was shown or given up on. */
    void waitUntilSent(java.time.Duration most) throws Exception {
        ExecutorService running = sender();
        if (running != null) {
            running.submit(() -> { }).get(most.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void deliver(Notification notification) {
        if (noBus) {
            return;
        }
        try {
            if (bus == null) {
                bus = DBusConnectionBuilder.forSessionBus().withShared(false).build();
                service = bus.getRemoteObject(SERVICE, PATH, Service.class);
            }
        } catch (DBusException | RuntimeException e) {
            noBus = true;
            once("Desktop notifications are off: no session D-Bus (" + e.getClass().getSimpleName() + ").");
            return;
        }
        try {
            service.Notify(APP_NAME, new UInt32(0), "", notification.title(), body(notification.text()), new String[0],
                    Map.of("urgency", new Variant<>(urgency(notification.level()))), -1);
        } catch (RuntimeException e) {
            // no notification service yet (none installed, or not started): the next notification tries again
            once("Desktop notifications are not shown: no notification service answers on the session D-Bus.");
        }
    }

    /** The specification's urgency: 1 normal, 2 critical. */
    static byte urgency(Notification.Level level) {
        return level == Notification.Level.ERROR ? (byte) 2 : (byte) 1;
    }

    /** A body is read as simple markup by many services: the app's words are shown as written. */
    static String body(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void once(String message) {
        if (!toldLog) {
            toldLog = true;
            System.getLogger(FreedesktopNotifications.class.getName()).log(System.Logger.Level.INFO, message);
        }
    }

    @Override
    public void close() {
        ExecutorService running;
        synchronized (this) {
            closed = true;
            running = sender;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (bus != null) {
            try {
                bus.close();
            } catch (java.io.IOException e) {
                // the bus goes with the process
            }
        }
    }
}
