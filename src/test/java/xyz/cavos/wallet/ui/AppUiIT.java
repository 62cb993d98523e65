package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.ui.AppWindow.clickWhenArmed;
import static xyz.cavos.wallet.ui.AppWindow.shown;
import static xyz.cavos.wallet.ui.AppWindow.text;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.Version;
import xyz.cavos.wallet.sandbox.FaultPlan;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.ui.balances.BalancesViewModel;
import xyz.cavos.wallet.ui.settings.SettingsViewModel;

/** The app in a real (headless) window: what a person clicks and sees. */
@ExtendWith(ApplicationExtension.class)
class AppUiIT {

    private static final String RECIPIENT = "0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b";

    @RegisterExtension
    final AppWindow app = new AppWindow();

    @Start
    void start(Stage stage) throws Exception {
        app.open(stage);
    }

    /** The marks ControlsFX's validation put on a field; one when the view-model refuses what is typed there. */
    private static int decorations(FxRobot robot, String id) {
        var marks = org.controlsfx.control.decoration.Decorator.getDecorations(robot.lookup(id).query());
        return marks == null ? 0 : marks.size();
    }

    @Test
    void tryTheSandboxThenSeeTheBalances(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#import").queryButton().isDisabled(), "nothing to import yet");
        assertTrue(robot.lookup("#nav-balances").queryAs(ToggleButton.class).isDisabled());

        app.trySandbox(robot);
        @SuppressWarnings("unchecked")
        TableView<BalancesViewModel.Row> table = robot.lookup("#balances").queryAs(TableView.class);
        assertEquals(4, table.getItems().size());
        assertEquals("STRK", table.getItems().getFirst().symbol());
        assertEquals("1,000.00", table.getItems().getFirst().balance());
        assertTrue(text(robot, "#status-network").startsWith("sandbox · block "), text(robot, "#status-network"));
        assertTrue(text(robot, "#status-session").startsWith("Session: Active · 2"), text(robot, "#status-session"));

        String address = text(robot, "#wallet-address");
        assertFalse(address.isBlank());
        Image qr = robot.lookup("#wallet-qr").queryAs(ImageView.class).getImage();
        assertEquals(address, decode(qr), "the QR code on screen scans to the wallet address");
    }

