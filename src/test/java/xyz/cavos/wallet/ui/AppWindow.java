package xyz.cavos.wallet.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.SessionStorage;

/** The whole app in a TestFX window (via {@code @RegisterExtension}, opened from {@code @Start}); stopped after each test. */
final class AppWindow implements AfterEachCallback {

    private Path home;
    private WalletModel model;
    private AppShell shell;
    private Scene scene;

    /** Shows the app on TestFX's stage, 1100×720, with its session kept in an encrypted file in a new temporary folder. */
    void open(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(Theme.userAgentStylesheet(false));
        home = Files.createTempDirectory("cavos-ui");
        model = new WalletModel(UiExecutor.background(),
                SessionStorage.open(home, Optional.of("encrypted-file"), "ui test passphrase"::toCharArray),
                ConnectionOptions.DEFAULT, new LocalSandbox());
        shell = new AppShell(model);
        scene = new Scene(shell.root(), 1100, 720);
        shell.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** The folder the session file is kept in. */
    Path home() {
        return home;
    }

    WalletModel model() {
        return model;
    }

    AppShell shell() {
        return shell;
    }

    Scene scene() {
        return scene;
    }

    /** Runs after the test's own {@code @AfterEach} methods. */
    @Override
    public void afterEach(ExtensionContext context) {
        shell.stop();
        model.shutdown();
    }

    /** Clicks Try the sandbox and waits until the sandbox's balances are on view. */
    void trySandbox(FxRobot robot) throws Exception {
        robot.clickOn("#try-sandbox");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.snapshotProperty().get() != null && shown(robot, "#balances"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A node that is on screen and visible, e.g. a dialog's button once the dialog has opened. */
    static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent();
    }

    /**
     * Right-clicks {@code node} as the platform reports it (headless Monocle does not turn a right click into this
     * event), clicks the item {@code item} of the menu that opens, and returns what is then on the clipboard.
     */
    static String copyFromMenu(FxRobot robot, Node node, String item) throws Exception {
        Bounds box = node.localToScreen(node.getBoundsInLocal());
        robot.interact(() -> node.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 5, box.getMinX() + 10,
                box.getMinY() + 5, false, null)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(item).tryQuery().isPresent());
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }

    /** Waits until a sheet's action button is on view and armed, then clicks it. */
    static void clickWhenArmed(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot, id) && !robot.lookup(id).queryButton().isDisabled());
        robot.clickOn(id);
    }

    /** The text of a label or button. */
    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }
}
