package xyz.cavos.wallet.ui;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.Subscription;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * Shows what the {@link Notifier} fires: the session's expiry as a banner above the screens (with a button that opens
 * the Session screen) for as long as it holds, the rest as toasts at the window's bottom right for a few seconds; and,
 * while the window is not the one the person is looking at, everything on the desktop too.
 */
final class Notices {

    /** How long a toast stays. */
    static final Duration TOAST_FOR = Duration.seconds(6);
    private static final String CSS = Notices.class.getResource("notices.css").toExternalForm();
    private static final String[] LEVELS = {"notice-info", "notice-warning", "notice-error"};

    private final Notifier notifier;
    private final Consumer<AppShell.Screen> open;
    private final NotificationPane banner = new NotificationPane();
    private final java.util.function.BooleanSupplier locked;
    private final java.util.function.BooleanSupplier hidden;
    private final java.util.function.BooleanSupplier toDesktop;
    private DesktopNotifications desktop = DesktopNotifications.NONE;
    /** The banner is being hidden because its notice no longer holds, not because the person closed it. */
    private boolean withdrawing;

    /**
     * {@code locked}: the app is locked, so a notice tells nothing of the wallet (no toast, and on the desktop only that
     * something happened); {@code hidden}: amounts are hidden, in notices too; {@code toDesktop}: the person lets notices
     * go to the desktop's notifications.
     */
    Notices(Notifier notifier, Consumer<AppShell.Screen> open, java.util.function.BooleanSupplier locked,
            java.util.function.BooleanSupplier hidden, java.util.function.BooleanSupplier toDesktop) {
        this.notifier = notifier;
        this.open = open;
        this.locked = locked;
        this.hidden = hidden;
        this.toDesktop = toDesktop;
        banner.setId("notice-banner");
        banner.setShowFromTop(true);
        banner.getStylesheets().add(CSS);
        banner.showingProperty().addListener((obs, was, showing) -> {
            if (!showing && !withdrawing) {
                notifier.dismissBanner(); // its close button
            }
        });
    }

    /**
     * The screens with the banner above them. The banner slides over what is under it; once it is down, the screens make
     * room for it, so that it hides no part of them.
     */
    Node wrap(Node content) {
        Region room = new Region();
        room.setId("notice-room");
        VBox screens = new VBox(room, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        banner.setContent(screens);
        banner.skinProperty().subscribe(skin -> {
            if (skin != null && banner.lookup(".notification-bar > .pane") instanceof Region bar) {
                ObservableValue<Number> height = banner.showingProperty().flatMap(showing -> showing ? bar.heightProperty() : null).orElse(0.0);
                room.minHeightProperty().bind(height);
                room.prefHeightProperty().bind(height);
            }
        });
        return banner;
    }

    /** Where notifications go while the window is not focused. */
    void sendToDesktop(DesktopNotifications port) {
        desktop = port;
    }

    /** Starts showing what the notifier fires; the subscription stops it. */
    Subscription start() {
        ListChangeListener<Notification> told = change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::tell);
            }
        };
        notifier.fired().addListener(told);
        return Subscription.combine(notifier.start(), notifier.bannerProperty().subscribe(this::banner),
                () -> notifier.fired().removeListener(told));
    }

    private Window window() {
        Scene scene = banner.getScene();
        return scene == null ? null : scene.getWindow();
    }

    private void tell(Notification fired) {
        Window window = window();
        boolean toTheDesktop = toDesktop.getAsBoolean();
        if (locked.getAsBoolean()) {
            // the window shows nothing while locked; the desktop hears only that there is something to see
            if (toTheDesktop) {
                desktop.send(new Notification(fired.kind(), fired.level(), "Cavos Desktop",
                        "Something happened in your wallet. Unlock the app to see it.", fired.screen()));
            }
            return;
        }
        Notification notification = hidden.getAsBoolean() ? masked(fired) : fired;
        if (!notification.kind().persistent()) {
            toast(notification, window);
        }
        if (toTheDesktop && (window == null || !window.isFocused())) {
            desktop.send(notification);
        }
    }

    private static Notification masked(Notification fired) {
        return new Notification(fired.kind(), fired.level(), fired.title(), HiddenAmounts.mask(fired.text()), fired.screen());
    }

    private void banner(Notification notice) {
        if (notice == null) {
            withdrawing = true;
            try {
                banner.hide();
            } finally {
                withdrawing = false;
            }
            return;
        }
        level(banner, notice.level());
        banner.setText(notice.title() + "\n" + notice.text());
        Action openIt = new Action("Open " + notice.screen().title(), e -> open.accept(notice.screen()));
        openIt.getStyleClass().add("notice-open");
        banner.getActions().setAll(openIt);
        if (!banner.isShowing()) {
            banner.show();
        }
    }

    /** A toast owned by the window, at its bottom right; only while the window is on screen (a popup needs one). */
    private void toast(Notification notification, Window window) {
        if (window == null || !window.isShowing()) {
            return;
        }
        if (!window.getScene().getStylesheets().contains(CSS)) {
            window.getScene().getStylesheets().add(CSS); // a popup is styled by its owner's scene
        }
        Region dot = new Region();
        dot.getStyleClass().add("notice-dot");
        Notifications toast = Notifications.create().owner(window).position(Pos.BOTTOM_RIGHT).hideAfter(TOAST_FOR)
                .title(notification.title()).text(notification.text()).graphic(dot)
                .styleClass("cavos-toast", LEVELS[notification.level().ordinal()])
                .onAction(e -> open.accept(notification.screen()));
        toast.show();
    }

    private static void level(Node node, Notification.Level level) {
        node.getStyleClass().removeAll(LEVELS);
        node.getStyleClass().add(LEVELS[level.ordinal()]);
    }
}
