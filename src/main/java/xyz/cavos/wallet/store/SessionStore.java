package xyz.cavos.wallet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Json;

/**
 * The sessions imported on this computer, side by side, each under a name: its token (the secret) in its own OS
 * keychain entry, or in its own passphrase-encrypted file the user opted in to; everything else as
 * {@code settings.json} in the config folder, with the name of the current session. An import is all or nothing
 * and never replaces another session unless asked to; the config folder and its files are private to their owner.
 * <p>
 * A settings.json from before sessions had names holds one session: it is read as the session {@code default}, whose
 * secret stays where it was, and written in the new shape on the next change.
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

    /**
     * One stored session, none of it secret: its name, where its token is ({@code store}: keychain or encrypted-file),
     * the network and RPC URL chosen at import, its wallet and session key, and when it was imported (unknown for a
     * session from before sessions had names). {@code firstPlace}: its secret is where a single session was kept
     * before ({@value #ENCRYPTED_FILE}, the folder's own keychain entry), not in places of its name.
     */
    public record Entry(String name, String store, Optional<String> network, Optional<String> rpcUrl, Felt walletAddress,
            Felt sessionPublicKey, Optional<Instant> importedAt, boolean firstPlace) {

        boolean holds(SessionToken token) {
            return sessionPublicKey.equals(token.sessionPublicKey()) && walletAddress.equals(token.walletAddress());
        }
    }

    /** What settings.json holds: the kind the last import used, the current session, the sessions, and what they share. */
    private record Contents(String store, Optional<String> current, List<Entry> sessions, Map<Felt, Long> callsMade,
            Set<Felt> revokedKeys, Map<Felt, Felt> renewals) {

        static final Contents EMPTY = new Contents(Kind.KEYCHAIN.label(), Optional.empty(), List.of(), Map.of(), Set.of(), Map.of());

        Contents {
            sessions = List.copyOf(sessions);
            callsMade = Map.copyOf(callsMade);
            revokedKeys = Set.copyOf(revokedKeys);
            renewals = Map.copyOf(renewals);
        }

        Optional<Entry> find(String name) {
            return sessions.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
        }

        Contents withSessions(String lastStore, Optional<String> newCurrent, List<Entry> newSessions) {
            return new Contents(lastStore, newCurrent, newSessions, callsMade, revokedKeys, renewals);
        }

        Contents withShared(Map<Felt, Long> calls, Set<Felt> revoked, Map<Felt, Felt> renewed) {
            return new Contents(store, current, sessions, calls, revoked, renewed);
        }

        /** The old single view of the settings, for the session {@code name}. */
        Settings settings(Optional<String> name) {
            Optional<Entry> entry = name.flatMap(this::find);
            return new Settings(entry.map(Entry::store).orElse(store), entry.flatMap(Entry::network), entry.flatMap(Entry::rpcUrl),
                    entry.map(Entry::walletAddress), entry.map(Entry::sessionPublicKey), callsMade, revokedKeys, renewals);
        }
    }

    private static final String SETTINGS = "settings.json";
    /** The encrypted file of the session kept where a single session was kept before sessions had names. */
    public static final String ENCRYPTED_FILE = "session.enc";
    /** The name of the session read from a settings.json written before sessions had names. */
    public static final String DEFAULT_NAME = "default";
    /** The most sessions kept side by side; a settings.json with more is not one Cavos Desktop wrote. */
    public static final int MAX_SESSIONS = 100;
    /** What a session name is made of. */
    public static final String NAME_RULE = "1 to 32 letters, digits, - or _";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_TEXT = 2048;

    private final Path home;
    private final Optional<Kind> chosen;
    private final Optional<String> pinned;
    private final Supplier<char[]> passphrase;
    private final Map<String, SecretVault> vaults = new HashMap<>();

    private SessionStore(Path home, Optional<Kind> chosen, Optional<String> pinned, Supplier<char[]> passphrase) {
        this.home = home;
        this.chosen = chosen;
        this.pinned = pinned;
        this.passphrase = passphrase;
    }

    /**
     * Opens the store in {@code home}, reading the current session. {@code kind} is where a new import goes: without
     * it, where the last import went. The passphrase is asked for only if an encrypted file is used.
     */
    public static SessionStore open(Path home, Optional<Kind> kind, Supplier<char[]> passphrase) {
        return open(home, kind, Optional.empty(), passphrase);
    }

    /**
     * {@link #open(Path, Optional, Supplier)} reading the session named {@code session} instead of the current one
     * (an invalid name is refused here; one that is not stored, when it is read).
     */
    public static SessionStore open(Path home, Optional<Kind> kind, Optional<String> session, Supplier<char[]> passphrase) {
        session.ifPresent(SessionStore::checkName);
        PrivateFiles.tighten(home);
        if (kind.isEmpty()) {
            readContents(home); // damaged settings are reported at once
        }
        return new SessionStore(home, kind, session, passphrase);
    }

    /** The platform's config folder for Cavos, or {@code CAVOS_HOME} when set. */
    public static Path defaultHome(Map<String, String> env) {
        return PrivateFiles.configFolder(env);
    }

    /** A session name as given, if it follows {@link #NAME_RULE}; else a plain error saying so. */
    public static String checkName(String name) {
        if (name != null && NAME.matcher(name).matches()) {
            return name;
        }
        String what = name == null || name.isEmpty() ? "An empty name"
                : name.length() > 32 ? "A name of " + name.length() + " characters"
                : "\"" + name.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
        throw new StoreException(StoreException.Reason.INVALID_NAME, what + " cannot name a session: a session name is " + NAME_RULE
                + ".", "Choose a name such as work, sepolia or bot-2.");
    }

    public Path home() {
        return home;
    }

    /** Where the session in use is kept; without one, where a new import goes. */
    public String kind() {
        Contents contents = readContents(home);
        return inUse(contents).flatMap(contents::find).map(Entry::store).orElseGet(() -> newKind(contents).label());
    }

    /** The session this store reads: the one named at open, else the current one. */
    public Optional<String> inUse() {
        Contents contents = readContents(home);
        return inUse(contents).map(name -> contents.find(name).map(Entry::name).orElse(name));
    }

    private Optional<String> inUse(Contents contents) {
        return pinned.or(contents::current);
    }

    /** The current session's name, as it was stored. */
    public Optional<String> current() {
        return readContents(home).current();
    }

    /** The stored sessions, by name; read from the settings alone. */
    public List<Entry> sessions() {
        return readContents(home).sessions().stream().sorted(Comparator.comparing(e -> e.name().toLowerCase(Locale.ROOT))).toList();
    }

    /** The session in use, if any. A stored token that no longer decodes is reported, not ignored. */
    public Optional<SessionToken> load() {
        Contents contents = readContents(home);
        return inUse(contents).flatMap(name -> load(contents, name));
    }

    /**
     * Asks the OS keychain for this folder's first entry, without a session of its own being needed: throws the keychain's
     * {@link StoreException} (unavailable, locked) when it cannot be used here.
     */
    public static void checkKeychain(Path home) {
        KeychainVault vault = new KeychainVault(keychainAccount(home));
        try {
            vault.read();
        } finally {
            vault.close();
        }
    }

    /** The session named {@code name}: empty when its token is missing from its store; a name with no session is refused. */
    public Optional<SessionToken> load(String name) {
        return load(readContents(home), name);
    }

    private Optional<SessionToken> load(Contents contents, String name) {
        Entry entry = existing(contents, name);
        return vault(Kind.of(entry.store()).orElse(Kind.KEYCHAIN), place(entry)).read().map(SessionToken::decode);
    }

    /** Makes {@code name} the current session. */
    public void use(String name) {
        SettingsLock.holding(home, () -> {
            Contents contents = readContents(home);
            Entry entry = existing(contents, name);
            SettingsLock.write(home.resolve(SETTINGS), toJson(contents.withSessions(contents.store(), Optional.of(entry.name()),
                    contents.sessions())));
            return null;
        });
    }

    /** Changes the RPC URL kept for {@code name} (nothing secret changes); empty: none. */
    public void updateRpcUrl(String name, Optional<String> rpcUrl) {
        SettingsLock.holding(home, () -> {
            Contents contents = readContents(home);
            Entry entry = existing(contents, name);
            Entry changed = new Entry(entry.name(), entry.store(), entry.network(), rpcUrl, entry.walletAddress(),
                    entry.sessionPublicKey(), entry.importedAt(), entry.firstPlace());
            List<Entry> sessions = contents.sessions().stream().map(e -> e == entry ? changed : e).toList();
            SettingsLock.write(home.resolve(SETTINGS), toJson(contents.withSessions(contents.store(), contents.current(), sessions)));
            return null;
        });
    }

    /**
     * A name for {@code token} that no other session has: the name of the session that holds it already, else the
     * network and the start of the wallet address (sepolia-4a1b2c), with -2, -3 … when that is taken.
     */
    public String suggestName(SessionToken token, Optional<String> network) {
        Contents contents = readContents(home);
        Optional<Entry> holder = contents.sessions().stream().filter(e -> e.holds(token)).findFirst();
        if (holder.isPresent()) {
            return holder.get().name();
        }
        String prefix = network.map(n -> n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", ""))
                .map(n -> n.length() > 12 ? n.substring(0, 12) : n).filter(n -> !n.isEmpty()).orElse("wallet");
        String digits = token.walletAddress().toHex().substring(2);
        String base = prefix + "-" + (digits.length() > 6 ? digits.substring(0, 6) : digits);
        String name = base;
        for (int n = 2; contents.find(name).isPresent(); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /**
     * Stores a validated token and its settings under {@code name}, all or nothing, and makes it the current session: when
     * a step fails, every session (secrets and settings) is left exactly as it was and no copy of the new secret remains.
     * A name that holds another session is refused unless {@code replace}; the same session imported again is kept
     * under its name. {@code alongside} (e.g. the session's endpoint put first in its network's list) is done in the
     * same step.
     */
    public Entry save(String name, SessionToken token, Optional<String> network, Optional<String> rpcUrl, boolean replace,
            Runnable alongside) {
        return store(checkName(name), token, network, rpcUrl, replace, true, alongside);
    }

    /**
     * Stores a validated token in place of the session in use (after a renewal, the renewed session), under its name;
     * without a session in use, as {@value #DEFAULT_NAME}. All or nothing, as {@link #save(String, SessionToken, Optional,
     * Optional, boolean, Runnable)}.
     */
    public void save(SessionToken token, Optional<String> network, Optional<String> rpcUrl) {
        save(token, network, rpcUrl, () -> { });
    }

    /** {@link #save(SessionToken, Optional, Optional)} with a change of the network settings in the same step. */
    public void save(SessionToken token, Optional<String> network, Optional<String> rpcUrl, Runnable alongside) {
        Contents contents = readContents(home);
        String name = inUse(contents).orElse(DEFAULT_NAME);
        store(name, token, network, rpcUrl, true, contents.current().isEmpty(), alongside);
    }

    /**
     * The secret is made ready first (an encrypted file's passphrase asked for, the token encrypted); then, under the
     * config folder's lock, the settings are written, {@code alongside} runs and the secret is written, which either
     * replaces the old one or leaves it as it was. When any of them fails, settings.json and config.json are put back
     * as they were. Once the new secret is stored, a copy of the session's previous token in the other store (after a
     * change between keychain and encrypted file) is removed.
     */
    private Entry store(String name, SessionToken token, Optional<String> network, Optional<String> rpcUrl, boolean replace,
            boolean makeCurrent, Runnable alongside) {
        Contents seen = readContents(home);
        refuseReplacing(seen, name, token, replace); // before a passphrase is asked for
        Kind kind = chosen.or(() -> seen.find(name).flatMap(e -> Kind.of(e.store()))).orElseGet(() -> newKind(seen));
        String place = seen.find(name).map(this::place).orElseGet(() -> freePlace(seen, name));
        Runnable writeSecret = vault(kind, place).prepareWrite(token.encode()); // a passphrase is asked for before the lock
        return SettingsLock.holding(home, () -> {
            Path file = home.resolve(SETTINGS);
            Contents before = readContents(home); // damaged settings stop the import here, before anything changed
            refuseReplacing(before, name, token, replace);
            Optional<Entry> previous = before.find(name);
            if (!previous.map(this::place).orElseGet(() -> freePlace(before, name)).equals(place)) {
                throw new StoreException(StoreException.Reason.IO, "The sessions changed while " + name + " was being imported.",
                        "Import the session again.");
            }
            if (previous.isEmpty() && before.sessions().size() >= MAX_SESSIONS) {
                throw new StoreException(StoreException.Reason.IO, "There are " + MAX_SESSIONS + " sessions on this computer already.",
                        "Remove sessions you no longer use, then import again.");
            }
            Entry entry = new Entry(previous.map(Entry::name).orElse(name), kind.label(), network, rpcUrl, token.walletAddress(),
                    token.sessionPublicKey(), Optional.of(Instant.now().truncatedTo(ChronoUnit.SECONDS)), place.isEmpty());
            List<Entry> sessions = new ArrayList<>(before.sessions());
            previous.ifPresentOrElse(p -> sessions.set(sessions.indexOf(p), entry), () -> sessions.add(entry));
            Optional<String> current = makeCurrent ? Optional.of(entry.name()) : before.current();
            Optional<byte[]> settingsBefore = raw(file);
            Runnable configBack = NetworkConfig.open(home).undoPoint();
            try {
                SettingsLock.write(file, toJson(before.withSessions(kind.label(), current, sessions)));
                alongside.run();
                writeSecret.run();
            } catch (RuntimeException e) {
                putBack(file, settingsBefore, configBack, e);
                throw e;
            }
            if (previous.isPresent() && !previous.get().store().equals(kind.label())) {
                SecretVault other = otherVault(kind, place);
                try {
                    other.delete();
                } catch (StoreException e) {
                    // the old copy stays where it was; removing the session removes it later
                } finally {
                    other.close();
                }
            }
            return entry;
        });
    }

    private static void refuseReplacing(Contents contents, String name, SessionToken token, boolean replace) {
        Optional<Entry> there = contents.find(name);
        if (there.isPresent() && !replace && !there.get().holds(token)) {
            throw new StoreException(StoreException.Reason.SESSION_EXISTS, "The name " + there.get().name() + " holds another session"
                    + " (wallet " + there.get().walletAddress().toHex() + ", session key " + there.get().sessionPublicKey().toHex()
                    + ").", "Import it under another name, or replace that session on purpose.");
        }
    }

    private Kind newKind(Contents contents) {
        return chosen.orElseGet(() -> Kind.of(contents.store()).orElse(Kind.KEYCHAIN));
    }

    /** Where a new session's secret goes: the first place when no session holds it, else places of its own name. */
    private static String freePlace(Contents contents, String name) {
        return contents.sessions().stream().anyMatch(Entry::firstPlace) ? name.toLowerCase(Locale.ROOT) : "";
    }

    private String place(Entry entry) {
        return entry.firstPlace() ? "" : entry.name().toLowerCase(Locale.ROOT);
    }

    /** The encrypted file of a place: session.enc for the first place, session-NAME.enc for the others. */
    Path encryptedFile(String place) {
        return home.resolve(place.isEmpty() ? ENCRYPTED_FILE : "session-" + place + ".enc");
    }

    /** The encrypted file of the session {@code name}, whether or not its token is kept there. */
    public Path encryptedFileOf(String name) {
        return encryptedFile(existing(readContents(home), name).firstPlace() ? "" : name.toLowerCase(Locale.ROOT));
    }

    /** The keychain entry of a place: the config folder's own for the first place, with "-NAME" for the others. */
    String keychainAccount(String place) {
        return place.isEmpty() ? keychainAccount(home) : keychainAccount(home) + "-" + place;
    }

    private synchronized SecretVault vault(Kind kind, String place) {
        return vaults.computeIfAbsent(kind.label() + "|" + place, key -> kind == Kind.KEYCHAIN
                ? new KeychainVault(keychainAccount(place))
                : new EncryptedFileVault(encryptedFile(place), passphrase));
    }

    /** The store not in use at {@code place}, which may hold a copy from before a change of store; closed after use. */
    private SecretVault otherVault(Kind kind, String place) {
        return kind == Kind.KEYCHAIN ? new EncryptedFileVault(encryptedFile(place), () -> {
            throw new IllegalStateException("removing the encrypted file needs no passphrase");
        }) : new KeychainVault(keychainAccount(place));
    }

    private static Entry existing(Contents contents, String name) {
        return contents.find(name).orElseThrow(() -> noSuchSession(contents, name));
    }

    private static StoreException noSuchSession(Contents contents, String name) {
        String names = contents.sessions().stream().map(Entry::name).sorted(String.CASE_INSENSITIVE_ORDER)
                .collect(Collectors.joining(", "));
        return new StoreException(StoreException.Reason.NO_SUCH_SESSION, "No session named " + checkName(name) + " is stored here.",
                names.isEmpty() ? "No session is stored here yet: import one first." : "The sessions stored here are: " + names + ".");
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

    /**
     * What {@link #remove} removed, in words ("the OS keychain", "the encrypted file …"), and what it could not check;
     * {@code session}: the session removed, if there was one; {@code current}: the current session afterwards.
     */
    public record Cleared(Optional<String> session, List<String> removed, List<String> warnings, Optional<String> current) {
        public Cleared {
            removed = List.copyOf(removed);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Forgets the session in use, as {@link #remove}. Without one, a token left in the first place (from before sessions
     * had names, or damaged settings) is removed, and damaged settings are replaced.
     */
    public Cleared clear() {
        return SettingsLock.holding(home, () -> {
            Contents contents;
            try {
                contents = readContents(home);
            } catch (StoreException e) {
                contents = null; // damaged: what pointed to the sessions goes with the rest
            }
            Optional<String> name = contents == null ? Optional.empty() : inUse(contents);
            if (name.isPresent()) {
                return remove(name.get());
            }
            List<String> removed = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            Kind kind = contents == null ? chosen.orElse(Kind.KEYCHAIN) : newKind(contents);
            if (contents == null || contents.sessions().stream().noneMatch(Entry::firstPlace)) {
                deleteBoth(kind, "", removed, warnings);
            }
            if (contents == null) {
                // the names are unreadable: every encrypted file of a named session goes too, and the damaged settings are
                // kept aside (not lost) with a word that keychain entries under other names may remain
                try (var files = java.nio.file.Files.list(home)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().matches("session-[a-z0-9_-]{1,32}\\.enc")).toList()) {
                        java.nio.file.Files.deleteIfExists(file);
                        removed.add("the encrypted file " + file);
                    }
                    java.nio.file.Files.move(home.resolve(SETTINGS), home.resolve(SETTINGS + ".damaged"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    warnings.add("Some files in " + home + " could not be removed (" + PrivateFiles.why(e) + ").");
                }
                warnings.add("settings.json could not be read, so sessions kept in the keychain under other names could not be found"
                        + " and may remain there; the damaged file is kept as settings.json.damaged.");
                SettingsLock.write(home.resolve(SETTINGS), toJson(Contents.EMPTY));
            }
            return new Cleared(Optional.empty(), removed, warnings, contents == null ? Optional.empty() : contents.current());
        });
    }

    /**
     * Forgets the session {@code name}, without reaching any network: its secret in every store that may hold one (the
     * keychain and the encrypted file, since the store may have changed between imports) and its settings. When it was
     * the current session, another one becomes current (the first by name), or none. When its store cannot be changed
     * (a locked keychain), nothing is.
     */
    public Cleared remove(String name) {
        return SettingsLock.holding(home, () -> {
            Contents contents = readContents(home);
            Entry entry = existing(contents, name);
            List<String> removed = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            deleteBoth(Kind.of(entry.store()).orElse(Kind.KEYCHAIN), place(entry), removed, warnings);
            List<Entry> rest = contents.sessions().stream().filter(e -> e != entry).toList();
            Optional<String> current = contents.current().filter(c -> !c.equalsIgnoreCase(entry.name()))
                    .or(() -> rest.stream().map(Entry::name).min(String.CASE_INSENSITIVE_ORDER));
            SettingsLock.write(home.resolve(SETTINGS), toJson(contents.withSessions(contents.store(), current, rest)));
            return new Cleared(Optional.of(entry.name()), removed, warnings, current);
        });
    }

    /** Deletes the secret at {@code place} from the store {@code kind} (a failure stops everything), then from the other. */
    private void deleteBoth(Kind kind, String place, List<String> removed, List<String> warnings) {
        SecretVault vault = vault(kind, place);
        if (vault.delete()) {
            removed.add(vault.place());
        }
        SecretVault other = otherVault(kind, place);
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
    }

    private static Optional<byte[]> raw(Path file) {
        try {
            return PrivateFiles.readIfThere(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not read " + file + " (" + PrivateFiles.why(e) + ").",
                    "Check that the file is yours and readable.");
        }
    }

    /** Closes the keychain connections; the store opens them again if used afterwards. */
    public synchronized void close() {
        vaults.values().forEach(SecretVault::close);
        vaults.clear();
    }

    /** The settings of the session in use (none: only what the sessions share), with what all sessions share. */
    public Settings settings() {
        Contents contents = readContents(home);
        return contents.settings(inUse(contents));
    }

    /** Adds to the calls this installation sent for a session (the chain does not count them). */
    public void addCalls(Felt sessionKey, long calls) {
        update(contents -> {
            Map<Felt, Long> counts = new HashMap<>(contents.callsMade());
            counts.merge(sessionKey, calls, Long::sum);
            return contents.withShared(counts, contents.revokedKeys(), contents.renewals());
        });
    }

    /** Records that this installation revoked a session key on chain. */
    public void markRevoked(Felt sessionKey) {
        update(contents -> {
            Set<Felt> revoked = new HashSet<>(contents.revokedKeys());
            revoked.add(sessionKey);
            return contents.withShared(contents.callsMade(), revoked, contents.renewals());
        });
    }

    /** Records that this installation renewed {@code oldKey} into {@code newKey}. */
    public void recordRenewal(Felt oldKey, Felt newKey) {
        update(contents -> {
            Map<Felt, Felt> renewals = new HashMap<>(contents.renewals());
            renewals.put(oldKey, newKey);
            return contents.withShared(contents.callsMade(), contents.revokedKeys(), renewals);
        });
    }

    /** Read-modify-write of settings.json under the config folder's lock, so two processes do not lose each other's counts. */
    private void update(UnaryOperator<Contents> change) {
        SettingsLock.update(home, SETTINGS, () -> toJson(change.apply(readContents(home))));
    }

    private static byte[] toJson(Contents contents) {
        ObjectNode root = Json.object();
        root.put("store", contents.store());
        contents.current().ifPresent(c -> root.put("current", c));
        ObjectNode sessions = root.putObject("sessions");
        for (Entry entry : contents.sessions()) {
            ObjectNode session = sessions.putObject(entry.name());
            session.put("store", entry.store());
            entry.network().ifPresent(n -> session.put("network", n));
            entry.rpcUrl().ifPresent(u -> session.put("rpcUrl", u));
            session.put("walletAddress", entry.walletAddress().toHex());
            session.put("sessionPublicKey", entry.sessionPublicKey().toHex());
            entry.importedAt().ifPresent(t -> session.put("importedAt", t.toString()));
            if (entry.firstPlace()) {
                session.put("firstPlace", true);
            }
        }
        ObjectNode calls = root.putObject("callsMade");
        contents.callsMade().forEach((key, count) -> calls.put(key.toHex(), count));
        contents.revokedKeys().stream().map(Felt::toHex).sorted().forEach(root.putArray("revokedKeys")::add);
        ObjectNode renewals = root.putObject("renewals");
        contents.renewals().forEach((old, renewed) -> renewals.put(old.toHex(), renewed.toHex()));
        return Json.prettyBytes(root);
    }

    private static Contents readContents(Path home) {
        return PrivateFiles.readObject(home.resolve(SETTINGS), "settings", "Delete it and import your sessions again.", root -> {
            Map<Felt, Long> calls = new HashMap<>();
            root.path("callsMade").properties().forEach(e -> calls.put(Felt.parse(e.getKey()), e.getValue().asLong()));
            Set<Felt> revoked = new HashSet<>();
            root.path("revokedKeys").forEach(key -> revoked.add(Felt.parse(key.asText())));
            Map<Felt, Felt> renewals = new HashMap<>();
            root.path("renewals").properties().forEach(e -> renewals.put(Felt.parse(e.getKey()), Felt.parse(e.getValue().asText())));
            String store = kindLabel(root);
            List<Entry> sessions = new ArrayList<>();
            Optional<String> current;
            if (root.has("sessions")) {
                JsonNode all = root.get("sessions");
                if (!all.isObject() || all.size() > MAX_SESSIONS) {
                    throw new IllegalArgumentException("sessions");
                }
                all.properties().forEach(e -> sessions.add(entry(e.getKey(), e.getValue())));
                if (sessions.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).distinct().count() != sessions.size()
                        || sessions.stream().filter(Entry::firstPlace).count() > 1) {
                    throw new IllegalArgumentException("sessions");
                }
                current = text(root, "current").flatMap(c -> sessions.stream().filter(e -> e.name().equalsIgnoreCase(c)).findFirst())
                        .map(Entry::name);
            } else if (root.hasNonNull("walletAddress") || root.hasNonNull("sessionPublicKey")) {
                // written before sessions had names: its one session, where it was kept
                sessions.add(new Entry(DEFAULT_NAME, store, text(root, "network"), text(root, "rpcUrl"),
                        Felt.parse(root.get("walletAddress").asText()), Felt.parse(root.get("sessionPublicKey").asText()),
                        Optional.empty(), true));
                current = Optional.of(DEFAULT_NAME);
            } else {
                current = Optional.empty();
            }
            return new Contents(store, current, sessions, calls, revoked, renewals);
        }).orElse(Contents.EMPTY);
    }

    private static Entry entry(String name, JsonNode session) {
        if (!NAME.matcher(name).matches() || !session.isObject()) {
            throw new IllegalArgumentException("session");
        }
        return new Entry(name, kindLabel(session), text(session, "network"), text(session, "rpcUrl"),
                Felt.parse(session.get("walletAddress").asText()), Felt.parse(session.get("sessionPublicKey").asText()),
                text(session, "importedAt").map(Instant::parse), session.path("firstPlace").asBoolean(false));
    }

    private static String kindLabel(JsonNode node) {
        String label = node.path("store").asText(Kind.KEYCHAIN.label());
        return Kind.of(label).orElseThrow(() -> new IllegalArgumentException("store")).label();
    }

    private static Optional<String> text(JsonNode root, String field) {
        if (!root.hasNonNull(field)) {
            return Optional.empty();
        }
        String value = root.get(field).asText();
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field);
        }
        return Optional.of(value);
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
