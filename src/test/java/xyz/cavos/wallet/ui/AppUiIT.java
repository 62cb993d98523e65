package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.ui.balances.BalancesViewModel;
import xyz.cavos.wallet.wallet.ConnectionOptions;

/** The app in a real (headless) window: what a person clicks and sees. */
@ExtendWith(ApplicationExtension.class)
class AppUiIT {

    private WalletModel model;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path home = Files.createTempDirectory("cavos-ui");
        model = new WalletModel(UiExecutor.background(),
                SessionStore.open(home, Optional.of(SessionStore.Kind.ENCRYPTED_FILE), "ui test passphrase"::toCharArray),
                ConnectionOptions.DEFAULT);
        stage.setScene(new Scene(new AppShell(model).root(), 1100, 720));
        stage.show();
    }

    @AfterEach
    void stop() {
        model.shutdown();
    }

    @Test
    void tryTheSandboxThenSeeTheBalances(FxRobot robot) throws Exception {
        Button importButton = robot.lookup("#import").queryButton();
        assertTrue(importButton.isDisabled(), "nothing to import yet");
        assertTrue(robot.lookup("#nav-balances").queryAs(javafx.scene.control.ToggleButton.class).isDisabled());

        robot.clickOn("#try-sandbox");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#balances").queryAll().isEmpty()
                && robot.lookup("#balances").queryTableView().getItems().size() == 4);
        @SuppressWarnings("unchecked")
        TableView<BalancesViewModel.Row> table = robot.lookup("#balances").queryAs(TableView.class);
        assertEquals("STRK", table.getItems().getFirst().symbol());
        assertEquals("1000.0", table.getItems().getFirst().balance());
        WaitForAsyncUtils.waitForFxEvents();
        String network = robot.lookup("#status-network").queryAs(Label.class).getText();
        assertTrue(network.startsWith("sandbox · block "), network);
        assertEquals("Session: Active", robot.lookup("#status-session").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#wallet-address").queryAs(Label.class).getText().isBlank());
    }

    @Test
    void sendAFirstTransferFromTheSandbox(FxRobot robot) throws Exception {
        robot.clickOn("#try-sandbox");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.snapshotProperty().get() != null);
        robot.clickOn("#nav-transfer");
        robot.clickOn("#transfer-recipient").write("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
        robot.clickOn("#transfer-amount").write("1.5");
        robot.clickOn("#transfer-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#confirm-send").queryAll().isEmpty());
        robot.clickOn("#confirm-send");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#transfer-progress").queryAs(Label.class).getText().startsWith("Sent 1.5 STRK"));
        assertTrue(robot.lookup("#transfer-hash").queryAs(Label.class).getText().startsWith("Transaction 0x"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.snapshotProperty().get().balances().getFirst().display().startsWith("998.49"));

        robot.clickOn("#transfer-amount").eraseText(3).write("500");
        robot.clickOn("#transfer-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#transfer-problem").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#transfer-problem").queryAs(Label.class).getText().startsWith("Spending limit exceeded (1.5 used, 100.0 limit)"),
                robot.lookup("#transfer-problem").queryAs(Label.class).getText());
    }

    @Test
    void aMistypedTokenIsExplainedInline(FxRobot robot) {
        robot.clickOn("#token-field").write("eyJub3QgYSB0b2tlbg");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#token-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("Cavos session token") || error.getText().contains("JSON"), error.getText());
        assertTrue(robot.lookup("#import").queryButton().isDisabled());
    }
}
