package xyz.cavos.wallet.ui;

import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.util.Subscription;

/**
 * A part of the window that is often not shown at all (the lock screen, the session switcher while there is no
 * session): built the first time it is to be shown. A hidden node still has its styles worked out and its
 * skin made, so one built at start would cost the first frame as much as a shown one.
 */
public final class Deferred {

    private Deferred() {
    }

    /** A place for what {@code build} makes: shown, and taking room, while {@code shown} is true; built the first time it is. */
    public static Node part(ObservableValue<Boolean> shown, Supplier<Node> build) {
        StackPane place = new StackPane();
        place.setPickOnBounds(false);
        place.visibleProperty().bind(shown);
        place.managedProperty().bind(shown);
        Subscription[] watching = new Subscription[1];
        watching[0] = shown.subscribe(now -> {
            if (now && place.getChildren().isEmpty()) {
                place.getChildren().add(build.get());
                if (watching[0] != null) {
                    watching[0].unsubscribe();
                }
            }
        });
        if (!place.getChildren().isEmpty()) {
            watching[0].unsubscribe();
        }
        return place;
    }
}
