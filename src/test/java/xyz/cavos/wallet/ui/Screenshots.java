package xyz.cavos.wallet.ui;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.SessionStorage;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.Progress;

/**
 * Opens the app in a window, walks it through the sandbox (a pasted token, Try the sandbox, a 1.5 STRK
 * transfer) and writes a PNG of every screen, light and dark, to the folder given as the first argument.
 * Run it under Xvfb for a real window: see the README's Development section.
 */
public final class Screenshots {

    private static final String RECIPIENT = "0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b";

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
                SessionStorage.open(home, Optional.of("encrypted-file"), "screenshots"::toCharArray), ConnectionOptions.DEFAULT,
                new LocalSandbox());
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
        try (SandboxNode preview = SandboxNode.start()) {
            String token = preview.dashboard().createWallet(SandboxDashboard.WalletRequest.demo()).token().encode();
            onFx(() -> ((TextField) scene[0].lookup("#token-field")).setText(token));
            both(shell[0], scene[0], out, "import");
        }
        onFx(() -> {
            ((TextField) scene[0].lookup("#token-field")).setText("");
            ((Button) scene[0].lookup("#try-sandbox")).fire();
        });
        await(() -> model.snapshotProperty().get() != null);
        model.walletProperty().get().transfer(Token.STRK, xyz.cavos.wallet.starknet.Felt.parse(RECIPIENT), U256.parseAmount("1.5", 18),
                true, Duration.ofSeconds(30), Progress.SILENT);
        onFx(model::refresh);
        await(() -> model.snapshotProperty().get().balances().getFirst().display().startsWith("998"));
        onFx(() -> shell[0].show(AppShell.Screen.BALANCES));
        both(shell[0], scene[0], out, "balances");
        onFx(() -> {
            shell[0].show(AppShell.Screen.TRANSFER);
            ((TextField) scene[0].lookup("#transfer-recipient")).setText(RECIPIENT);
            ((TextField) scene[0].lookup("#transfer-amount")).setText("12.5");
        });
        both(shell[0], scene[0], out, "transfer");
        onFx(() -> shell[0].show(AppShell.Screen.POLICY));
        both(shell[0], scene[0], out, "policy");
        onFx(() -> shell[0].show(AppShell.Screen.SESSION));
        both(shell[0], scene[0], out, "session");
        model.shutdown();
        Platform.exit();
        System.exit(0);
    }

    private static void both(AppShell shell, Scene scene, Path out, String name) throws Exception {
        onFx(() -> shell.darkProperty().set(false));
        Thread.sleep(600);
        save(scene, out.resolve(name + "-light.png"));
        onFx(() -> shell.darkProperty().set(true));
        Thread.sleep(600);
        save(scene, out.resolve(name + "-dark.png"));
        onFx(() -> shell.darkProperty().set(false));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        if (!condition.getAsBoolean()) {
            throw new IllegalStateException("the app did not get there in 30 s");
        }
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
