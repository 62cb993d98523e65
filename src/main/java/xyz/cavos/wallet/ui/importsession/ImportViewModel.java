package xyz.cavos.wallet.ui.importsession;

import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import xyz.cavos.wallet.cavos.InvalidTokenException;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.ui.SandboxStarter;
import xyz.cavos.wallet.ui.Format;
import xyz.cavos.wallet.ui.ScreenViewModel;
import xyz.cavos.wallet.ui.WalletModel;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;

/**
 * Import Session: a pasted token is decoded as it is typed, and its preview shown before anything is
 * saved; Import stores it in the keychain and connects; Try the sandbox starts a local node with a funded
 * demo wallet and imports its session.
 */
public final class ImportViewModel extends ScreenViewModel {


    private final WalletModel model;
    private final StringProperty tokenText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper walletAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper expiry = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper policySummary = new ReadOnlyStringWrapper("");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper imported = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper clipboardOffer = new ReadOnlyBooleanWrapper();
    private Optional<SessionToken> decoded = Optional.empty();
    private Optional<SessionToken> pasted = Optional.empty();

    public ImportViewModel(WalletModel model) {
        super(model);
        this.model = model;
        tokenText.addListener((obs, old, text) -> preview(text));
    }

    @Override
    protected Subscription listen() {
        return Subscription.EMPTY;
    }

    /** What was said about the last import goes; the field's own check stays. */
    @Override
    protected void sessionChanged() {
        preview(tokenText.get());
    }

    private void preview(String text) {
        warnings.clear();
        result.set("");
        if (text == null || text.isBlank()) {
            decoded = Optional.empty();
            valid.set(false);
            error.set("");
            walletAddress.set("");
            network.set("");
            expiry.set("");
            policySummary.set("");
            return;
        }
        try {
            SessionToken token = SessionToken.decode(text);
            decoded = Optional.of(token);
            valid.set(true);
            error.set("");
            walletAddress.set(Format.address(token.walletAddress()));
            network.set(token.network().orElse("detected when connecting"));
            expiry.set(Format.time(token.validUntil()));
            policySummary.set(summary(token.effectivePolicy()));
            warnings.setAll(WalletService.tokenWarnings(token));
        } catch (InvalidTokenException e) {
            decoded = Optional.empty();
            valid.set(false);
            error.set(e.getMessage());
            walletAddress.set("");
            network.set("");
            expiry.set("");
            policySummary.set("");
        }
    }

    static String summary(SessionPolicy policy) {
        String limits = policy.spendingLimits().isEmpty() ? "no spending limits"
                : policy.spendingLimits().stream().map(l -> Token.byAddress(l.token())
                        .map(t -> Format.exact(l.limit(), t.decimals(), t.symbol())).orElse(l.limit() + " of " + Format.address(l.token())))
                        .collect(Collectors.joining(", "));
        String contracts = policy.allowedContracts().isEmpty() ? "any contract" : policy.allowedContracts().size() + " allowed contracts";
        return limits + " · " + contracts + " · " + policy.maxCallsPerTx() + " calls per transaction";
    }

    /** Stores the decoded token in the keychain, then connects. The previous session stays if storing fails. */
    public void importToken() {
        SessionToken token = decoded.orElse(null);
        if (token == null || busy.get()) {
            return;
        }
        busy.set(true);
        boolean others = !model.sessions().isEmpty();
        model.executor().run(() -> model.store().save(token, token.network(), token.rpcUrl()), stored -> {
            if (decoded.filter(token::sameSession).isPresent()) {
                tokenText.set(""); // the token leaves the field once it is in the keychain (unless another was typed meanwhile)
            }
            pasted = Optional.of(token);
            clipboardOffer.set(true);
            // kept beside the other sessions, never in place of one
            open(stored.name(), "Session imported into the " + model.store().kind() + " as \"" + stored.name() + "\""
                    + (others ? ", beside the sessions already here." : "."));
        }, e -> {
            busy.set(false);
            error.set(WalletModel.problemText(e));
        });
    }

