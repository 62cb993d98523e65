package xyz.cavos.wallet.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** The app's confirmations: owned by the window, Cancel as the default, the action button named and findable by id. */
public final class Dialogs implements Confirmations {

    private final Node owner;

    /** Dialogs owned by the window that shows {@code owner}. */
    public Dialogs(Node owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(Question question) {
        Alert dialog = new Alert(question.dangerous() ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION);
        dialog.setTitle(question.title());
        dialog.setHeaderText(question.header());
        dialog.setContentText(question.text());
        ButtonType go = new ButtonType(question.action(), ButtonBar.ButtonData.OK_DONE);
        dialog.getButtonTypes().setAll(ButtonType.CANCEL, go);
        Button button = (Button) dialog.getDialogPane().lookupButton(go);
        button.setId(question.id());
        if (question.dangerous()) {
            // Enter must not destroy anything: Cancel stays the default button.
            button.setDefaultButton(false);
            button.getStyleClass().add(Styles.DANGER);
            ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        }
        dialog.getDialogPane().setMinWidth(520);
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        return dialog.showAndWait().filter(go::equals).isPresent();
    }
}
