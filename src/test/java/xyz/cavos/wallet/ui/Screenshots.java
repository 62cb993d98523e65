package xyz.cavos.wallet.ui;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.wallet.ConnectionOptions;

/**
 * Opens the app, walks it through the sandbox and writes a PNG of each screen to the folder given as the
 * first argument. Run it in a real window under Xvfb or headless on Monocle.
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path home = Files.createTempDirectory("cavos-screenshots");
        WalletModel model = new WalletModel(UiExecutor.background(),
                SessionStore.open(home, Optional.of(SessionStore.Kind.ENCRYPTED_FILE), "screenshots"::toCharArray), ConnectionOptions.DEFAULT);
        AppShell[] shell = new AppShell[1];
        Scene[] scene = new Scene[1];
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            shell[0] = new AppShell(model);
            scene[0] = new Scene(shell[0].root(), 1100, 720);
            Stage stage = new Stage();
            stage.setTitle("Cavos Desktop");
            stage.setScene(scene[0]);
            stage.show();
        });
        Thread.sleep(500);
        save(scene[0], out.resolve("import.png"));
        onFx(() -> ((javafx.scene.control.Button) scene[0].lookup("#try-sandbox")).fire());
        for (int i = 0; i < 100 && model.snapshotProperty().get() == null; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        save(scene[0], out.resolve("balances.png"));
        onFx(() -> {
            shell[0].show(AppShell.Screen.TRANSFER);
            ((javafx.scene.control.TextField) scene[0].lookup("#transfer-recipient"))
                    .setText("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
            ((javafx.scene.control.TextField) scene[0].lookup("#transfer-amount")).setText("1.5");
        });
        Thread.sleep(300);
        save(scene[0], out.resolve("transfer.png"));
        model.shutdown();
        Platform.exit();
        System.exit(0);
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await(10, TimeUnit.SECONDS);
    }

    private static void save(Scene scene, Path file) throws Exception {
        WritableImage[] image = new WritableImage[1];
        onFx(() -> image[0] = scene.snapshot(null));
        PixelReader pixels = image[0].getPixelReader();
        int width = (int) image[0].getWidth();
        int height = (int) image[0].getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", file.toFile());
    }
}
