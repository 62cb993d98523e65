package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.paymaster.PaymasterKey;
import xyz.cavos.wallet.store.NetworkConfig;
import xyz.cavos.wallet.store.StoreException;

/**
 * The network settings kept on this computer, as the app and the command line change them: the network
 * chosen, each network's endpoints in the order they are tried, and the paymaster URL. An endpoint URL that
 * may hold an API key (anything beyond a plain {@code /rpc/vX_Y} path) is kept in the OS keychain and shown
 * only as scheme, host and port. A network with no list of its own uses its public defaults.
 */
public final class NetworkSettings {

    /** One endpoint as shown: {@code builtIn} for a default, {@code inKeychain} for one whose URL is kept there. */
    public record Endpoint(String shown, boolean builtIn, boolean inKeychain) {
    }

    /** Everything set, as shown: the network chosen, the networks with lists of their own, the paymaster and whether its API key is kept. */
    public record View(Optional<String> network, Map<String, List<Endpoint>> endpoints, Optional<String> paymaster, boolean paymasterApiKeySet) {
        public View {
            endpoints = Map.copyOf(endpoints);
        }
    }

    private final NetworkConfig config;

    private NetworkSettings(NetworkConfig config) {
        this.config = config;
    }

    public static NetworkSettings open(Path home) {
        return new NetworkSettings(NetworkConfig.open(home));
    }

    public View show() {
        return guard(() -> {
            NetworkConfig.Contents contents = config.read();
            Map<String, List<Endpoint>> lists = new LinkedHashMap<>();
            contents.endpoints().forEach((network, entries) -> lists.put(network, entries.stream().map(NetworkSettings::shown).toList()));
            return new View(contents.network(), lists, contents.paymaster().map(NetworkConfig.Entry::shown),
                    config.hasPaymasterApiKey());
        });
    }

    /** Whether the text is an http or https URL with a host: what an endpoint or paymaster URL must be. */
    public static boolean isHttpUrl(String text) {
        return EndpointResolver.asHttpUrl(text).isPresent();
    }

    /** The network chosen here, if any. */
    public Optional<Network> network() {
        return guard(() -> config.read().network().flatMap(Network::byName));
    }

    /** A network's endpoints in the order they are tried: its own list, else its defaults. */
    public List<Endpoint> endpoints(Network network) {
        List<NetworkConfig.Entry> entries = guard(() -> config.entries(network.name()));
        if (entries.isEmpty()) {
            return network.defaultRpcUrls().stream().map(url -> new Endpoint(EndpointCheck.shown(url), true, false)).toList();
        }
        return entries.stream().map(NetworkSettings::shown).toList();
    }

    /** Whether a network uses its defaults (it has no list of its own). */
    public boolean usesDefaults(Network network) {
        return guard(() -> config.entries(network.name()).isEmpty());
    }

    /** The full URLs of a network's endpoints, keyed ones read from the keychain: what a check asks. */
    public List<URI> urls(Network network) {
        return guard(() -> EndpointResolver.endpointsOf(network, Optional.of(config)));
    }

    /** Chooses the network used when nothing else names one; empty: none. */
    public void setNetwork(Optional<String> name) {
        Optional<String> known = name.map(n -> EndpointResolver.networkNamed(n).name());
        guard(() -> {
            config.setNetwork(known);
            return null;
        });
    }

    /** Replaces a network's list; an empty list means its defaults again. */
    public void setEndpoints(Network network, List<String> urls) {
        List<URI> parsed = EndpointResolver.parseAll(urls);
        guard(() -> {
            config.setEntries(network.name(), parsed.stream().map(url -> entry(url, network)).toList());
            return null;
        });
    }

