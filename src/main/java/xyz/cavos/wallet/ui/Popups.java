package xyz.cavos.wallet.ui;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips and context menus made when they are first wanted. Each is a popup window of JavaFX's own; the first one
 * made costs tens of milliseconds (its classes, its styles), which a window full of them would pay before its first
 * frame. Made on the first hover or right click instead, one costs nothing until then and shows as it always did.
 */
public final class Popups {

    /** The widest a tooltip with a long text grows before it wraps. */
    static final double TOOLTIP_MAX_WIDTH = 640;

    private Popups() {
    }

    /** {@code text} on hover; a screen reader has it at once, as the control's help. */
    public static void tooltip(Control control, String text) {
        control.setAccessibleHelp(text);
        onFirstHover(control, () -> new Tooltip(text));
    }

    /**
     * For a cell of a table or list, which shows one row after another: the tooltip holds what {@code text} says of the
     * row on view (nothing when it is empty), made on the first hover; the cell calls {@link #rowChanged} when its row
     * changes.
     */
    public static void cellTooltip(Control cell, Supplier<String> text) {
        cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> say(cell, text.get()));
    }

    /** A cell's row changed: its tooltip, once made, says what {@code text} says now. */
    public static void rowChanged(Control cell, String text) {
        if (cell.getTooltip() != null) {
            say(cell, text);
        }
    }

    private static void say(Control cell, String text) {
        if (text == null || text.isEmpty()) {
            cell.setTooltip(null);
        } else if (cell.getTooltip() == null) {
            cell.setTooltip(new Tooltip(text));
        } else {
            cell.getTooltip().setText(text);
        }
    }

    /** The whole of a label's text on hover, wrapped: for a text that may be cut where it is shown. */
    public static void wholeText(Labeled label) {
        onFirstHover(label, () -> {
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(label.textProperty());
            whole.setWrapText(true);
            whole.setMaxWidth(TOOLTIP_MAX_WIDTH);
            return whole;
        });
    }

    /** The menu {@code make} builds, on a right click (or the keyboard's menu key) on {@code control}. */
    public static void contextMenu(Control control, Supplier<ContextMenu> make) {
        // a filter runs before the control's own handler, which shows the menu it has
        control.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (control.getContextMenu() == null) {
                control.setContextMenu(make.get());
            }
        });
    }

    /** The tooltip is set when the pointer first enters: JavaFX shows it once the pointer rests, as for any other. */
    private static void onFirstHover(Control control, Supplier<Tooltip> make) {
        EventHandler<MouseEvent> once = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(make.get());
                }
            }
        };
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, once);
    }
}
