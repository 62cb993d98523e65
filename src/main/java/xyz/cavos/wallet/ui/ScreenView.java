package xyz.cavos.wallet.ui;

import javafx.scene.Node;

/**
 * A screen as the shell holds it: its controls, and the hooks the shell calls as it comes and goes. A view
 * binds only to its own view-model, so its hooks pass on to the view-model's; a view that listens to
 * anything else overrides them to add and remove that too.
 */
public interface ScreenView extends ScreenLifecycle {

    Node root();

    /** The screen's view-model, whose listeners come and go with the screen. */
    ScreenLifecycle viewModel();

    @Override
    default void onShown() {
        viewModel().onShown();
    }

    @Override
    default void onHidden() {
        viewModel().onHidden();
    }
}
