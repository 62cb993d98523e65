package xyz.cavos.wallet.ui;

import javafx.util.Subscription;
import xyz.cavos.wallet.wallet.WalletService;

/**
 * A screen's view-model: its listeners on the shared {@link WalletModel} are added when the screen is shown
 * and removed when it is hidden. It also keeps the session the screen's messages are about: when another
 * session is connected or the session is removed, {@link #sessionChanged()} is called (at once while the
 * screen is shown, else when it is shown next) so that nothing said about the old session stays.
 */
public abstract class ScreenViewModel implements ScreenLifecycle {

    private final WalletModel model;
    private Subscription added;
    private WalletService session;

    protected ScreenViewModel(WalletModel model) {
        this.model = model;
    }

    /**
     * Adds the screen's listeners on the model, each time the screen is shown. A subscription that calls its
     * subscriber at once also catches the screen up with what changed while it was hidden.
     */
    protected abstract Subscription listen();

    /** Another session, or none: clear the messages about the old one and drop what was started for it. */
    protected void sessionChanged() {
    }

    @Override
    public void onShown() {
        if (added == null) {
            Subscription watch = model.walletProperty().subscribe(this::sessionIs);
            added = Subscription.combine(watch, listen());
        }
    }

    @Override
    public final void onHidden() {
        if (added != null) {
            added.unsubscribe();
            added = null;
        }
    }

    /** While the node does not answer: since when, and that what is on view was read before; empty while online. */
    public final javafx.beans.value.ObservableStringValue offlineNoteProperty() {
        return model.offlineNoteProperty();
    }

    /** Whether amounts show as {@code •••} instead of figures (the person's switch, in Settings and on Ctrl+H). */
    public final javafx.beans.value.ObservableBooleanValue amountsHiddenProperty() {
        return model.amountsHiddenProperty();
    }

    /** Whether the screen is on view: only then may it ask the person anything. */
    protected final boolean isShown() {
        return added != null;
    }

    private void sessionIs(WalletService now) {
        if (now != session) {
            session = now;
            sessionChanged();
        }
    }
}
