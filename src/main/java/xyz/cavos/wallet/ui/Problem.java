package xyz.cavos.wallet.ui;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import xyz.cavos.wallet.wallet.WalletError;

/**
 * What went wrong on a screen, in the app's words, and the screen that helps when the app has one: the
 * error's next step, offered as a link rather than told as a command.
 */
public final class Problem {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AppShell.Screen> screen = new ReadOnlyObjectWrapper<>();

    /** Shows a failure: the wallet's message and next step, and the step's screen if there is one. */
    public void show(Throwable e) {
        text.set(WalletModel.problemText(e));
        screen.set(WalletError.explain(e).flatMap(w -> NextStepInTheApp.of(w.next()).screen()).orElse(null));
    }

    public void clear() {
        text.set("");
        screen.set(null);
    }

    public String text() {
        return text.get();
    }

    public Optional<AppShell.Screen> screen() {
        return Optional.ofNullable(screen.get());
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The screen the next step is on; null when the step is plain advice. */
    public ReadOnlyObjectProperty<AppShell.Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }
}
