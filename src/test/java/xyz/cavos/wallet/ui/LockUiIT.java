package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.ui.AppWindow.shown;
import static xyz.cavos.wallet.ui.AppWindow.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.ui.lock.PassphraseHash;
import xyz.cavos.wallet.ui.lock.PrivacySettings;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.SessionStorage;

/** The app lock and Hide amounts in a real (headless) window: what is on view while locked, and what unlocks it. */
@ExtendWith(ApplicationExtension.class)
class LockUiIT {

    private static final String PASSPHRASE = "correct horse battery";
    private static final String RECIPIENT = "0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b";

    @RegisterExtension
    final AppWindow app = new AppWindow();
    /** Closes what a test opened besides the app's window; runs before the app stops. */
    private final List<Runnable> closing = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        app.open(stage);
    }

    @AfterEach
    void stop() {
        closing.forEach(Runnable::run);
    }

    private static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Sets the passphrase in Settings' "Lock and privacy" card, as a person does there. */
    private void setPassphraseInSettings(FxRobot robot) throws Exception {
        ctrl(robot, KeyCode.DIGIT7);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.scene().lookup("#lock-new") != null);
        assertEquals("No app passphrase: the app does not lock.", text(robot, "#lock-status"));
        assertTrue(robot.lookup(".label").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("The command line is not affected by this lock.")));
        robot.interact(() -> {
            robot.lookup("#lock-new").queryAs(TextInputControl.class).setText(PASSPHRASE);
            robot.lookup("#lock-repeat").queryAs(TextInputControl.class).setText(PASSPHRASE);
            robot.lookup("#lock-save").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#lock-result").isEmpty());
        assertEquals("The passphrase is set: the app is locked at start, on Ctrl+L and after 5 idle minutes.", text(robot, "#lock-result"));
        assertTrue(shown(robot, "#lock-now"), "a Lock button in the sidebar once there is a passphrase");
        assertFalse(app.model().lockedProperty().get());
    }

    /** Every text a person could read in the window: labels, cells, fields, of nodes that are shown with all their parents. */
    private static List<String> visibleTexts(Node node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof Text text && text.getText() != null) {
            texts.add(text.getText());
        }
        if (node instanceof TextInputControl field && field.getText() != null) {
            texts.add(field.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }

    private void unlock(FxRobot robot, String passphrase) throws Exception {
        robot.clickOn("#lock-passphrase").write(passphrase).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.model().lock().checkingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlLHidesEverythingOfTheWalletAndOnlyTheRightPassphraseShowsItAgain(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        String address = text(robot, "#wallet-address");
        String shortAddress = address.substring(0, 8);
        setPassphraseInSettings(robot);
        ctrl(robot, KeyCode.DIGIT2);
        assertTrue(visibleTexts(app.scene().getRoot()).stream().anyMatch(t -> t.contains("1,000.00")), "the balance is on view before");

        ctrl(robot, KeyCode.L);
        assertTrue(app.model().lockedProperty().get());
        assertTrue(shown(robot, "#lock-screen"));
        List<String> onView = visibleTexts(app.scene().getRoot());
        assertTrue(onView.contains("Cavos Desktop is locked"), onView.toString());
        for (String secret : List.of(address, shortAddress, "1,000.00", "STRK", "Session:", "sandbox", "block")) {
            assertTrue(onView.stream().noneMatch(t -> t.contains(secret)), "\"" + secret + "\" is on view while locked: " + onView);
        }
        assertEquals(List.of(app.scene().getWindow()), Window.getWindows().stream().filter(Window::isShowing).toList(),
                "no other window of the app is open");
        assertEquals("lock-passphrase", ((Node) app.scene().getFocusOwner()).getId(), "the keyboard is in the passphrase field");

        ctrl(robot, KeyCode.DIGIT3);
        assertTrue(app.model().lockedProperty().get(), "the screens' shortcuts do nothing while locked");
        assertTrue(visibleTexts(app.scene().getRoot()).stream().noneMatch(t -> t.contains("Recipient")));

        unlock(robot, "not the passphrase");
        assertTrue(app.model().lockedProperty().get());
        assertEquals("That is not the passphrase.", text(robot, "#lock-message"));
        assertEquals("", robot.lookup("#lock-passphrase").queryAs(TextInputControl.class).getText(), "the field is emptied after a try");

        unlock(robot, PASSPHRASE);
        assertFalse(app.model().lockedProperty().get());
        assertFalse(shown(robot, "#lock-screen"));
        assertEquals(address, text(robot, "#wallet-address"));
        assertTrue(robot.lookup("#nav-balances").queryAs(ToggleButton.class).isSelected(), "the screen shown before the lock");
    }

    @Test
    void aReviewSheetOpenWhenTheAppLocksIsClosedAndSendsNothing(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        setPassphraseInSettings(robot);
        ctrl(robot, KeyCode.DIGIT3);
        robot.clickOn("#transfer-recipient").write(RECIPIENT);
        robot.clickOn("#transfer-amount").write("2");
        robot.clickOn("#transfer-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot, "#confirm-send"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#confirm-send").queryButton().isDisabled());

        // six minutes without a key or mouse event in the window, by the app clock
        robot.interact(() -> app.model().tick(Instant.now().plus(Duration.ofMinutes(6))));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.model().lockedProperty().get());
        assertFalse(shown(robot, "#confirm-send"), "the sheet is closed");
        assertEquals(List.of(app.scene().getWindow()), Window.getWindows().stream().filter(Window::isShowing).toList());

        unlock(robot, PASSPHRASE);
        assertFalse(app.model().lockedProperty().get(), () -> "field: '" + robot.lookup("#lock-passphrase").queryAs(TextInputControl.class).getText()
                + "' focus: " + app.scene().getFocusOwner() + " window focused: " + app.scene().getWindow().isFocused() + " message: "
                + text(robot, "#lock-message"));
        robot.interact(app.model()::refresh);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.model().refreshingProperty().get());
        assertEquals(0, app.model().snapshotProperty().get().callsMade(), "nothing was sent");
        assertTrue(app.model().snapshotProperty().get().balances().getFirst().display().startsWith("1000"), "the balance is whole");
    }

    @Test
    void hideAmountsShowsDotsOnBalancesAndTurningItOffShowsTheFiguresAgain(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        Node table = robot.lookup("#balances").query();
        assertTrue(visibleTexts(table).contains("1,000.00"));

        ctrl(robot, KeyCode.H);
        List<String> hidden = visibleTexts(table);
        assertTrue(hidden.contains("•••"), hidden.toString());
        assertTrue(hidden.stream().noneMatch(t -> t.matches(".*\\d.*")), "no figure in the table: " + hidden);
        assertTrue(hidden.contains("STRK"), "the tokens are still named");

        ctrl(robot, KeyCode.DIGIT3);
        assertTrue(text(robot, "#transfer-available").startsWith("Available: ••• STRK"), text(robot, "#transfer-available"));

        ctrl(robot, KeyCode.DIGIT7);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.scene().lookup("#settings-hide-amounts") != null);
        robot.interact(() -> robot.lookup("#settings-hide-amounts").queryAs(atlantafx.base.controls.ToggleSwitch.class).setSelected(false));
        ctrl(robot, KeyCode.DIGIT2);
        assertTrue(visibleTexts(robot.lookup("#balances").query()).contains("1,000.00"));
        assertFalse(app.model().amountsHiddenProperty().get());
    }

    @Test
    void ctrlLWithoutAPassphraseOpensSettingsWhereOneIsSet(FxRobot robot) throws Exception {
        ctrl(robot, KeyCode.L);
        assertFalse(app.model().lockedProperty().get());
        assertTrue(robot.lookup("#nav-settings").queryAs(ToggleButton.class).isSelected());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.scene().getFocusOwner() != null && "lock-new".equals(app.scene().getFocusOwner().getId()));
        WaitForAsyncUtils.waitForFxEvents();
        Node field = app.scene().getFocusOwner();
        javafx.geometry.Bounds onScreen = field.localToScene(field.getLayoutBounds());
        assertTrue(onScreen.getMinY() >= 0 && onScreen.getMaxY() <= app.scene().getHeight(), "the field is scrolled into view: " + onScreen);
    }

    @Test
    void withAPassphraseKeptTheAppStartsLocked(FxRobot robot) throws Exception {
        PrivacySettings kept = PrivacySettings.NONE.withPassphrase(Optional.of(PassphraseHash.of(PASSPHRASE.toCharArray())));
        WalletModel locked = new WalletModel(UiExecutor.background(),
                SessionStorage.open(app.home(), Optional.of("encrypted-file"), "ui test passphrase"::toCharArray),
                ConnectionOptions.DEFAULT, new LocalSandbox(), PrivacySettings.Keeper.inMemory(kept));
        AppShell[] second = new AppShell[1];
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            second[0] = new AppShell(locked);
            stage[0] = new Stage();
            Scene other = new Scene(second[0].root(), 1100, 720);
            second[0].installShortcuts(other);
            stage[0].setScene(other);
            stage[0].show();
        });
        closing.add(() -> robot.interact(() -> {
            stage[0].close();
            second[0].stop();
            locked.shutdown();
        }));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> onView = visibleTexts(stage[0].getScene().getRoot());
        assertTrue(onView.contains("Cavos Desktop is locked"), onView.toString());
        assertTrue(onView.stream().noneMatch(t -> t.contains("Import session") || t.contains("Session")), onView.toString());
    }
}
