package xyz.cavos.wallet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import xyz.cavos.wallet.starknet.Json;
import xyz.cavos.wallet.starknet.RpcClient;

/**
 * How this installation reaches the networks, in {@code config.json} beside the session's settings: the
 * network chosen, each network's endpoint list in order, the paymaster URL, and which endpoint last answered.
 * An endpoint URL with anything beyond a plain {@code /rpc/vX_Y} path (a path, query or user part that may
 * hold an API key) is kept in the OS keychain; the file then holds only its scheme, host and port.
 */
public final class NetworkConfig {

    static final String FILE = "config.json";
    private static final Pattern PLAIN_PATH = Pattern.compile("(/rpc/v\\d+_\\d+)?/?");

    /** One endpoint as kept: shown as scheme, host and port when its URL is in the keychain. */
    public record Entry(String shown, Optional<String> url, Optional<String> keychainAccount) {
        public boolean inKeychain() {
            return keychainAccount.isPresent();
        }
    }

    /** Everything in the file. */
    public record Contents(Optional<String> network, Map<String, List<Entry>> endpoints, Optional<Entry> paymaster,
            Map<String, String> lastGood) {
        public static final Contents EMPTY = new Contents(Optional.empty(), Map.of(), Optional.empty(), Map.of());

        public Contents {
            endpoints = Map.copyOf(endpoints);
            lastGood = Map.copyOf(lastGood);
        }
    }

    private final Path home;

    private NetworkConfig(Path home) {
        this.home = home;
    }

    public static NetworkConfig open(Path home) {
        return new NetworkConfig(home);
    }

    /** Whether this URL may hold an API key: anything in its path beyond {@code /rpc/vX_Y}, a query, a fragment or a user. */
    public static boolean holdsSecret(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null
                || !PLAIN_PATH.matcher(path).matches();
    }

    public Contents read() {
        return readRoot(root -> {
                Map<String, List<Entry>> endpoints = new LinkedHashMap<>();
                root.path("endpoints").properties().forEach(e -> {
                    List<Entry> list = new ArrayList<>();
                    e.getValue().forEach(item -> list.add(entry(item)));
                    endpoints.put(e.getKey(), List.copyOf(list));
                });
                Map<String, String> lastGood = new LinkedHashMap<>();
                root.path("lastGood").properties().forEach(e -> lastGood.put(e.getKey(), e.getValue().asText()));
                return new Contents(text(root, "network"), endpoints,
                        root.hasNonNull("paymaster") ? Optional.of(entry(root.get("paymaster"))) : Optional.empty(), lastGood);
        }).orElse(Contents.EMPTY);
    }

    /** The file's root object read once through {@code parse}; empty when there is no file. */
    private <T> Optional<T> readRoot(java.util.function.Function<JsonNode, T> parse) {
        return PrivateFiles.readObject(home.resolve(FILE), "network settings", "Delete it and choose your network settings again.",
                parse);
    }


