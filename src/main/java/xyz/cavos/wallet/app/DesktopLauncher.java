package xyz.cavos.wallet.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import xyz.cavos.wallet.ui.AppShell;
import xyz.cavos.wallet.ui.Theme;
import xyz.cavos.wallet.ui.DesktopNotifications;
import xyz.cavos.wallet.ui.UiExecutor;
import xyz.cavos.wallet.ui.WalletModel;
import xyz.cavos.wallet.ui.lock.PrivacySettings;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.SessionStorage;

/**
 * The desktop app's launcher ({@code ./mvnw javafx:run}, {@code cavos gui}, the menu entry): wires the
 * session storage, the sandbox starter and the window's remembered place into the app, and saves them on exit.
 */
public final class DesktopLauncher extends Application {

    private WalletModel model;
    private AppShell shell;
    private Stage stage;
    private Path home;
    private DesktopSettings settings;
    private DesktopNotifications desktop;

    @Override
    public void start(Stage primary) {
        stage = primary;
        var env = System.getenv();
        home = SessionStorage.defaultHome(env);
        Early read = early != null && early.home().equals(home) ? early : Early.read(home);
        early = null;
        settings = read.settings();
        Application.setUserAgentStylesheet(Theme.userAgentStylesheet(settings.dark()));
        SessionStorage store = read.store();
        model = new WalletModel(UiExecutor.background(), store,
                ConnectionOptions.of(Optional.empty(), List.of(), env, Duration.ofSeconds(30)), new LocalSandbox(home), privacy());
        shell = new AppShell(model, link -> getHostServices().showDocument(link));
        desktop = SystemNotifications.forThisSystem();
        shell.sendToDesktop(desktop);
        shell.darkProperty().set(settings.dark());
        Scene scene = new Scene(shell.root(), settings.width(), settings.height());
        shell.installShortcuts(scene);
        stage.setTitle("Cavos Desktop");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = DesktopLauncher.class.getResource("/xyz/cavos/wallet/ui/icons/cavos-desktop-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm(), true)); // decoded in the background: the first frame does not wait
            }
        }
        stage.setMinWidth(DesktopSettings.MIN_WIDTH);
        stage.setMinHeight(DesktopSettings.MIN_HEIGHT);
        if (settings.hasPosition() && onSomeScreen(settings)) {
            stage.setX(settings.x());
            stage.setY(settings.y());
        }
        stage.setMaximized(settings.maximized());
        stage.setScene(scene);
        String probe = env.get("CAVOS_STARTUP_PROBE");
        if (probe != null) {
            reportFirstFrame(scene, "exit".equals(probe));
        }
        stage.show();
        SoftwareRendering.rememberThisStart(home, env);
        // A stored session reconnects by itself; reading the keychain takes ~0.5 s, so off the FX thread.
        // A session whose node cannot be reached opens on the Session screen, which says so and can still remove it.
        model.openCurrent(() -> shell.show(AppShell.Screen.BALANCES), e -> {
            if (model.sessionProperty().get() != null) {
                shell.show(AppShell.Screen.SESSION);
            }
        });
    }

    /** The lock and privacy settings, kept in desktop.json with the rest as soon as they change. */
    private PrivacySettings.Keeper privacy() {
        return new PrivacySettings.Keeper() {
            @Override
            public PrivacySettings load() {
                synchronized (DesktopLauncher.this) {
                    return settings.privacy();
                }
            }

            @Override
            public void save(PrivacySettings changed) throws IOException {
                synchronized (DesktopLauncher.this) {
                    DesktopSettings next = settings.withPrivacy(changed);
                    next.save(home);
                    settings = next;
                }
            }
        };
    }

    /**
     * For start-up measurements and the installer's training run: prints the wall-clock time of the first
     * pulse after the window is shown (the first frame), and quits if asked to.
     */
    private static void reportFirstFrame(Scene scene, boolean quit) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.out.println("first-frame-epoch-ms=" + System.currentTimeMillis());
            System.out.flush();
            if (quit) {
                javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
                settle.setOnFinished(e -> javafx.application.Platform.exit());
                settle.play();
            }
        };
        scene.windowProperty().get().setOnShown(e -> scene.addPostLayoutPulseListener(once[0]));
    }

    /** A window restored where no screen is any more (an unplugged monitor) is placed by the system instead. */
    private static boolean onSomeScreen(DesktopSettings s) {
        return !Screen.getScreensForRectangle(new Rectangle2D(s.x(), s.y(), Math.min(s.width(), 200), 50)).isEmpty();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.stop();
            saveOnExit();
        }
        if (model != null) {
            model.shutdown();
        }
        if (desktop != null) {
            desktop.close();
        }
    }

    /** The theme and the window's place, with the lock and privacy settings as they are now. */
    private synchronized void saveOnExit() {
        DesktopSettings now = stage.isMaximized() ? settings.withDark(shell.darkProperty().get()).withWindow(settings.x(), settings.y(),
                settings.width(), settings.height(), true)
                // the scene's size, not the window's: the window adds its decorations to what the next start asks for
                : settings.withDark(shell.darkProperty().get()).withWindow(stage.getX(), stage.getY(),
                        stage.getScene().getWidth(), stage.getScene().getHeight(), false);
        try {
            now.save(home);
            settings = now;
        } catch (IOException e) {
            // the next start uses the defaults
        }
    }

    public static void main(String[] args) {
        // The Java launcher has already started JavaFX's toolkit (this class is an Application); the files start() needs
        // are read on another thread while launch() sets the application up, and start() waits for them. (A main class
        // of its own, reading them while the toolkit starts, measured no faster: both want the same cores.)
        early = Early.startReading(SessionStorage.defaultHome(System.getenv()));
        launch(args);
    }

    /** Read before the window opens, when main started it; {@code cavos gui} and the tests start the app without it. */
    private static volatile Early early;

    /** desktop.json and the session storage (settings.json), read on a thread of their own or when asked. */
    private record Early(Path home, FutureTask<DesktopSettings> settingsTask, FutureTask<SessionStorage> storeTask) {

        static Early startReading(Path home) {
            Early early = of(home);
            Thread.ofPlatform().daemon().name("early-read").start(early::readAll);
            return early;
        }

        static Early read(Path home) {
            Early early = of(home);
            early.readAll();
            return early;
        }

        private static Early of(Path home) {
            return new Early(home, new FutureTask<>(() -> DesktopSettings.load(home)), new FutureTask<>(() -> openStore(home)));
        }

        private void readAll() {
            settingsTask.run();
            storeTask.run();
        }

        DesktopSettings settings() {
            return result(settingsTask);
        }

        SessionStorage store() {
            return result(storeTask);
        }

        private static <T> T result(FutureTask<T> task) {
            try {
                return task.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the settings were read", e);
            }
        }

        private static SessionStorage openStore(Path home) {
            return SessionStorage.open(home, Optional.empty(), () -> {
                throw new IllegalStateException("The encrypted session file is used by the command line only; import the session in the"
                        + " app to keep it in the keychain.");
            });
        }
    }
}
