package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.MaskerPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.FaultPlan;
import xyz.cavos.wallet.sandbox.ProviderLimits;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.activity.ActivityViewModel;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.SessionStorage;
import xyz.cavos.wallet.wallet.WalletService;

/** Activity in a real (headless) window, on a node that refuses event searches over more than five blocks. */
@ExtendWith(ApplicationExtension.class)
class ActivityUiIT {

    private SandboxNode node;
    private WalletModel model;
    private AppShell shell;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(Theme.userAgentStylesheet(false));
        node = SandboxNode.start();
        SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
        Path home = Files.createTempDirectory("cavos-activity-ui");
        SessionStorage storage = SessionStorage.open(home, Optional.of("encrypted-file"), "ui test passphrase"::toCharArray);
        // what the person did before opening the screen: a transfer out, then, many blocks later, a transfer in
        try (WalletService wallet = WalletService.connect(demo.token(), ConnectionOptions.DEFAULT, Optional.of(storage))) {
            wallet.transfer(Token.STRK, SandboxWallet.RECIPIENT, U256.parseAmount("1.5", 18), true, Duration.ofSeconds(30), Progress.SILENT);
        }
        for (int i = 0; i < 12; i++) {
            node.createBlock();
        }
        node.mint(demo.address(), Token.USDC, U256.parseAmount("7.25", 6));
        for (int i = 0; i < 12; i++) {
            node.createBlock();
        }
        node.setLimits(new ProviderLimits(false, 5));

        model = new WalletModel(UiExecutor.background(), storage, ConnectionOptions.DEFAULT, new LocalSandbox());
        shell = new AppShell(model);
        Scene scene = new Scene(shell.root(), 1100, 720);
        shell.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        model.connect(demo.token(), () -> { }, e -> { });
    }

    @AfterEach
    void stop() {
        shell.stop();
        model.shutdown();
        node.close();
    }

    @Test
    void activityListsTransfersInAndOutNewestFirstFromANodeThatCapsEventRanges(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.snapshotProperty().get() != null);
        robot.clickOn("#nav-activity");
        @SuppressWarnings("unchecked")
        TableView<ActivityViewModel.Row> table = robot.lookup("#activity").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> lines = table.getItems().stream().map(r -> r.what() + " " + r.amount()).toList();
        assertEquals("Received +7.25 USDC", lines.get(0));
        assertEquals("Sent −1.5 STRK", lines.get(1));
        assertTrue(lines.get(2).startsWith("Fee −0.00"), lines.get(2));
        assertEquals("Session registered ", lines.get(3));
        assertTrue(robot.lookup("#activity-end").queryLabeled().isVisible(), "everything since the registration is listed");
        assertTrue(robot.lookup("#activity-more").queryButton().isDisabled());
        assertTrue(robot.lookup("−1.5 STRK").tryQuery().isPresent(), "the amount is on screen");
        assertTrue(node.requests("/rpc", "starknet_getEvents") > 0);

        TableRow<?> sent = robot.lookup(".table-row-cell").match((TableRow<?> row) -> row.getItem() == table.getItems().get(1)).query();
        assertEquals(table.getItems().get(1).hash(), AppWindow.copyFromMenu(robot, sent, "Copy transaction hash"));
    }

    @Test
    void whileTheFirstPageIsReadTheTableSaysSoAndTheRowsReplaceIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.snapshotProperty().get() != null);
        node.setFaults(FaultPlan.latency(1500)); // a slow node: each answer takes 1.5 s
        robot.clickOn("#nav-activity");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<ActivityViewModel.Row> table = robot.lookup("#activity").queryAs(TableView.class);
        MaskerPane masker = robot.lookup("#activity-reading").queryAs(MaskerPane.class);
        assertTrue(masker.isVisible(), "the table is masked while nothing is read yet");
        assertEquals("Reading the history from the chain…", masker.getText());
        assertFalse(table.getPlaceholder().isVisible(), "said once, on the mask");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(masker.isVisible(), "the rows are on view");
    }
}
