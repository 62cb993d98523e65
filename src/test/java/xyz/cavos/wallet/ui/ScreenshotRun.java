package xyz.cavos.wallet.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.SessionStorage;

/** What the screenshot programs share: starting JavaFX, the app's model, waiting for the app, and writing PNGs. */
final class ScreenshotRun {

    /** A walk through the app that writes its PNGs to {@code out}. */
    interface Walk {
        void walk(Path out) throws Exception;
    }

    private ScreenshotRun() {
    }

    /** Starts JavaFX and walks, into the folder named by the first argument (target/screenshots if none); a failure exits with 1. */
    static void main(String[] args, Walk walk) {
        try {
            Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
            Files.createDirectories(out);
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            walk.walk(out);
        } catch (Throwable e) {
            e.printStackTrace(); // the JavaFX thread would keep the program alive
            System.exit(1);
        }
    }

    /** The app's model, with its session kept in an encrypted file in a new temporary folder. */
    static WalletModel model() throws IOException {
        Path home = Files.createTempDirectory("cavos-screenshots");
        return new WalletModel(UiExecutor.background(),
                SessionStorage.open(home, Optional.of("encrypted-file"), "screenshots"::toCharArray), ConnectionOptions.DEFAULT,
                new LocalSandbox());
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        if (!condition.getAsBoolean()) {
            throw new IllegalStateException("the app did not get there in 30 s");
        }
    }

    static void onFx(Runnable action) throws InterruptedException {
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

    static void writePng(WritableImage image, Path file) throws IOException {
        PixelReader pixels = image.getPixelReader();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", file.toFile());
    }
}
