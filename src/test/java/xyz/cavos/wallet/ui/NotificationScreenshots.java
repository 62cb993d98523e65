package xyz.cavos.wallet.ui;

import static xyz.cavos.wallet.ui.ScreenshotRun.await;
import static xyz.cavos.wallet.ui.ScreenshotRun.onFx;
import static xyz.cavos.wallet.ui.ScreenshotRun.writePng;

import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.TransactionOutcome;

/**
 * The notifications as a person sees them, light and dark: a toast after a transfer, a toast at 80 % of a limit, the
 * banner an hour before the session ends and once it expired. Captures the screen (toasts are windows of their own),
 * so run it under Xvfb, like {@link Screenshots}; PNGs go to the folder given as the first argument.
 */
public final class NotificationScreenshots {

    private static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");

    private NotificationScreenshots() {
    }

    public static void main(String[] args) {
        ScreenshotRun.main(args, NotificationScreenshots::walk);
    }

    private static void walk(Path out) throws Exception {
        WalletModel model = ScreenshotRun.model();
        AppShell[] shell = new AppShell[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            Application.setUserAgentStylesheet(Theme.userAgentStylesheet(false));
            shell[0] = new AppShell(model);
            stage[0] = new Stage();
            stage[0].setTitle("Cavos Desktop");
            stage[0].setScene(new Scene(shell[0].root(), 1100, 720));
            stage[0].setX(0);
            stage[0].setY(0);
            stage[0].show();
            ((Button) stage[0].getScene().lookup("#try-sandbox")).fire();
        });
        await(() -> model.snapshotProperty().get() != null);
        SandboxNode node = ((LocalSandbox.Started) model.sandboxProperty().get()).node();

        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            onFx(() -> {
                shell[0].darkProperty().set(dark);
                shell[0].show(AppShell.Screen.BALANCES);
            });
            TransactionOutcome sent = model.walletProperty().get().transfer(Token.STRK, RECIPIENT, U256.parseAmount("1.5", 18), true,
                    Duration.ofSeconds(30), Progress.SILENT);
            onFx(() -> model.settled(SentTransaction.accepted("Transfer", "1.5 STRK to " + Format.shortAddress(RECIPIENT), sent,
                    AppShell.Screen.ACTIVITY)));
            Thread.sleep(1200);
            capture(stage[0], out.resolve("notice-toast-" + theme + ".png"));
            Thread.sleep(6000); // the toast goes
        }
        // 80 % of the STRK limit: the app sees it at its next read
        model.walletProperty().get().transfer(Token.STRK, RECIPIENT, U256.parseAmount("79", 18), true, Duration.ofSeconds(30),
                Progress.SILENT);
        onFx(() -> shell[0].darkProperty().set(false));
        onFx(model::refresh);
        Thread.sleep(1500);
        capture(stage[0], out.resolve("notice-limit-light.png"));
        Thread.sleep(6000);

        node.increaseTime(model.statusProperty().get().secondsLeft() - 3590);
        onFx(model::refresh);
        await(() -> shell[0].root().lookup("#notice-banner") != null);
        for (boolean dark : new boolean[] {false, true}) {
            onFx(() -> shell[0].darkProperty().set(dark));
            Thread.sleep(1000);
            capture(stage[0], out.resolve("notice-expiring-" + (dark ? "dark" : "light") + ".png"));
        }
        node.increaseTime(3600);
        onFx(model::refresh);
        for (boolean dark : new boolean[] {false, true}) {
            onFx(() -> shell[0].darkProperty().set(dark));
            Thread.sleep(1000);
            capture(stage[0], out.resolve("notice-expired-" + (dark ? "dark" : "light") + ".png"));
        }
        model.shutdown();
        Platform.exit();
        System.exit(0);
    }

    /** The screen where the window is, popups included. */
    private static void capture(Stage stage, Path file) throws Exception {
        WritableImage[] image = new WritableImage[1];
        onFx(() -> image[0] = new Robot().getScreenCapture(null, stage.getX(), stage.getY(), stage.getWidth() + 60, stage.getHeight() + 80));
        writePng(image[0], file);
    }
}