    /** Starts a sandbox with a funded demo wallet and imports its session. */
    public void trySandbox() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        result.set("Starting the sandbox…");
        boolean kept = model.sessions().stream().anyMatch(s -> s.name().equals(SandboxStarter.PROFILE));
        if (kept) {
            // the sandbox is a profile of its own: its chain and demo wallet were kept, and are opened again; when the kept
            // chain cannot be started (deleted, its port taken), a new sandbox takes the profile's place
            tokenText.set("");
            imported.set(false);
            model.open(SandboxStarter.PROFILE, true, () -> {
                busy.set(false);
                result.set("The sandbox's demo wallet, as it was left.");
                imported.set(true);
            }, e -> startSandbox());
            return;
        }
        startSandbox();
    }

    /** A new sandbox, a new chain and demo wallet, kept as the sandbox profile. */
    private void startSandbox() {
        model.executor().run(() -> {
            SandboxStarter.Running node = model.sandboxes().start();
            SessionToken token = node.demoSession();
            try {
                model.store().save(SandboxStarter.PROFILE, token, token.network(), token.rpcUrl(), true);
                return new SandboxStart(node, token, "Demo session imported into the " + model.store().kind() + " as \""
                        + SandboxStarter.PROFILE + "\", beside any other session. Its chain is kept for the next start.", true);
            } catch (WalletError e) {
                return new SandboxStart(node, token, "Demo session in use (not stored: " + e.getMessage() + ").", false);
            }
        }, started -> {
            model.adoptSandbox(started.node());
            tokenText.set("");
            if (started.stored()) {
                open(SandboxStarter.PROFILE, started.message());
            } else {
                connect(started.token(), started.message());
            }
        }, e -> {
            busy.set(false);
            result.set("");
            error.set("The sandbox did not start: " + WalletModel.problemText(e));
        });
    }

    private record SandboxStart(SandboxStarter.Running node, SessionToken token, String message, boolean stored) {
    }

    private void open(String name, String message) {
        imported.set(false);
        model.open(name, () -> {
            busy.set(false);
            result.set(message);
            imported.set(true);
        }, e -> {
            busy.set(false);
            error.set(WalletModel.problemText(e));
        });
    }

    private void connect(SessionToken token, String message) {
        imported.set(false);
        model.connect(token, () -> {
            busy.set(false);
            result.set(message);
            imported.set(true);
        }, e -> {
            busy.set(false);
            error.set(WalletModel.problemText(e));
        });
    }

    /**
     * Whether text read from the clipboard is the session just imported: only then is clearing the
     * clipboard offered, so nothing else the person copied is thrown away.
     */
    public boolean isImportedToken(String clipboardText) {
        if (clipboardText == null || clipboardText.isBlank() || pasted.isEmpty()) {
            return false;
        }
        try {
            return SessionToken.decode(clipboardText).sessionPublicKey().equals(pasted.get().sessionPublicKey());
        } catch (InvalidTokenException e) {
            return false;
        }
    }

    /** Whether sessions are kept here already: a new one is added beside them. */
    public javafx.beans.binding.BooleanBinding anySessionProperty() {
        return javafx.beans.binding.Bindings.isNotEmpty(model.sessions());
    }

    /** The offer was taken or declined. */
    public void dismissClipboardOffer() {
        clipboardOffer.set(false);
        pasted = Optional.empty();
    }

    /** True after an import from pasted text: the token may still be on the clipboard, where any app can read it. */
    public ReadOnlyBooleanProperty clipboardOfferProperty() {
        return clipboardOffer.getReadOnlyProperty();
    }

    public StringProperty tokenTextProperty() {
        return tokenText;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty walletAddressProperty() {
        return walletAddress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expiryProperty() {
        return expiry.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty policySummaryProperty() {
        return policySummary.getReadOnlyProperty();
    }

    public ObservableList<String> warnings() {
        return warningsView;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Turns true once a session was imported and connected: the shell moves on to the balances. */
    public ReadOnlyBooleanProperty importedProperty() {
        return imported.getReadOnlyProperty();
    }
}
