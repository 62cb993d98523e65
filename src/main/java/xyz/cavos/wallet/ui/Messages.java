package xyz.cavos.wallet.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** Inline messages under a form: they take no room while empty. */
public final class Messages {

    private Messages() {
    }

    /** A refusal or failure, in red. */
    public static Label problem(ObservableStringValue text, String id) {
        return shown(text, id, Styles.DANGER);
    }

    /** A finished action's result, in green. */
    public static Label success(ObservableStringValue text, String id) {
        return shown(text, id, Styles.SUCCESS);
    }

    private static Label shown(ObservableStringValue text, String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        label.textProperty().bind(text);
        label.managedProperty().bind(Bindings.createBooleanBinding(() -> !text.get().isEmpty(), text));
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }
}
