package xyz.cavos.wallet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Felt;

/**
 * The imported session: its token (the secret) in the OS keychain, or in a passphrase-encrypted file the
 * user opted in to; everything else as {@code settings.json} in the config folder. An import replaces the
 * old session all or nothing; the config folder and its files are private to their owner.
 */
public final class SessionStore {

    /** Where the token lives. */
    public enum Kind {
        KEYCHAIN("keychain"),
        ENCRYPTED_FILE("encrypted-file");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Optional<Kind> of(String label) {
            for (Kind kind : values()) {
                if (kind.label.equals(label)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETTINGS = "settings.json";
    /** The opt-in encrypted file, in the config folder. */
    public static final String ENCRYPTED_FILE = "session.enc";

    private final Path home;
    private final SecretVault vault;

    private SessionStore(Path home, SecretVault vault) {
        this.home = home;
        this.vault = vault;
    }

    /**
     * Opens the store in {@code home}. Without an explicit kind, the one the last import used; the
     * passphrase is asked for only if an encrypted file is used.
     */
    public static SessionStore open(Path home, Optional<Kind> kind, Supplier<char[]> passphrase) {
        PrivateFiles.tighten(home);
        Kind chosen = kind.orElseGet(() -> Kind.of(readSettings(home).store()).orElse(Kind.KEYCHAIN));
        SecretVault vault = chosen == Kind.KEYCHAIN
                ? new KeychainVault(keychainAccount(home))
                : new EncryptedFileVault(home.resolve(ENCRYPTED_FILE), passphrase);
        return new SessionStore(home, vault);
    }

    /** The platform's config folder for Cavos, or {@code CAVOS_HOME} when set. */
    public static Path defaultHome(Map<String, String> env) {
        String explicit = env.get("CAVOS_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Cavos");
        }
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming")).resolve("Cavos");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".config")).resolve("cavos");
    }

    public Path home() {
        return home;
    }

    public String kind() {
        return vault.kind();
    }

    /** The stored session, if any. A stored token that no longer decodes is reported, not ignored. */
    public Optional<SessionToken> load() {
        return vault.read().map(SessionToken::decode);
    }

    /**
     * Stores a validated token and its settings, all or nothing: when a step fails, the previous session (its
     * secret and its settings) is left exactly as it was and no copy of the new secret remains.
     */
    public void save(SessionToken token, Optional<String> network, Optional<String> rpcUrl) {
        save(token, network, rpcUrl, () -> { });
    }

    /**
     * {@link #save(SessionToken, Optional, Optional)} with a change of the network settings ({@code alongside}, e.g. the
     * session's endpoint put first in its network's list) in the same step. The secret is made ready first (an encrypted
     * file's passphrase asked for, the token encrypted); then, under the config folder's lock, the settings are written,
     * {@code alongside} runs and the secret is written, which either replaces the old one or leaves it as it was. When
     * any of them fails, settings.json and config.json are put back as they were. Once the new secret is
     * stored, the copy of the previous session in the other store (after a change between keychain and encrypted file)
     * is removed.
     */
    public void save(SessionToken token, Optional<String> network, Optional<String> rpcUrl, Runnable alongside) {
        Runnable writeSecret = vault.prepareWrite(token.encode()); // a passphrase is asked for before the lock and any change
        SettingsLock.holding(home, () -> {
            Path file = home.resolve(SETTINGS);
            Settings before = readSettings(home); // damaged settings stop the import here, before anything changed
            Optional<byte[]> settingsBefore = raw(file);
            Runnable configBack = NetworkConfig.open(home).undoPoint();
            try {
                SettingsLock.write(file, toJson(new Settings(vault.kind(), network, rpcUrl, Optional.of(token.walletAddress()),
                        Optional.of(token.sessionPublicKey()), before.callsMade(), before.revokedKeys(), before.renewals())));
                alongside.run();
                writeSecret.run();
            } catch (RuntimeException e) {
                putBack(file, settingsBefore, configBack, e);
                throw e;
            }
            if (before.walletAddress().isPresent() && !before.store().equals(vault.kind())) {
                SecretVault previous = other();
                try {
                    previous.delete();
                } catch (StoreException e) {
                    // the old copy stays where it was; clearing the session removes it later
                } finally {
                    previous.close();
                }
            }
            return null;
        });
    }

    private static void putBack(Path file, Optional<byte[]> settingsBefore, Runnable configBack, RuntimeException failure) {
        try {
            PrivateFiles.putBack(file, settingsBefore);
            configBack.run();
        } catch (IOException e) {
            throw notPutBack(failure, PrivateFiles.why(e));
        } catch (StoreException e) {
            throw notPutBack(failure, e.getMessage());
        }
    }

    private static StoreException notPutBack(RuntimeException failure, String why) {
        StoreException e = new StoreException(StoreException.Reason.IO, "The session was not imported: " + failure.getMessage()
                + " The previous settings could not be put back either (" + why + ").",
                "Fix the problem, then import the session again.");
        e.addSuppressed(failure);
        return e;
    }

    /** What {@link #clear} removed, in words ("the OS keychain", "the encrypted file …"), and what it could not check. */
    public record Cleared(List<String> removed, List<String> warnings) {
        public Cleared {
            removed = List.copyOf(removed);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Forgets the session: the secret in every store that may hold one (the keychain and the encrypted file, since
     * the store may have changed between imports) and the settings that point to it. When the store in use cannot
     * be changed (a locked keychain), nothing is.
     */
    public Cleared clear() {
        return SettingsLock.holding(home, () -> {
            List<String> removed = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            if (vault.delete()) {
                removed.add(vault.place());
            }
            SecretVault other = other();
            try {
                if (other.delete()) {
                    removed.add(other.place());
                }
            } catch (StoreException e) {
                switch (e.reason()) {
                    case KEYCHAIN_UNAVAILABLE -> {
                        // no keychain on this system: no copy in it
                    }
                    case KEYCHAIN_LOCKED -> warnings.add("The keychain is locked, so the copy of a session kept in it was not"
                            + " removed: unlock the keychain and clear the session again.");
                    default -> warnings.add(e.getMessage() + " " + e.hint());
                }
            } finally {
                other.close();
            }
            Settings settings;
            try {
                settings = readSettings(home);
            } catch (StoreException e) {
                settings = Settings.EMPTY; // damaged: what pointed to the session goes with the rest
            }
            SettingsLock.write(home.resolve(SETTINGS), toJson(new Settings(settings.store(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), settings.callsMade(), settings.revokedKeys(), settings.renewals())));
            return new Cleared(removed, warnings);
        });
    }

    /** The store not in use, which may hold a copy from before a change of store. */
    private SecretVault other() {
        return vault instanceof KeychainVault ? new EncryptedFileVault(home.resolve(ENCRYPTED_FILE), () -> {
            throw new IllegalStateException("removing the encrypted file needs no passphrase");
        }) : new KeychainVault(keychainAccount(home));
    }

    private static Optional<byte[]> raw(Path file) {
        try {
            return PrivateFiles.readIfThere(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not read " + file + " (" + PrivateFiles.why(e) + ").",
                    "Check that the file is yours and readable.");
        }
    }

    /** Closes the keychain connection; the store opens it again if used afterwards. */
    public void close() {
        vault.close();
    }

    public Settings settings() {
        return readSettings(home);
    }

    /** Adds to the calls this installation sent for a session (the chain does not count them). */
    public void addCalls(Felt sessionKey, long calls) {
        update(settings -> {
            Map<Felt, Long> counts = new HashMap<>(settings.callsMade());
            counts.merge(sessionKey, calls, Long::sum);
            return settings.with(counts, settings.revokedKeys(), settings.renewals());
        });
    }

    /** Records that this installation revoked a session key on chain. */
    public void markRevoked(Felt sessionKey) {
        update(settings -> {
            Set<Felt> revoked = new HashSet<>(settings.revokedKeys());
            revoked.add(sessionKey);
            return settings.with(settings.callsMade(), revoked, settings.renewals());
        });
    }

    /** Records that this installation renewed {@code oldKey} into {@code newKey}. */
    public void recordRenewal(Felt oldKey, Felt newKey) {
        update(settings -> {
            Map<Felt, Felt> renewals = new HashMap<>(settings.renewals());
            renewals.put(oldKey, newKey);
            return settings.with(settings.callsMade(), settings.revokedKeys(), renewals);
        });
    }

    /** Read-modify-write of settings.json under the config folder's lock, so two processes do not lose each other's counts. */
    private void update(UnaryOperator<Settings> change) {
        SettingsLock.update(home, SETTINGS, () -> toJson(change.apply(readSettings(home))));
    }

    private static byte[] toJson(Settings settings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("store", settings.store());
        settings.network().ifPresent(n -> root.put("network", n));
        settings.rpcUrl().ifPresent(u -> root.put("rpcUrl", u));
        settings.walletAddress().ifPresent(a -> root.put("walletAddress", a.toHex()));
        settings.sessionPublicKey().ifPresent(k -> root.put("sessionPublicKey", k.toHex()));
        ObjectNode calls = root.putObject("callsMade");
        settings.callsMade().forEach((key, count) -> calls.put(key.toHex(), count));
        settings.revokedKeys().stream().map(Felt::toHex).sorted().forEach(root.putArray("revokedKeys")::add);
        ObjectNode renewals = root.putObject("renewals");
        settings.renewals().forEach((old, renewed) -> renewals.put(old.toHex(), renewed.toHex()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("settings always encode as JSON", e);
        }
    }

    private static Settings readSettings(Path home) {
        return PrivateFiles.readObject(home.resolve(SETTINGS), JSON, "settings", "Delete it and import your session again.", root -> {
            Map<Felt, Long> calls = new HashMap<>();
            root.path("callsMade").properties().forEach(e -> calls.put(Felt.parse(e.getKey()), e.getValue().asLong()));
            Set<Felt> revoked = new HashSet<>();
            root.path("revokedKeys").forEach(key -> revoked.add(Felt.parse(key.asText())));
            Map<Felt, Felt> renewals = new HashMap<>();
            root.path("renewals").properties().forEach(e -> renewals.put(Felt.parse(e.getKey()), Felt.parse(e.getValue().asText())));
            return new Settings(root.path("store").asText("keychain"), text(root, "network"), text(root, "rpcUrl"),
                    text(root, "walletAddress").map(Felt::parse), text(root, "sessionPublicKey").map(Felt::parse), calls, revoked,
                    renewals);
        }).orElse(Settings.EMPTY);
    }


    private static Optional<String> text(JsonNode root, String field) {
        return root.hasNonNull(field) ? Optional.of(root.get(field).asText()) : Optional.empty();
    }

    /** One keychain entry per config folder, so separate CAVOS_HOMEs never overwrite each other's session. */
    static String keychainAccount(Path home) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(home.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "session-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
