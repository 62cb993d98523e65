package xyz.cavos.wallet.ui;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Inline messages under a form: they take no room while empty. */
public final class Messages {

    private Messages() {
    }

    /** A refusal or failure, in red. */
    public static Label problem(ObservableStringValue text, String id) {
        return shown(text, id, Styles.DANGER);
    }

    /** A failure in red, with a link to the screen its next step is on when there is one. */
    public static VBox problem(Problem problem, String id, Consumer<AppShell.Screen> open) {
        Label text = problem(problem.textProperty(), id);
        Hyperlink link = new Hyperlink();
        link.setId(id + "-link");
        link.textProperty().bind(problem.linkProperty());
        link.managedProperty().bind(problem.screenProperty().isNotNull().and(text.managedProperty()));
        link.visibleProperty().bind(link.managedProperty());
        link.setOnAction(e -> {
            link.setVisited(false); // the next problem's link must look like a link again
            problem.screen().ifPresent(open);
        });
        VBox box = new VBox(2, text, link);
        box.managedProperty().bind(text.managedProperty());
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    /** The note that what a screen shows was read before the node stopped answering; takes no room while online. */
    public static Label offline(ObservableStringValue note, String id) {
        Label label = shown(note, id, Styles.WARNING);
        label.getStyleClass().add("offline-note");
        return label;
    }

    /** A finished action's result, in green. */
    public static Label success(ObservableStringValue text, String id) {
        return shown(text, id, Styles.SUCCESS);
    }

    /**
     * A message that is never cut off: it wraps and grows as tall as it needs, keeps its whole text in a tooltip,
     * and can be copied from its menu.
     */
    private static Label shown(ObservableStringValue text, String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setPrefWidth(520);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().add(style);
        label.textProperty().bind(text);
        Popups.wholeText(label);
        Popups.contextMenu(label, () -> {
            MenuItem copy = new MenuItem("Copy message");
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(label.getText());
                Clipboard.getSystemClipboard().setContent(content);
            });
            return new ContextMenu(copy);
        });
        label.managedProperty().bind(Bindings.createBooleanBinding(() -> !text.get().isEmpty(), text));
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }
}
