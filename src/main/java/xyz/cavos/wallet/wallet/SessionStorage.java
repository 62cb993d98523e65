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
 * The sessions kept on this computer, side by side under their names, as the app and the command line reach them:
 * each token in its own OS keychain entry (or encrypted file the person opted in to) and its settings, one of them
 * the current session. Every failure is a {@link WalletError}.
 */
public final class SessionStorage implements AutoCloseable {

    /** Where a token can be kept, by the names people use for them. */
    public static final List<String> KINDS = List.of(SessionStore.Kind.KEYCHAIN.label(), SessionStore.Kind.ENCRYPTED_FILE.label());

    /** What a session name is made of, in words. */
    public static final String NAME_RULE = SessionStore.NAME_RULE;

    /** The log of unexpected errors, in the config folder. */
    public static final String LOG = "cavos.log";

    private final SessionStore store;

    private SessionStorage(SessionStore store) {
        this.store = store;
    }

    /**
     * Opens the storage in {@code home}: new imports go to the kind named ({@code keychain} or {@code encrypted-file}),
     * else where the last import went. The passphrase is asked for only when an encrypted file is opened.
     */
    public static SessionStorage open(Path home, Optional<String> kind, Supplier<char[]> passphrase) {
        return open(home, kind, Optional.empty(), passphrase);
    }

    /**
     * {@link #open(Path, Optional, Supplier)} using the session named {@code session} instead of the current one, for
     * {@link #load()}, {@link #clear()} and the wallet's own records; the current session stays as it is.
     */
    public static SessionStorage open(Path home, Optional<String> kind, Optional<String> session, Supplier<char[]> passphrase) {
        Optional<SessionStore.Kind> chosen = kind.map(label -> SessionStore.Kind.of(label).orElseThrow(() -> new WalletError(
                WalletError.Code.INVALID_ARGUMENT, "Unknown store \"" + label + "\".", "A session can be kept in: "
                        + String.join(" or ", KINDS) + ".")));
        return guard(() -> new SessionStorage(SessionStore.open(home, chosen, session, passphrase)));
    }

    /** The platform's config folder for Cavos, or {@code CAVOS_HOME} when set. */
    public static Path defaultHome(Map<String, String> env) {
        return xyz.cavos.wallet.store.PrivateFiles.configFolder(env);
    }

    /** The sessions stored here, by name (read from the settings, without opening the keychain). */
    public List<StoredSession> sessions() {
        return guard(() -> {
            Optional<String> current = store.current();
            return store.sessions().stream().map(e -> new StoredSession(e.name(), e.walletAddress(), e.sessionPublicKey(), e.network(),
                    e.rpcUrl(), e.store(), e.importedAt(), current.filter(e.name()::equals).isPresent())).toList();
        });
    }

    /** The current session's name, if there is one. */
    public Optional<String> current() {
        return guard(store::current);
    }

    /** The session {@link #load()} reads: the one named at open, else the current one. */
    public Optional<String> inUse() {
        return guard(store::inUse);
    }

    /** Makes the session {@code name} the current one (names are matched ignoring case). */
    public void use(String name) {
        guard(() -> {
            store.use(name);
            return null;
        });
    }

    /** The session in use (see {@link #inUse()}), if any. */
    public Optional<SessionToken> load() {
        return guard(store::load);
    }

    /** The session {@code name}; empty when its token is missing from its store. A name not stored here is refused. */
    public Optional<SessionToken> load(String name) {
        return guard(() -> store.load(name));
    }

    /** Whether any session is stored here (read from the settings, without opening the keychain). */
    public boolean hasImported() {
        return guard(() -> !store.sessions().isEmpty());
    }

    /**
     * A name for {@code token} that no other session has: the name of the session that holds it already, else its
     * network and the start of its wallet address, e.g. {@code sepolia-4a1b2c}.
     */
    public String suggestName(SessionToken token) {
        return suggestName(token, token.network());
    }

    /** {@link #suggestName(SessionToken)} for a session on {@code network}. */
    public String suggestName(SessionToken token, Optional<String> network) {
        return guard(() -> store.suggestName(token, network));
    }

    /**
     * The name an import that names none goes under: the current session's when it holds {@code token}, else
     * {@link #suggestName(SessionToken, Optional) a new one}, so another session is never replaced.
     */
    public String nameFor(SessionToken token, Optional<String> network) {
        return guard(() -> {
            Optional<String> current = store.current();
            boolean same = current.isPresent() && store.sessions().stream().anyMatch(e -> e.name().equals(current.get())
                    && e.sessionPublicKey().equals(token.sessionPublicKey()) && e.walletAddress().equals(token.walletAddress()));
            return same ? current.get() : store.suggestName(token, network);
        });
    }

