package xyz.cavos.wallet.ui.settings;

import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import xyz.cavos.wallet.ui.UiExecutor;
import xyz.cavos.wallet.wallet.NetworkSettings;
import xyz.cavos.wallet.wallet.WalletError;

/**
 * Settings' "Paymaster" card: the paymaster's address and its API key, for transfers whose fee a paymaster pays or takes
 * in a token. The key goes to the keychain and is never shown again; the card says only whether one is kept.
 */
public final class PaymasterViewModel {

    private final UiExecutor executor;
    private final NetworkSettings settings;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper set = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public PaymasterViewModel(UiExecutor executor, NetworkSettings settings) {
        this.executor = executor;
        this.settings = settings;
        url.addListener((obs, old, now) -> error.set(""));
        apiKey.addListener((obs, old, now) -> error.set(""));
    }

    /** Reads what is set (the keychain is asked whether it keeps a key: off the UI thread). */
    public void load() {
        executor.run(settings::show, this::shown, e -> error.set(e.getMessage()));
    }

    private void shown(NetworkSettings.View view) {
        set.set(view.paymaster().isPresent());
        status.set(view.paymaster().map(p -> "Transfers can be sponsored by, or pay their fee in a token to, " + p
                + (view.paymasterApiKeySet() ? " (its API key is kept in the keychain)." : " (no API key kept: sponsoring may need one)."))
                .orElse("No paymaster: the wallet pays every fee in STRK."));
    }

    /**
     * Keeps the address, and the key when one was typed: an empty key field keeps the one already kept for this same
     * address; another address forgets the old one's key.
     */
    public void save() {
        String address = url.get().strip();
        if (!NetworkSettings.isHttpUrl(address)) {
            error.set("The paymaster's address must be an http or https URL, e.g. https://paymaster.example.");
            return;
        }
        String key = apiKey.get().strip();
        run(() -> {
            if (!key.isEmpty()) {
                NetworkSettings.apiKey(key); // a key that cannot be kept is refused before anything changes
            }
            settings.setPaymaster(Optional.of(address));
            if (!key.isEmpty()) {
                settings.setPaymasterApiKey(Optional.of(key));
            }
        }, "Paymaster saved.");
    }

    /** Forgets the paymaster and its key: every fee is paid by the wallet again. */
    public void remove() {
        run(() -> {
            settings.setPaymaster(Optional.empty());
            settings.setPaymasterApiKey(Optional.empty());
        }, "Paymaster removed: the wallet pays its fees.");
    }

    private void run(Runnable change, String done) {
        busy.set(true);
        result.set("");
        executor.run(() -> {
            change.run();
            return settings.show();
        }, view -> {
            busy.set(false);
            url.set("");
            apiKey.set("");
            result.set(done);
            shown(view);
        }, e -> {
            busy.set(false);
            error.set(e instanceof WalletError w ? w.getMessage() + " " + w.advice() : e.getMessage());
            load(); // part of the change may have been kept: the card says what is set now
        });
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether a paymaster is set. */
    public ReadOnlyBooleanProperty setProperty() {
        return set.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
