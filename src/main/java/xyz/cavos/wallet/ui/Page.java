package xyz.cavos.wallet.ui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The frame of a screen whose content can outgrow the window: a titled column that scrolls. */
public final class Page {

    /** The widest a screen's column grows, the same on every screen. */
    public static final double MAX_WIDTH = 1040;

    private final VBox column = new VBox(18);
    private final ScrollPane root = new ScrollPane(column);

    public Page(String title) {
        column.setPadding(new Insets(28));
        column.setMaxWidth(MAX_WIDTH);
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        column.getChildren().add(heading);
        root.setFitToWidth(true);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    /** The column under the title, where the screen puts its content. */
    public VBox column() {
        return column;
    }

    public ScrollPane root() {
        return root;
    }
}