    /**
     * config.json as it is now, to put back if a change of several files fails (an import): the same bytes, and the
     * keychain entries for endpoints added since are removed again. The caller holds the settings lock.
     */
    Runnable undoPoint() {
        Path file = home.resolve(FILE);
        Optional<byte[]> before;
        try {
            before = PrivateFiles.readIfThere(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not read " + file + " (" + PrivateFiles.why(e) + ").",
                    "Check that the file is yours and readable.");
        }
        Set<String> kept = keychainAccounts();
        return () -> {
            Set<String> added = keychainAccounts();
            added.removeAll(kept);
            try {
                PrivateFiles.putBack(file, before);
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.IO, "Could not put back " + file + " (" + PrivateFiles.why(e) + ").",
                        "Check the network settings, and choose them again if they changed.");
            }
            added.forEach(NetworkConfig::forget);
        };
    }

    /** The keychain entries the file points to now (none if it cannot be read). */
    private Set<String> keychainAccounts() {
        Set<String> accounts = new HashSet<>();
        try {
            Contents contents = read();
            contents.endpoints().values().forEach(list -> list.forEach(e -> e.keychainAccount().ifPresent(accounts::add)));
            contents.paymaster().flatMap(Entry::keychainAccount).ifPresent(accounts::add);
        } catch (StoreException e) {
            // a damaged file points to nothing that can be told apart
        }
        return accounts;
    }

    private static void forget(String account) {
        KeychainVault vault = new KeychainVault(account);
        try {
            vault.delete();
        } catch (StoreException e) {
            // the entry stays in the keychain; the file no longer points to it
        } finally {
            vault.close();
        }
    }

    /**
     * The full URLs of a network's endpoints, in order, at most {@code limit} of them; those in the keychain are
     * read from it. Empty: none configured.
     */
    public List<String> endpointUrls(String network, int limit) {
        List<String> urls = new ArrayList<>();
        for (Entry entry : read().endpoints().getOrDefault(network, List.of())) {
            if (urls.size() == limit) {
                break;
            }
            urls.add(resolve(entry));
        }
        return urls;
    }

    /** The paymaster's full URL, if one is configured. */
    public Optional<String> paymasterUrl() {
        return read().paymaster().map(this::resolve);
    }

    public void setNetwork(Optional<String> network) {
        change(root -> {
            root.remove("network");
            network.ifPresent(n -> root.put("network", n));
        });
    }

    /** A network's endpoints as kept, in order (empty: none configured). */
    public List<Entry> entries(String network) {
        return read().endpoints().getOrDefault(network, List.of());
    }

    /** Replaces a network's endpoint list (URLs already checked to be http(s)); an empty list removes it. */
    public void setEndpoints(String network, List<URI> urls) {
        List<Entry> entries = new ArrayList<>();
        for (URI url : urls) {
            entries.add(keep(url, network));
        }
        setEntries(network, entries);
    }

    /**
     * Replaces a network's endpoint list with entries read from here or made by {@link #keep}; keychain
     * entries no longer listed are deleted. An empty list removes it.
     */
    public void setEntries(String network, List<Entry> entries) {
        List<Entry> before = entries(network);
        change(root -> {
            ObjectNode all = root.has("endpoints") && root.get("endpoints").isObject() ? (ObjectNode) root.get("endpoints")
                    : root.putObject("endpoints");
            if (entries.isEmpty()) {
                all.remove(network);
            } else {
                ArrayNode list = all.putArray(network);
                entries.forEach(entry -> list.add(node(entry)));
            }
            if (all.isEmpty()) {
                root.remove("endpoints");
            }
            if (root.has("lastGood") && root.get("lastGood").isObject()) {
                ((ObjectNode) root.get("lastGood")).remove(network);
            }
        });
        forgetUnused(before, entries);
    }

    /** Sets the paymaster, or none; another paymaster than before does not inherit the key kept for the old one. */
    public void setPaymaster(Optional<URI> url) {
        Optional<Entry> before = read().paymaster();
        Optional<Entry> entry = url.map(u -> keep(u, "paymaster"));
        change(root -> {
            root.remove("paymaster");
            entry.ifPresent(e -> root.set("paymaster", node(e)));
        });
        forgetUnused(before.map(List::of).orElse(List.of()), entry.map(List::of).orElse(List.of()));
        if (keyNoted() && !before.map(NetworkConfig::identity).equals(entry.map(NetworkConfig::identity))) {
            setPaymasterApiKey(Optional.empty());
        }
    }

    /**
     * Whether a paymaster API key is kept for the paymaster set now; the file says so, the keychain is not opened. A key
     * belongs to the paymaster it was set for: it is never read for another.
     */
    public boolean hasPaymasterApiKey() {
        return readRoot(root -> root.hasNonNull("paymasterApiKey") && root.hasNonNull("paymaster")
                && text(root, "paymasterApiKeyFor").equals(Optional.of(identity(entry(root.get("paymaster")))))).orElse(false);
    }

    /** Whether the file notes a paymaster API key, for whichever paymaster. */
    private boolean keyNoted() {
        return readRoot(root -> root.hasNonNull("paymasterApiKey")).orElse(false);
    }

    /** The paymaster API key, read from the keychain; empty when none is kept for the paymaster set now. */
    public Optional<String> paymasterApiKey() {
        if (!hasPaymasterApiKey()) {
            return Optional.empty();
        }
        KeychainVault vault = new KeychainVault(paymasterKeyAccount());
        try {
            return Optional.of(vault.read().orElseThrow(() -> new StoreException(StoreException.Reason.IO,
                    "The paymaster API key is no longer in the keychain.", "Enter the paymaster API key again in the settings.")));
        } finally {
            vault.close();
        }
    }

    /**
     * Keeps the API key of the paymaster set now in the keychain (the file notes which paymaster it is for); empty: forgets
     * it. Changing or removing the paymaster forgets its key.
     */
    public void setPaymasterApiKey(Optional<String> key) {
        String account = paymasterKeyAccount();
        if (key.isPresent()) {
            Entry paymaster = read().paymaster().orElseThrow(() -> new IllegalStateException("a key is kept only for a paymaster set"));
            KeychainVault vault = new KeychainVault(account);
            try {
                vault.write(key.get());
            } finally {
                vault.close();
            }
            change(root -> root.put("paymasterApiKey", account).put("paymasterApiKeyFor", identity(paymaster)));
        } else {
            change(root -> {
                root.remove("paymasterApiKey");
                root.remove("paymasterApiKeyFor");
            });
            forget(account);
        }
    }

    /** What names a kept URL without opening the keychain: the URL itself, or the keychain entry it is in (made from the URL). */
    private static String identity(Entry entry) {
        return entry.url().orElseGet(() -> "keychain:" + entry.keychainAccount().orElseThrow());
    }

    private String paymasterKeyAccount() {
        return "paymaster-api-key-" + sha256(SessionStore.keychainAccount(home)).substring(0, 16);
    }

    /** The fingerprint of the endpoint that last answered for a network. */
    public Optional<String> lastGood(String network) {
        return Optional.ofNullable(read().lastGood().get(network));
    }

    public void rememberGood(String network, String fingerprint) {
        change(root -> {
            ObjectNode lastGood = root.has("lastGood") && root.get("lastGood").isObject() ? (ObjectNode) root.get("lastGood")
                    : root.putObject("lastGood");
            lastGood.put(network, fingerprint);
        });
    }

    /** A short hash naming an endpoint URL without its secret, for {@link #rememberGood}. */
    public static String fingerprint(URI url) {
        return sha256(url.toString()).substring(0, 16);
    }

    /** An entry kept in the file as it is: a URL that holds nothing secret, or a public one everybody knows. */
    public static Entry plain(URI url) {
        return new Entry(url.toString(), Optional.of(url.toString()), Optional.empty());
    }

    /** An entry for this URL: as it is when it holds nothing secret, else put in the keychain first. */
    public Entry keep(URI url, String purpose) {
        if (!holdsSecret(url)) {
            return plain(url);
        }
        String account = keychainAccount(home, purpose, url);
        KeychainVault vault = new KeychainVault(account);
        try {
            vault.write(url.toString());
        } finally {
            vault.close();
        }
        return new Entry(RpcClient.shown(url), Optional.empty(), Optional.of(account));
    }

    /** The keychain entry that holds an endpoint URL kept for {@code purpose} (a network's name, or "paymaster"). */
    static String keychainAccount(Path home, String purpose, URI url) {
        return "endpoint-" + sha256(SessionStore.keychainAccount(home) + "|" + purpose + "|" + url).substring(0, 16);
    }

    private String resolve(Entry entry) {
        if (entry.url().isPresent()) {
            return entry.url().get();
        }
        KeychainVault vault = new KeychainVault(entry.keychainAccount().orElseThrow());
        try {
            return vault.read().orElseThrow(() -> new StoreException(StoreException.Reason.IO, "The endpoint " + entry.shown()
                    + " is no longer in the keychain.", "Enter the endpoint again in the settings."));
        } finally {
            vault.close();
        }
    }

    private void forgetUnused(List<Entry> before, List<Entry> after) {
        Set<String> kept = new HashSet<>();
        after.forEach(e -> e.keychainAccount().ifPresent(kept::add));
        for (Entry old : before) {
            if (old.keychainAccount().isPresent() && !kept.contains(old.keychainAccount().get())) {
                forget(old.keychainAccount().get());
            }
        }
    }

    private void change(Consumer<ObjectNode> edit) {
        SettingsLock.update(home, FILE, () -> {
            ObjectNode root;
            try {
                JsonNode existing = Files.exists(home.resolve(FILE)) ? Json.read(PrivateFiles.readText(home.resolve(FILE))) : null;
                root = existing != null && existing.isObject() ? (ObjectNode) existing : Json.object();
            } catch (IOException e) {
                root = Json.object(); // a damaged file is replaced by the change
            }
            edit.accept(root);
            return Json.prettyBytes(root);
        });
    }

    private static Entry entry(JsonNode item) {
        if (item.isTextual()) {
            return new Entry(item.asText(), Optional.of(item.asText()), Optional.empty());
        }
        Optional<String> url = text(item, "url");
        Optional<String> account = text(item, "keychain");
        if (url.isEmpty() && account.isEmpty()) {
            throw new IllegalArgumentException("an endpoint with neither url nor keychain");
        }
        return new Entry(text(item, "shown").or(() -> url).orElse("?"), url, account);
    }

    private static JsonNode node(Entry entry) {
        ObjectNode node = Json.object();
        if (entry.url().isPresent()) {
            node.put("url", entry.url().get());
        } else {
            node.put("shown", entry.shown()).put("keychain", entry.keychainAccount().orElseThrow());
        }
        return node;
    }

    private static Optional<String> text(JsonNode root, String field) {
        return root.hasNonNull(field) ? Optional.of(root.get(field).asText()) : Optional.empty();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
