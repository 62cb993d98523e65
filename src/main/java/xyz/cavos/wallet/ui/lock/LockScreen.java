package xyz.cavos.wallet.ui.lock;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the window shows while the app is locked, over all of it: the app's name, a passphrase field and Unlock,
 * the reason a try failed and how long the next one waits. Nothing of the wallet: the frame behind it is not shown
 * at all while the app is locked, not merely covered.
 */
public final class LockScreen {

    private final StackPane root = new StackPane();
    private final PasswordField passphrase = new PasswordField();

    public LockScreen(AppLock lock) {
        Label title = new Label("Cavos Desktop is locked");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setId("lock-title");
        Label explain = new Label("Type the app passphrase to show the wallet again. While the app is locked it shows and sends nothing.");
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_MUTED);

        passphrase.setId("lock-passphrase");
        passphrase.setPromptText("App passphrase");
        passphrase.disableProperty().bind(lock.checkingProperty());
        Button unlock = new Button("Unlock");
        unlock.setId("unlock");
        unlock.getStyleClass().add(Styles.ACCENT);
        unlock.disableProperty().bind(lock.checkingProperty().or(lock.waitingProperty()));
        unlock.setOnAction(e -> {
            char[] entered = passphrase.getText().toCharArray();
            passphrase.clear();
            lock.unlock(entered);
        });
        // Enter in the field unlocks; not a default button, whose Enter a screen's own default button behind may take
        passphrase.setOnAction(e -> unlock.fire());
        ProgressIndicator checking = new ProgressIndicator();
        checking.setPrefSize(20, 20);
        checking.visibleProperty().bind(lock.checkingProperty());
        HBox row = new HBox(8, passphrase, unlock, checking);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(passphrase, javafx.scene.layout.Priority.ALWAYS);

        Label message = new Label();
        message.setId("lock-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add(Styles.DANGER);
        message.textProperty().bind(lock.unlockMessageProperty());
        message.managedProperty().bind(lock.unlockMessageProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        VBox card = new VBox(14, title, explain, row, message);
        card.setId("lock-card");
        card.setPadding(new Insets(28));
        card.setMaxWidth(460);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().add("card-panel");

        root.getChildren().add(card);
        root.setId("lock-screen");
        root.getStyleClass().add("lock-screen");
        root.setPadding(new Insets(24));
        root.visibleProperty().bind(lock.lockedProperty());
        root.managedProperty().bind(lock.lockedProperty());
        lock.lockedProperty().subscribe(locked -> {
            passphrase.clear();
            if (locked) {
                Platform.runLater(passphrase::requestFocus);
            }
        });
        // the field takes the keyboard again once a check is over
        lock.checkingProperty().addListener((obs, was, now) -> {
            if (!now && lock.lockedProperty().get()) {
                Platform.runLater(passphrase::requestFocus);
            }
        });
    }

    public Node root() {
        return root;
    }
}