    private static String decode(Image image) throws Exception {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels))),
                // the image is the code alone, as drawn: read as such, every code is found (the search for a code in a
                // scene misses about one in seventy of these, whatever its quiet zone)
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    /** The path the issue names: sandbox, balances, transfer, gauge, refusal, countdown, revoke. */
    @Test
    void aUsersPathFromTheSandboxToARevokedSession(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        robot.clickOn("#nav-transfer");
        robot.clickOn("#transfer-recipient").write(RECIPIENT);
        robot.clickOn("#transfer-amount").write("1.5");
        robot.clickOn("#transfer-review");
        clickWhenArmed(robot, "#confirm-send");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#transfer-progress").startsWith("Sent 1.5 STRK"));
        assertTrue(text(robot, "#transfer-hash").startsWith("Transaction 0x"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.model().snapshotProperty().get().balances().getFirst().display().startsWith("998.49"));

        robot.clickOn("#nav-balances");
        @SuppressWarnings("unchecked")
        TableView<BalancesViewModel.Row> table = robot.lookup("#balances").queryAs(TableView.class);
        assertTrue(table.getItems().getFirst().balance().startsWith("998.49"), table.getItems().getFirst().balance());

        robot.clickOn("#nav-policy");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1.5 of 100 STRK", text(robot, "#gauge-used-STRK"));
        assertEquals(0.015, robot.lookup("#gauge-STRK").queryAs(ProgressBar.class).getProgress(), 1e-9);
        assertTrue(robot.lookup("#gauge-STRK").queryAs(ProgressBar.class).getStyleClass().contains("gauge-ok"));

        robot.clickOn("#nav-transfer");
        robot.doubleClickOn("#transfer-amount").eraseText(3).write("500");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Over the session's spending limit: 98.5 STRK left to send.", text(robot, "#transfer-amount-error"),
                "checked as it is typed, before any review");
        assertTrue(robot.lookup("#transfer-review").queryButton().isDisabled());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> decorations(robot, "#transfer-amount") > 0);
        assertEquals(0, decorations(robot, "#transfer-recipient"), "the field that is right is not marked");
        assertTrue(app.model().snapshotProperty().get().balances().getFirst().display().startsWith("998.49"), "nothing was sent");

        robot.clickOn("#nav-session");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Active", text(robot, "#session-state"));
        String before = text(robot, "#session-countdown");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !text(robot, "#session-countdown").equals(before));
        assertTrue(text(robot, "#session-countdown").compareTo(before) < 0, before + " then " + text(robot, "#session-countdown"));

        robot.clickOn("#session-revoke");
        clickWhenArmed(robot, "#confirm-revoke");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#session-state").equals("Revoked"));
        WaitForAsyncUtils.waitForFxEvents(); // the labels of one update are set one after the other on the FX thread
        assertTrue(text(robot, "#session-explanation").startsWith("Revoked from this device. "), text(robot, "#session-explanation"));
        assertEquals("Session: Revoked", text(robot, "#status-session"));
        assertTrue(robot.lookup("#session-revoke").queryButton().isDisabled());
        assertEquals("—", text(robot, "#session-countdown"), "no 00:00:00 beside Revoked");
        assertTrue(text(robot, "#session-result").startsWith("Session revoked in transaction 0x"), text(robot, "#session-result"));
    }

    /** Reported: Enter pressed twice sent 80 STRK, because Send was the confirmation's default button. */
    @Test
    void pressingEnterTwiceSendsNothing(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        robot.clickOn("#nav-transfer");
        robot.clickOn("#transfer-recipient").write(RECIPIENT);
        robot.clickOn("#transfer-amount").write("80");
        robot.type(KeyCode.ENTER); // Review is the form's default button
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot, "#confirm-send"));
        javafx.scene.control.Button send = robot.lookup("#confirm-send").queryButton();
        assertFalse(send.isDefaultButton(), "Send is never the default button");
        assertTrue(send.isDisabled(), "Send arms only after the sheet has been on view a moment");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shown(robot, "#confirm-send"), "Enter chose Cancel");
        Thread.sleep(1500);
        app.model().refresh();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.model().refreshingProperty().get());
        assertEquals(0, app.model().snapshotProperty().get().callsMade(), "nothing was sent");
        assertTrue(app.model().snapshotProperty().get().balances().getFirst().display().startsWith("1000"), "the balance is whole");
    }

    /** Reported: the confirmation wrapped addresses mid-string and wrote the recipient zero-padded unlike the form. */
    @Test
    void theReviewSheetShowsTheAmountLargeAndTheAddressWholeInGroupsOfFour(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        robot.clickOn("#nav-transfer");
        robot.clickOn("#transfer-recipient").write(RECIPIENT);
        robot.clickOn("#transfer-amount").write("1.5");
        robot.clickOn("#transfer-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot, "#confirm-send"));
        assertEquals("1.5 STRK", text(robot, "#sheet-amount"));
        assertTrue(robot.lookup("#sheet-amount").query().getStyleClass().contains("sheet-amount"));
        assertEquals("0x 0517 c8f3 d2e1 a09b 8c7d 6e5f 4a3b 2c1d 0e9f 8a7b 6c5d 4e3f 2a1b 0c9d 8e7f 6a5b", text(robot, "#sheet-to"));
        assertEquals("sandbox", text(robot, "#sheet-network"));
        assertTrue(text(robot, "#sheet-fee").startsWith("≈ "), text(robot, "#sheet-fee"));
        assertEquals("98.5 STRK of 100 STRK left", text(robot, "#sheet-limit-after"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, app.model().snapshotProperty().get().callsMade());
    }

    @Test
    void theThemeIsASwitchNotASecondSelectedSidebarItem(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        assertTrue(robot.lookup("#theme-toggle").query() instanceof org.controlsfx.control.ToggleSwitch);
        robot.clickOn("#theme-toggle .thumb-area");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.shell().darkProperty().get());
        robot.clickOn("#theme-toggle .label");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.shell().darkProperty().get(), "its words switch it back");
        robot.clickOn("#theme-toggle .thumb-area");
        WaitForAsyncUtils.waitForFxEvents();
        long selected = robot.lookup(".sidebar .toggle-button").queryAllAs(ToggleButton.class).stream().filter(ToggleButton::isSelected).count();
        assertEquals(1, selected, "one screen is selected in the sidebar, whatever the theme");
    }

    @Test
    void ctrlAndANumberOpensTheScreenAndPutsTheKeyboardInIt(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#nav-transfer").queryAs(ToggleButton.class).isSelected()
                && robot.lookup("#transfer-token").query().getScene().getFocusOwner() != null
                && isInside(robot.lookup("#transfer-token").query().getScene().getFocusOwner(), robot.lookup("#transfer-page").query()));
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node ancestor) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void revokingAllSessionsAsksTwice(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        robot.clickOn("#nav-session");
        robot.clickOn("#session-revoke-all");
        clickWhenArmed(robot, "#confirm-revoke-all");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shown(robot, "#confirm-revoke-all-again"));
        assertEquals("Active", text(robot, "#session-state"), "nothing is sent after the first confirmation");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Active", text(robot, "#session-state"), "cancelling the second confirmation sends nothing");
        assertEquals(0, app.model().snapshotProperty().get().callsMade());
    }

    @Test
    void theWindowStaysResponsiveWhileTheNodeIsSlow(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        ((LocalSandbox.Started) app.model().sandboxProperty().get()).node().setFaults(FaultPlan.latency(2000));
        robot.clickOn("#refresh");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.model().refreshingProperty().get(), "the refresh is waiting on the slow node");
        long worst = 0;
        int pings = 0;
        while (app.model().refreshingProperty().get()) {
            long start = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> { }).get(5, TimeUnit.SECONDS);
            worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
            pings++;
            Thread.sleep(20);
        }
        assertTrue(pings >= 10, "the refresh took a while: " + pings + " pings");
        assertTrue(worst < 1000, "the UI thread answered within " + worst + " ms while the node took 2 s per request");
        robot.clickOn("#nav-policy"); // and it still navigates
        assertFalse(robot.lookup("#policy-gauges").queryAll().isEmpty());
    }

    @Test
    void shortcutsThemeAndAbout(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#nav-session").queryAs(ToggleButton.class).isSelected());

        String light = Application.getUserAgentStylesheet();
        robot.clickOn("#theme-toggle .thumb-area");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(light, Application.getUserAgentStylesheet());
        assertTrue(Application.getUserAgentStylesheet().contains("dark"), Application.getUserAgentStylesheet());
        assertTrue(app.shell().darkProperty().get());

        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shown(robot, "#about-dialog"));
        javafx.scene.control.DialogPane about = robot.lookup("#about-dialog").queryAs(javafx.scene.control.DialogPane.class);
        assertEquals("Cavos Desktop " + Version.current(), about.getHeaderText());
        assertTrue(about.getContentText().contains("F5 or Ctrl+R"), about.getContentText());
    }

    @Test
    void settingsWithoutASessionThenTheSandboxsEndpointsChecked(FxRobot robot) throws Exception {
        assertFalse(robot.lookup("#nav-settings").queryAs(ToggleButton.class).isDisabled(), "Settings need no session");
        robot.clickOn("#nav-settings");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shown(robot, "#settings-endpoints"));
        @SuppressWarnings("unchecked")
        ListView<SettingsViewModel.EndpointRow> list = robot.lookup("#settings-endpoints").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        assertTrue(robot.lookup("#settings-network-mainnet").queryAs(ToggleButton.class).isSelected(), "no session: mainnet's list");
        assertEquals("https://api.cartridge.gg/x/starknet/mainnet", list.getItems().getFirst().shown());
        assertTrue(list.getItems().stream().allMatch(SettingsViewModel.EndpointRow::builtIn));
        assertTrue(text(robot, "#settings-list-note").startsWith("The defaults for mainnet"), text(robot, "#settings-list-note"));

        robot.clickOn("#settings-new-url").write("ftp://rpc.example");
        robot.clickOn("#settings-add");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shown(robot, "#settings-add-error"));
        assertTrue(text(robot, "#settings-add-error").startsWith("The RPC URL is not an http(s) URL"), text(robot, "#settings-add-error"));
        assertEquals(3, list.getItems().size(), "nothing added");

        robot.clickOn("#nav-import");
        app.trySandbox(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT7).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#settings-network-sandbox").queryAs(ToggleButton.class)
                .isSelected());
        assertEquals("The session in use is on sandbox.", text(robot, "#settings-session-network"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        String node = app.model().walletProperty().get().rpcUrl().toString();
        TextField url = robot.lookup("#settings-new-url").queryAs(TextField.class);
        robot.interact(url::clear);
        robot.clickOn(url).write(node);
        robot.clickOn("#settings-add");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        assertEquals(node, list.getItems().getLast().shown());

        robot.clickOn("#settings-check");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot, "#settings-verdict-2"));
        assertEquals("ok", text(robot, "#settings-verdict-2"));
        assertTrue(robot.lookup("#settings-verdict-2").queryAs(Label.class).getStyleClass().contains("state-good"));
        assertFalse(robot.lookup("#settings-check").queryButton().isDisabled(), "the check is over");
        assertTrue(text(robot, "#settings-check-summary").contains("endpoint"), text(robot, "#settings-check-summary"));
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

    /**
     * Reported: importing a token silently replaced the active session. Now it is kept beside it, and the sidebar
     * switches between them.
     */
    @Test
    void anImportIsKeptBesideTheSessionAndTheSidebarSwitchesBetweenThem(FxRobot robot) throws Exception {
        app.trySandbox(robot);
        SessionToken demo = app.model().sessionProperty().get();
        var node = ((LocalSandbox.Started) app.model().sandboxProperty().get()).node();
        SessionToken second = node.dashboard().registerSession(demo.walletAddress(), SandboxDashboard.SessionRequest.demo());
        robot.clickOn("#nav-import");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#token-field").queryAs(javafx.scene.control.TextInputControl.class).setText(second.encode()));
        robot.clickOn("#import");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.model().snapshotProperty().get() != null
                && app.model().sessionProperty().get() != null && app.model().sessionProperty().get().sameSession(second));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, app.model().store().sessions().size(), "the sandbox session is still kept: " + app.model().store().sessions()
);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> switcher = robot.lookup("#session-switcher").queryAs(javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> switcher.getItems().size() == 2);
        assertTrue(switcher.getItems().contains("sandbox"), switcher.getItems().toString());
        assertEquals(app.model().sessionNameProperty().get(), switcher.getValue());

        robot.interact(() -> switcher.setValue("sandbox"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.model().sessionProperty().get().sameSession(demo)
                && app.model().snapshotProperty().get() != null);
        assertEquals("sandbox", app.model().store().current().orElseThrow(), "the chosen session is the current one, for the next start too");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#nav-balances").queryAs(ToggleButton.class).isSelected());
    }
}
