package xyz.cavos.wallet.ui;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips of the window's frame (sidebar, status bar), each made the first time the pointer comes over its control.
 * A tooltip is a window with a scene of its own: the frame's ten made up front were a tenth of the wait for the first
 * frame. A tooltip given as text is also the control's accessible help from the start.
 */
final class HoverTips {

    private HoverTips() {
    }

    static void install(Control control, String text) {
        control.setAccessibleHelp(text);
        install(control, () -> new Tooltip(text));
    }

    static void install(Control control, Supplier<Tooltip> tooltip) {
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                control.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(tooltip.get()); // shown after the usual delay, as the pointer moves on
                }
            }
        };
        control.addEventFilter(MouseEvent.MOUSE_ENTERED, first);
    }
}
