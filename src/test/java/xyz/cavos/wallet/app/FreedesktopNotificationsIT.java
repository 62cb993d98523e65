package xyz.cavos.wallet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.ui.AppShell;
import xyz.cavos.wallet.ui.Notification;

/**
 * Desktop notifications over a real session D-Bus: the test takes the notification service's name on the bus itself
 * (a private bus from {@code dbus-run-session}, as in CI, has no notification daemon) and receives the app's
 * {@code Notify} calls. Skipped, and says why, on a machine without a session bus.
 */
class FreedesktopNotificationsIT {

    /** One {@code Notify} call as the service received it. */
    record Received(String appName, long replacesId, String summary, String body, List<String> actions, Map<String, Variant<?>> hints,
            int expireTimeout) {
    }

    /** The service's side of the bus: takes every notification and says it was shown. */
    static final class Service implements FreedesktopNotifications.Service {

        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

        @Override
        public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body, String[] actions,
                Map<String, Variant<?>> hints, int expireTimeout) {
            received.add(new Received(appName, replacesId.longValue(), summary, body, List.of(actions), hints, expireTimeout));
            return new UInt32(received.size());
        }

        @Override
        public String getObjectPath() {
            return FreedesktopNotifications.PATH;
        }
    }

    @BeforeEach
    void needsASessionBus() {
        Assumptions.assumeTrue(System.getenv("DBUS_SESSION_BUS_ADDRESS") != null,
                "No session D-Bus here: the desktop notification tests run inside dbus-run-session (.ci/run starts one).");
    }

    /** Takes the notification service's name on the session bus, unless a real notification daemon has it. */
    private static DBusConnection serve(Service service) throws DBusException {
        DBusConnection bus = DBusConnectionBuilder.forSessionBus().withShared(false).build();
        try {
            bus.requestBusName(FreedesktopNotifications.SERVICE);
        } catch (DBusException e) {
            close(bus);
            Assumptions.abort("A notification daemon already owns " + FreedesktopNotifications.SERVICE
                    + " on this session bus: run the test inside its own dbus-run-session.");
        }
        bus.exportObject(FreedesktopNotifications.PATH, service);
        return bus;
    }

    private static void close(DBusConnection bus) {
        try {
            bus.close();
        } catch (java.io.IOException e) {
            // the test is over
        }
    }

    private static final Notification REVERTED = new Notification(Notification.Kind.TRANSACTION_REVERTED, Notification.Level.ERROR,
            "Transfer reverted", "1.5 STRK to Alice & Bob <work>: Spending limit exceeded. The fee was paid.", AppShell.Screen.ACTIVITY);

    @Test
    void theServiceReceivesTheAppsNameTitleTextAndUrgency() throws Exception {
        Service service = new Service();
        DBusConnection bus = serve(service);
        try (FreedesktopNotifications desktop = new FreedesktopNotifications()) {
            desktop.send(REVERTED);
            Received got = service.received.poll(10, TimeUnit.SECONDS);
            assertNotNull(got, "the app's Notify call reached the service");
            assertEquals("Cavos Desktop", got.appName());
            assertEquals("Transfer reverted", got.summary());
            assertEquals("1.5 STRK to Alice &amp; Bob &lt;work&gt;: Spending limit exceeded. The fee was paid.", got.body(),
                    "shown as written by a service that reads markup");
            assertEquals((byte) 2, got.hints().get("urgency").getValue(), "an error is critical");
            assertEquals(0, got.replacesId());
            assertEquals(List.of(), got.actions());
            assertEquals(-1, got.expireTimeout(), "the service decides how long it stays");

            desktop.send(new Notification(Notification.Kind.LIMIT_NEAR, Notification.Level.WARNING, "81 % of the STRK spending limit used",
                    "81 of 100 STRK spent; 19 STRK left for this session.", AppShell.Screen.POLICY));
            Received second = service.received.poll(10, TimeUnit.SECONDS);
            assertNotNull(second);
            assertEquals("81 % of the STRK spending limit used", second.summary());
            assertEquals((byte) 1, second.hints().get("urgency").getValue(), "a warning is normal");
        } finally {
            close(bus);
        }
    }

    @Test
    void withoutAServiceNothingIsShownAndOneThatStartsLaterIsUsed() throws Exception {
        try (FreedesktopNotifications desktop = new FreedesktopNotifications()) {
            desktop.send(REVERTED); // nobody owns the name: nothing happens, and nothing is thrown
            desktop.send(REVERTED);
            desktop.waitUntilSent(java.time.Duration.ofSeconds(10));
            Service service = new Service();
            DBusConnection bus = serve(service);
            try {
                desktop.send(new Notification(Notification.Kind.TRANSACTION_ACCEPTED, Notification.Level.INFO, "Transfer accepted",
                        "1.5 STRK to Alice, accepted in block 9, fee 0.006535 STRK.", AppShell.Screen.ACTIVITY));
                Received got = service.received.poll(10, TimeUnit.SECONDS);
                assertNotNull(got, "a notification daemon started after the app is used");
                assertEquals("Transfer accepted", got.summary());
                assertNull(service.received.poll(500, TimeUnit.MILLISECONDS), "what could not be shown before is not shown late");
            } finally {
                close(bus);
            }
        }
    }
}
