package xyz.cavos.wallet.ui;

/**
 * A screen's shown/hidden hooks, called by the {@link AppShell} when navigation changes. A screen adds its
 * listeners on anything that outlives it (the {@link WalletModel} above all) in {@link #onShown()} and removes
 * them in {@link #onHidden()}; bindings between a View and its own ViewModel live as long as the two do.
 * A hidden screen does nothing visible: work it started may finish, but its result only updates its own state.
 */
public interface ScreenLifecycle {

    /** The screen is now on view: listen to the shared state again and catch up with it. */
    void onShown();

    /** The screen left the window: remove every listener {@link #onShown()} added. */
    void onHidden();
}
