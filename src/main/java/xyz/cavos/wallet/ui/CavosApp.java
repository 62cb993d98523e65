package xyz.cavos.wallet.ui;

import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.wallet.ConnectionOptions;

/** The desktop app: {@code ./mvnw javafx:run} or {@code cavos gui}. */
public final class CavosApp extends Application {

    private WalletModel model;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        var env = System.getenv();
        SessionStore store = SessionStore.open(SessionStore.defaultHome(env), Optional.empty(), () -> {
            throw new IllegalStateException("The encrypted session file is used by the command line only; import the session in the app "
                    + "to keep it in the keychain.");
        });
        model = new WalletModel(UiExecutor.background(), store,
                ConnectionOptions.of(Optional.empty(), Optional.empty(), env, Duration.ofSeconds(30)));
        AppShell shell = new AppShell(model);
        Scene scene = new Scene(shell.root(), 1100, 720);
        stage.setTitle("Cavos Desktop");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = CavosApp.class.getResourceAsStream("icons/cavos-desktop-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        stage.setScene(scene);
        stage.show();
        // A stored session reconnects by itself; reading the keychain takes ~0.5 s, so off the FX thread.
        model.executor().run(store::load, stored -> stored.ifPresent(token -> model.connect(token, () -> shell.show(AppShell.Screen.BALANCES),
                e -> { })), e -> { });
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
