package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.ui.AppWindow.clickWhenArmed;
import static xyz.cavos.wallet.ui.AppWindow.shown;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.sandbox.SandboxNode;

/** The notifications in a real (headless) window: the banner and its button, a toast after a transfer, the desktop's share. */
@ExtendWith(ApplicationExtension.class)
class NotificationsUiIT {

    private static final String RECIPIENT = "0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b";

    @RegisterExtension
    final AppWindow app = new AppWindow();
    private Stage window;
    /** What reached the desktop. */
    private final List<Notification> desktop = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        app.open(stage);
        app.shell().sendToDesktop(desktop::add);
        window = stage;
    }

    private SandboxNode node() {
        return ((LocalSandbox.Started) app.model().sandboxProperty().get()).node();
    }

    /** The texts of the toasts on view, title and text of each. */
    private static List<String> toasts(FxRobot robot) {
        return robot.lookup(".cavos-toast").match(NodeQueryUtils.isVisible()).queryAll().stream()
                .map(toast -> String.join(" | ", ((javafx.scene.Parent) toast).lookupAll(".label").stream()
                        .map(label -> ((Labeled) label).getText()).filter(text -> text != null && !text.isBlank()).toList()))
                .toList();
    }

    @Test
    void aTransferShowsAToastWhichOpensActivity(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        robot.clickOn("#nav-transfer");
        robot.clickOn("#transfer-recipient").write(RECIPIENT);
        robot.clickOn("#transfer-amount").write("1.5");
        robot.clickOn("#transfer-review");
        clickWhenArmed(robot, "#confirm-send");
        robot.clickOn("#nav-balances"); // the person moves on while it is being accepted
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !toasts(robot).isEmpty());
        String toast = toasts(robot).getFirst();
        assertTrue(toast.matches("Transfer accepted \\| 1\\.5 STRK to 0x0517c8…7f6a5b, accepted in block \\d+, fee [0-9.]+ STRK\\."), toast);
        assertTrue(window.isFocused(), "the person is looking at the app");
        assertEquals(List.of(), desktop, "so nothing goes to the desktop");

        robot.clickOn(".cavos-toast");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "#activity"));
        assertTrue(robot.lookup("#nav-activity").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }

    private static String bannerText(FxRobot robot) {
        return robot.lookup("#notice-banner .notification-bar .label").match(NodeQueryUtils.isVisible()).queryAll().stream()
                .map(label -> ((Labeled) label).getText()).filter(text -> text != null && text.startsWith("Session")).findFirst().orElse("");
    }

    @Test
    void theBannerSaysTheSessionEndsWithinTheHourAndOpensTheSessionScreen(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        NotificationPane banner = robot.lookup("#notice-banner").queryAs(NotificationPane.class);
        assertFalse(banner.isShowing(), "a fresh session has nothing to say");

        node().increaseTime(app.model().statusProperty().get().secondsLeft() - 3590);
        Platform.runLater(app.model()::refresh);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, banner::isShowing);
        // the bar slides in: its words are on view once it is down
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bannerText(robot).isEmpty());
        String said = bannerText(robot);
        assertTrue(said.startsWith("Session \"sandbox\" expires within the hour\nAt "), said);
        assertTrue(said.contains(" by chain time; then renewable until "), said);
        assertEquals(List.of(), toasts(robot), "the session's end is a banner, not a toast");
        Node balances = robot.lookup("#balances").query();
        assertTrue(balances.localToScene(balances.getBoundsInLocal()).getMinY()
                >= robot.lookup("#notice-banner .notification-bar > .pane").queryAs(javafx.scene.layout.Region.class).getHeight(),
                "the banner hides no part of the screen");

        robot.clickOn(".notice-open");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "#session-state"));
        assertEquals("Expiring soon", robot.lookup("#session-state").queryAs(Label.class).getText());

        robot.clickOn("#notice-banner .close-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(banner.isShowing());
        Platform.runLater(app.model()::refresh);
        Thread.sleep(1500); // a read and a tick of the clock
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(banner.isShowing(), "closed, it stays closed until the next threshold");
    }

    @Test
    void whileTheWindowIsNotFocusedTheDesktopIsTold(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        // the person went to another app: Monocle has no other app, so the window is told what the desktop would tell it
        WaitForAsyncUtils.asyncFx(() -> com.sun.javafx.stage.WindowHelper.setFocused(window, false)).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.isFocused());

        node().increaseTime(app.model().statusProperty().get().secondsLeft() - 3590);
        Platform.runLater(app.model()::refresh);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !desktop.isEmpty());
        assertEquals("Session \"sandbox\" expires in 1 hour", desktop.getFirst().title());
        assertEquals(1, desktop.size(), desktop.toString());
        assertEquals(List.of(), toasts(robot), "the session's end is a banner in the app, and a notification on the desktop");
    }

    @Test
    void whileLockedTheDesktopHearsOnlyThatSomethingHappened(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        java.util.concurrent.CountDownLatch set = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> app.model().lock().changePassphrase(new char[0], Optional.of("correct horse".toCharArray()), done -> set.countDown(),
                refused -> {
                    throw new AssertionError(refused);
                }));
        assertTrue(set.await(20, TimeUnit.SECONDS), "the passphrase was set");
        WaitForAsyncUtils.asyncFx(() -> app.model().lock().lock()).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.model().lockedProperty().get());

        node().increaseTime(app.model().statusProperty().get().secondsLeft() - 3590);
        Platform.runLater(app.model()::refresh);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !desktop.isEmpty());
        Notification told = desktop.getFirst();
        assertEquals("Cavos Desktop", told.title());
        assertEquals("Something happened in your wallet. Unlock the app to see it.", told.text(), "nothing of the wallet, not even the session's name");
        assertEquals(List.of(), toasts(robot));
    }

    @Test
    void withDesktopNotificationsSwitchedOffInSettingsTheDesktopHearsNothing(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        robot.clickOn("#nav-settings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-desktop-notifications").tryQuery().isPresent());
        // the switch sits below the fold of the settings page: switched as a click would
        robot.interact(() -> robot.lookup("#settings-desktop-notifications").queryAs(atlantafx.base.controls.ToggleSwitch.class)
                .setSelected(false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !app.model().lock().desktopNotificationsProperty().get());
        WaitForAsyncUtils.asyncFx(() -> com.sun.javafx.stage.WindowHelper.setFocused(window, false)).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.isFocused());

        node().increaseTime(app.model().statusProperty().get().secondsLeft() - 3590);
        Platform.runLater(app.model()::refresh);
        NotificationPane banner = robot.lookup("#notice-banner").queryAs(NotificationPane.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, banner::isShowing);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), desktop, "the banner is in the window only");
    }
}
