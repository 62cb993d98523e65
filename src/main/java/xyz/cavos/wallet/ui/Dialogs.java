package xyz.cavos.wallet.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** The app's confirmations: owned by the window, Cancel as the default, the action button named and findable by id. */
public final class Dialogs {

    private Dialogs() {
    }

    /** Asks before an action; true only when the person chose the action. */
    public static boolean confirm(Node owner, String title, String header, String text, String action, String buttonId, boolean dangerous) {
        Alert dialog = new Alert(dangerous ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setContentText(text);
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getButtonTypes().setAll(ButtonType.CANCEL, go);
        Button button = (Button) dialog.getDialogPane().lookupButton(go);
        button.setId(buttonId);
        if (dangerous) {
            // Enter must not destroy anything: Cancel stays the default button.
            button.setDefaultButton(false);
            button.getStyleClass().add(Styles.DANGER);
            ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        }
        dialog.getDialogPane().setMinWidth(520);
        if (owner != null && owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        return dialog.showAndWait().filter(go::equals).isPresent();
    }
}
