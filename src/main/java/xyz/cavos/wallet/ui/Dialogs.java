package xyz.cavos.wallet.ui;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The app's review sheet before an action: what will happen, detail by detail (the amount large, every address
 * whole in groups of four), owned by the window. Cancel is the default button, so Enter never sends or destroys
 * anything; the action's button arms only after the sheet has been on view for {@link #ARM_DELAY}.
 */
public final class Dialogs implements Confirmations {

    /** How long the sheet is on view before its action can be chosen. */
    public static final Duration ARM_DELAY = Duration.millis(1200);

    private final Node owner;
    private final java.util.function.BooleanSupplier locked;

    /** Sheets owned by the window that shows {@code owner}. */
    public Dialogs(Node owner) {
        this(owner, () -> false);
    }

    /** Sheets owned by the window that shows {@code owner}; none opens while {@code locked} (the answer is then no). */
    public Dialogs(Node owner, java.util.function.BooleanSupplier locked) {
        this.owner = owner;
        this.locked = locked;
    }

    @Override
    public boolean confirm(Question question) {
        if (locked.getAsBoolean()) {
            return false; // a locked app shows nothing and sends nothing: what was asked is not confirmed
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(question.title());
        DialogPane pane = dialog.getDialogPane();
        pane.setId("review-sheet");
        pane.getStyleClass().add("review-sheet");
        pane.getStylesheets().add(Dialogs.class.getResource("app.css").toExternalForm());
        pane.setContent(content(question));
        pane.setPrefWidth(600);

        ButtonType go = new ButtonType(question.action(), ButtonBar.ButtonData.OK_DONE);
        pane.getButtonTypes().setAll(ButtonType.CANCEL, go);
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        cancel.setCancelButton(true);
        Button action = (Button) pane.lookupButton(go);
        action.setId(question.id());
        action.setDefaultButton(false);
        action.getStyleClass().add(question.dangerous() ? Styles.DANGER : Styles.ACCENT);
        action.setDisable(true);
        PauseTransition arm = new PauseTransition(ARM_DELAY);
        arm.setOnFinished(e -> action.setDisable(false));
        dialog.setOnShown(e -> arm.playFromStart());
        dialog.setOnHidden(e -> arm.stop());
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        return dialog.showAndWait().filter(go::equals).isPresent();
    }

    private static VBox content(Question question) {
        Label header = new Label(question.header());
        header.getStyleClass().add(Styles.TITLE_3);
        header.setWrapText(true);
        header.setId("review-sheet-header");
        VBox content = new VBox(16, header);
        if (!question.details().isEmpty()) {
            GridPane grid = new GridPane(18, 10);
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().addAll(names, values);
            int row = 0;
            for (Detail detail : question.details()) {
                Label name = new Label(detail.label());
                name.getStyleClass().add(Styles.TEXT_MUTED);
                name.setMinWidth(Region.USE_PREF_SIZE);
                Label value = new Label(detail.value());
                value.setId("sheet-" + detail.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
                value.setWrapText(true);
                value.setMinHeight(Region.USE_PREF_SIZE);
                switch (detail.look()) {
                    case AMOUNT -> value.getStyleClass().add("sheet-amount");
                    case ADDRESS -> {
                        value.getStyleClass().add("mono");
                        value.setMaxWidth(380); // wraps between groups of four, never inside one
                    }
                    case PLAIN -> { }
                }
                grid.addRow(row++, name, value);
            }
            grid.setPadding(new Insets(14));
            grid.getStyleClass().add("card-panel");
            content.getChildren().add(grid);
        }
        if (!question.text().isBlank()) {
            Label text = new Label(question.text());
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            content.getChildren().add(text);
        }
        content.setPadding(new Insets(14, 2, 0, 2));
        return content;
    }
}