    /** Adds an endpoint at the end of a network's list (a list starts as a copy of the defaults). */
    public void addEndpoint(Network network, String url) {
        URI parsed = EndpointResolver.parseUrl(url);
        edit(network, entries -> {
            if (entries.size() >= EndpointResolver.MAX_ENDPOINTS) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "A network takes at most " + EndpointResolver.MAX_ENDPOINTS
                        + " endpoints.", "Remove one first.", NextStep.NONE);
            }
            entries.add(entry(parsed, network));
        });
    }

    /**
     * Puts an endpoint first in a network's list (moving it there if listed), trimming plain URLs from its end to keep
     * at most {@link EndpointResolver#MAX_ENDPOINTS}: for a URL a session was imported with.
     */
    void putFirst(Network network, URI url) {
        edit(network, entries -> {
            NetworkConfig.Entry entry = entry(url, network);
            entries.removeIf(entry::equals);
            entries.addFirst(entry);
            // trimmed from the end, plain URLs only: a keyed URL's keychain entry must outlive an import that fails
            // and is undone (the wallet tries the first MAX_ENDPOINTS of a list anyway)
            for (int i = entries.size() - 1; i > 0 && entries.size() > EndpointResolver.MAX_ENDPOINTS; i--) {
                if (entries.get(i).keychainAccount().isEmpty()) {
                    entries.remove(i);
                }
            }
        });
    }

    /** Removes the endpoint at this place (from 0) of a network's list. */
    public void removeEndpoint(Network network, int index) {
        edit(network, entries -> entries.remove(checked(entries, index)));
    }

    /** Moves the endpoint at {@code from} to {@code to} (places from 0), so it is tried earlier or later. */
    public void moveEndpoint(Network network, int from, int to) {
        edit(network, entries -> entries.add(checked(entries, to), entries.remove(checked(entries, from))));
    }

    /** Forgets a network's own list: its defaults are used again. */
    public void resetEndpoints(Network network) {
        guard(() -> {
            config.setEntries(network.name(), List.of());
            return null;
        });
    }

    /**
     * The paymaster kept here, its API key read from the keychain when one is kept for it: what a gasless transaction
     * uses unless something else names one. Empty when no paymaster URL is set.
     */
    public Optional<FeePayment.Paymaster> paymaster() {
        return paymasterUrl().map(url -> new FeePayment.Paymaster(url, paymasterApiKey()));
    }

    /** The paymaster's URL alone (the keychain is opened only when the URL itself is kept there). */
    public Optional<URI> paymasterUrl() {
        return guard(() -> config.paymasterUrl().map(URI::create));
    }

    /** The API key kept for the paymaster set now, read from the keychain; empty when none is kept for it. */
    public Optional<PaymasterKey> paymasterApiKey() {
        return guard(() -> config.paymasterApiKey().map(NetworkSettings::apiKey));
    }

    /**
     * Keeps the API key of the paymaster set now in the OS keychain; empty: forgets it. The key is never shown again, and
     * is sent only to that paymaster: setting another paymaster forgets it.
     */
    public void setPaymasterApiKey(Optional<String> key) {
        Optional<String> checked = key.map(String::strip).map(k -> {
            apiKey(k);
            return k;
        });
        if (checked.isPresent() && guard(() -> config.read().paymaster()).isEmpty()) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "No paymaster is set: an API key is kept for one paymaster and sent"
                    + " only to it.", "Set the paymaster's address first, then its key.", NextStep.NONE);
        }
        guard(() -> {
            config.setPaymasterApiKey(checked);
            return null;
        });
    }

    /** The key as the paymaster client takes it; a key that no header could carry is refused by what is wrong with it. */
    public static PaymasterKey apiKey(String text) {
        try {
            return PaymasterKey.of(text);
        } catch (InvalidValueException e) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, e.getMessage() + ".", "Copy the key again from your paymaster provider.",
                    NextStep.NONE);
        }
    }

    /** The paymaster URL (for gasless transactions); empty: none. */
    public void setPaymaster(Optional<String> url) {
        Optional<URI> parsed = url.map(EndpointResolver::parseUrl);
        guard(() -> {
            config.setPaymaster(parsed);
            return null;
        });
    }

    private interface Edit {
        void apply(List<NetworkConfig.Entry> entries);
    }

    private void edit(Network network, Edit edit) {
        guard(() -> {
            List<NetworkConfig.Entry> entries = new ArrayList<>(config.entries(network.name()));
            if (entries.isEmpty()) {
                network.defaultRpcUrls().forEach(url -> entries.add(NetworkConfig.plain(url)));
            }
            edit.apply(entries);
            config.setEntries(network.name(), entries);
            return null;
        });
    }

    /** A public default is kept as it is; any other URL that may hold a key goes to the keychain. */
    private NetworkConfig.Entry entry(URI url, Network network) {
        return isPublicDefault(url) ? NetworkConfig.plain(url) : config.keep(url, network.name());
    }

    static boolean isPublicDefault(URI url) {
        return Network.KNOWN.stream().anyMatch(known -> known.defaultRpcUrls().contains(url));
    }

    private static int checked(List<?> entries, int index) {
        if (index < 0 || index >= entries.size()) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "There is no endpoint " + (index + 1) + "; the list has "
                    + entries.size() + ".", "", NextStep.NONE);
        }
        return index;
    }

    private static Endpoint shown(NetworkConfig.Entry entry) {
        return new Endpoint(entry.shown(), false, entry.inKeychain());
    }

    private static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw ErrorTranslation.stored(e);
        }
    }
}
