package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.ui.AppWindow.shown;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window builds only when it is wanted, in a real (headless) window: no tooltip, lock screen or session
 * switcher in a new window; a tooltip on hover, a message's menu on a right click, a cell's tooltip that follows its
 * row. (The lock screen once locked and the switcher once there is a session: LockUiIT, AppUiIT.)
 */
@ExtendWith(ApplicationExtension.class)
class PopupsUiIT {

    @RegisterExtension
    final AppWindow app = new AppWindow();

    @Start
    void start(Stage stage) throws Exception {
        app.open(stage);
    }

    @Test
    void aNewWindowHasNoTooltipLockScreenOrSessionSwitcherYetButATooltipShowsOnHover(FxRobot robot) throws Exception {
        Control theme = robot.lookup("#theme-toggle").queryAs(Control.class);
        assertNull(theme.getTooltip(), "no tooltip is made with the window");
        assertEquals("Light or dark (Ctrl+D)", theme.getAccessibleHelp(), "a screen reader has the words at once");
        assertNull(app.scene().lookup("#lock-screen"), "no lock screen while there is no lock");
        assertNull(app.scene().lookup("#session-switcher"), "no switcher while there is no session");

        robot.moveTo("#theme-toggle");
        robot.moveBy(3, 1); // the pointer rests on it after moving over it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showingTooltip().isPresent());
        assertEquals("Light or dark (Ctrl+D)", showingTooltip().orElseThrow().getText());
    }

    @Test
    void aMessageKeepsItsWholeTextOnHoverAndCanBeCopiedFromItsMenu(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shown(robot, "#settings-new-url"));
        robot.clickOn("#settings-new-url").write("ftp://rpc.example");
        robot.clickOn("#settings-add");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shown(robot, "#settings-add-error"));
        Label error = robot.lookup("#settings-add-error").queryAs(Label.class);
        String said = error.getText();
        assertTrue(said.startsWith("The RPC URL is not an http(s) URL"), said);
        assertNull(error.getContextMenu(), "no menu is made before it is asked for");

        robot.moveTo(error);
        robot.moveBy(3, 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showingTooltip().isPresent());
        assertEquals(said, showingTooltip().orElseThrow().getText());

        assertEquals(said, AppWindow.copyFromMenu(robot, error, "Copy message"));
        assertTrue(error.getContextMenu() != null, "the menu is kept for the next right click");
    }

    @Test
    void aBalanceShowsItsExactAmountOnHoverButNotWhileAmountsAreHidden(FxRobot robot) throws Exception {
        System.gc(); // what the Import screen's words follow must be held by the screen, not only by a weak listener
        app.trySandbox(robot);
        TableCell<?, ?> strk = robot.lookup(".table-cell").match((TableCell<?, ?> cell) -> "1,000.00".equals(cell.getText())).query();
        robot.moveTo(strk);
        robot.moveBy(3, 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showingTooltip().isPresent());
        assertEquals("Exactly 1,000 STRK", showingTooltip().orElseThrow().getText());

        robot.moveTo("#nav-balances");
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL); // Hide amounts
        assertTrue(app.model().amountsHiddenProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showingTooltip().isEmpty());
        TableCell<?, ?> dots = robot.lookup(".table-cell").match((TableCell<?, ?> cell) -> "•••".equals(cell.getText())).query();
        robot.moveTo(dots);
        robot.moveBy(3, 1);
        Thread.sleep(2500); // longer than a tooltip waits before it shows
        assertTrue(showingTooltip().isEmpty(), "no figure in a tooltip while amounts are hidden");
        assertNull(dots.getTooltip());

        // and the Import screen says sessions are kept side by side now that there is one
        robot.interact(() -> app.shell().show(AppShell.Screen.IMPORT));
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().startsWith("A session imported here is kept beside")));
    }

    private static Optional<Tooltip> showingTooltip() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                    .filter(w -> w instanceof Tooltip && w.isShowing()).map(w -> (Tooltip) w).findFirst()).get();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
