package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.store.NetworkConfig;
import xyz.cavos.wallet.store.PrivateFiles;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.store.StoreException;

/**
 * The session kept on this computer, as the app and the command line reach it: the token in the OS keychain
 * (or an encrypted file the person opted in to) and its settings. Every failure is a {@link WalletError}.
 */
public final class SessionStorage implements AutoCloseable {

    /** Where a token can be kept, by the names people use for them. */
    public static final List<String> KINDS = List.of(SessionStore.Kind.KEYCHAIN.label(), SessionStore.Kind.ENCRYPTED_FILE.label());

    /** The log of unexpected errors, in the config folder. */
    public static final String LOG = "cavos.log";

    private final SessionStore store;

    private SessionStorage(SessionStore store) {
        this.store = store;
    }

    /**
     * Opens the storage in {@code home}: the kind named ({@code keychain} or {@code encrypted-file}), else the
     * one the last import used. The passphrase is asked for only when an encrypted file is opened.
     */
    public static SessionStorage open(Path home, Optional<String> kind, Supplier<char[]> passphrase) {
        Optional<SessionStore.Kind> chosen = kind.map(label -> SessionStore.Kind.of(label).orElseThrow(() -> new WalletError(
                WalletError.Code.INVALID_ARGUMENT, "Unknown store \"" + label + "\".", "A session can be kept in: "
                        + String.join(" or ", KINDS) + ".")));
        return guard(() -> new SessionStorage(SessionStore.open(home, chosen, passphrase)));
    }

    /** The platform's config folder for Cavos, or {@code CAVOS_HOME} when set. */
    public static Path defaultHome(Map<String, String> env) {
        return SessionStore.defaultHome(env);
    }

    /** The stored session, if any. */
    public Optional<SessionToken> load() {
        return guard(store::load);
    }

    /** Whether a session was ever imported here (read from the settings, without opening the keychain). */
    public boolean hasImported() {
        return guard(() -> store.settings().walletAddress().isPresent());
    }

    /**
     * Stores a validated token, all or nothing: if any step fails, the previous session, its settings and the
     * network's endpoint list are left as they were. An RPC URL that may hold an API key is not written beside the
     * session: it goes first in the network's endpoint list, its URL in the keychain (without a known network it is
     * used only now).
     */
    public void save(SessionToken token, Optional<String> network, Optional<String> rpcUrl) {
        Optional<URI> url = rpcUrl.map(EndpointResolver::parseUrl);
        Optional<URI> keyed = url.filter(NetworkConfig::holdsSecret);
        Optional<Network> known = network.flatMap(Network::byName);
        guard(() -> {
            store.save(token, network, url.filter(u -> keyed.isEmpty()).map(URI::toString), () -> {
                if (keyed.isPresent() && known.isPresent()) {
                    NetworkSettings.open(store.home()).putFirst(known.get(), keyed.get());
                }
            });
            return null;
        });
    }

    /** What clearing removed ("the OS keychain", "the encrypted file …"), and warnings about what it could not. */
    public record Cleared(List<String> removed, List<String> warnings) {
        public Cleared {
            removed = List.copyOf(removed);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Forgets the session: the secret wherever it may be kept (the keychain and the encrypted file) and the settings
     * that point to it. Nothing changes on chain.
     */
    public Cleared clear() {
        return guard(() -> {
            SessionStore.Cleared cleared = store.clear();
            return new Cleared(cleared.removed(), cleared.warnings());
        });
    }

    /**
     * Adds a text (a stack trace, which carries no secret) to {@code cavos.log} in the config folder, a file only its
     * owner can read.
     */
    public static void appendToLog(Path home, String text) throws java.io.IOException {
        PrivateFiles.append(home.resolve(LOG), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Makes the config folder and the files kept there private to their owner again, if an older version left them looser. */
    public static void tighten(Path home) {
        PrivateFiles.tighten(home);
    }

    /** {@code keychain} or {@code encrypted-file}. */
    public String kind() {
        return store.kind();
    }

    public Path home() {
        return store.home();
    }

    /** The store underneath, for the wallet's own parts (call counts, renewal). */
    SessionStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }

    private static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw ErrorTranslation.stored(e);
        }
    }
}
