import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The peer of the desktop app's first frame in bench/run: the smallest JavaFX window (one label), the size of the
 * app's first window, reporting its first frame the way the app does under CAVOS_STARTUP_PROBE=exit.
 */
public class MinimalWindow extends Application {

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Hello")), 1100, 720);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.out.println("first-frame-epoch-ms=" + System.currentTimeMillis());
            System.out.flush();
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
            settle.setOnFinished(e -> Platform.exit());
            settle.play();
        };
        stage.setOnShown(e -> scene.addPostLayoutPulseListener(once[0]));
        stage.setScene(scene);
        stage.setTitle("Minimal");
        stage.show();
    }
}
