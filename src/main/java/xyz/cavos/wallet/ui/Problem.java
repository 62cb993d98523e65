package xyz.cavos.wallet.ui;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import xyz.cavos.wallet.cavos.SecretText;
import xyz.cavos.wallet.wallet.WalletError;

/**
 * What went wrong on a screen, in the app's words, and the screen that helps when the app has one: the
 * error's next step, offered as a link rather than told as a command.
 */
public final class Problem {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AppShell.Screen> screen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper link = new ReadOnlyStringWrapper("");

    /**
     * Shows a failure: the wallet's message with its advice, and the step's screen as the link; a step the app
     * has no screen for is told in words instead.
     */
    public void show(Throwable e) {
        Optional<WalletError> error = WalletError.explain(e);
        if (error.isEmpty()) {
            screen.set(null);
            link.set("");
            text.set(WalletModel.problemText(e));
            return;
        }
        WalletError w = error.get();
        NextStepInTheApp.Guidance next = NextStepInTheApp.of(w.next());
        screen.set(next.screen().orElse(null));
        link.set(next.link());
        // with a link to the step's screen, the words for the step would only repeat the link
        String said = w.adviceThen(next.screen().isPresent() ? "" : next.text());
        text.set(SecretText.hide(said.isBlank() ? w.getMessage() : w.getMessage() + "\n" + said));
    }

    public void clear() {
        text.set("");
        screen.set(null);
        link.set("");
    }

    public Optional<AppShell.Screen> screen() {
        return Optional.ofNullable(screen.get());
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The link's words, such as "Open Policy usage"; empty when the step is plain advice. */
    public ReadOnlyStringProperty linkProperty() {
        return link.getReadOnlyProperty();
    }

    /** The screen the next step is on; null when the step is plain advice. */
    public ReadOnlyObjectProperty<AppShell.Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }
}