    /**
     * Stores a validated token under {@code name} and makes it the current session, all or nothing: if any step fails,
     * every session, its settings and the network's endpoint list are left as they were. A name that holds another
     * session is refused ({@link WalletError.Code#SESSION_EXISTS}) unless {@code replace}; the same session imported
     * again under its name is fine. An RPC URL that may hold an API key is not written beside the session: it goes first
     * in the network's endpoint list, its URL in the keychain (without a known network it is used only now).
     */
    public StoredSession save(String name, SessionToken token, Optional<String> network, Optional<String> rpcUrl, boolean replace) {
        Optional<URI> url = rpcUrl.map(EndpointResolver::parseUrl);
        Optional<URI> keyed = url.filter(NetworkConfig::holdsSecret);
        Optional<Network> known = network.flatMap(Network::byName);
        return guard(() -> {
            SessionStore.Entry e = store.save(name, token, network, url.filter(u -> keyed.isEmpty()).map(URI::toString), replace, () -> {
                if (keyed.isPresent() && known.isPresent()) {
                    NetworkSettings.open(store.home()).putFirst(known.get(), keyed.get());
                }
            });
            return new StoredSession(e.name(), e.walletAddress(), e.sessionPublicKey(), e.network(), e.rpcUrl(), e.store(),
                    e.importedAt(), true);
        });
    }

    /**
     * Stores a validated token as {@link #save(String, SessionToken, Optional, Optional, boolean)} does, under
     * {@link #nameFor the current session's name when that holds the same session, else a new name}: another session
     * is never replaced.
     */
    public StoredSession save(SessionToken token, Optional<String> network, Optional<String> rpcUrl) {
        return save(nameFor(token, network), token, network, rpcUrl, false);
    }

    /**
     * Changes the RPC URL kept for the session {@code name}, e.g. a local sandbox restarted on another port; nothing
     * secret changes. A URL that may hold an API key goes first in the session's network's endpoint list instead (its
     * URL in the keychain), as at import. Empty: none.
     */
    public void updateRpcUrl(String name, Optional<String> rpcUrl) {
        Optional<URI> url = rpcUrl.map(EndpointResolver::parseUrl);
        Optional<URI> keyed = url.filter(NetworkConfig::holdsSecret);
        guard(() -> {
            Optional<Network> known = store.sessions().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst()
                    .flatMap(SessionStore.Entry::network).flatMap(Network::byName);
            if (keyed.isPresent() && known.isPresent()) {
                NetworkSettings.open(store.home()).putFirst(known.get(), keyed.get());
            }
            store.updateRpcUrl(name, url.filter(u -> keyed.isEmpty()).map(URI::toString));
            return null;
        });
    }

    /**
     * What removing a session removed ("the OS keychain", "the encrypted file …"), warnings about what it could not;
     * {@code session}: the session removed, if there was one; {@code current}: the current session afterwards, if any.
     */
    public record Cleared(Optional<String> session, List<String> removed, List<String> warnings, Optional<String> current) {
        public Cleared {
            removed = List.copyOf(removed);
            warnings = List.copyOf(warnings);
        }
    }

    /** Forgets the session in use (see {@link #inUse()}), as {@link #remove} does. Nothing changes on chain. */
    public Cleared clear() {
        return guard(() -> cleared(store.clear()));
    }

    /**
     * Forgets the session {@code name}: its secret wherever it may be kept (the keychain and the encrypted file) and its
     * settings. No network is reached, so a session whose node is gone can be removed. If it was the current session,
     * another one becomes current, or none. Nothing changes on chain.
     */
    public Cleared remove(String name) {
        return guard(() -> cleared(store.remove(name)));
    }

    private static Cleared cleared(SessionStore.Cleared cleared) {
        return new Cleared(cleared.session(), cleared.removed(), cleared.warnings(), cleared.current());
    }

    /** The encrypted file the session {@code name} is kept in when its store is {@code encrypted-file}. */
    public Path encryptedFileOf(String name) {
        return guard(() -> store.encryptedFileOf(name));
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

    /** {@code keychain} or {@code encrypted-file}: where the session in use is kept; without one, where a new import goes. */
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
