package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.store.NetworkConfig;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.store.Settings;

/**
 * Which network a session is on and which endpoints reach it. Endpoints named in the options (flags, then
 * environment) are used as given. Otherwise the network is the one named in the options, else the token's
 * hint, else the one stored at import for this session, else the one chosen in the settings, else the first
 * of mainnet and Sepolia where the session is registered. Its endpoints are the settings' list for the
 * network, then the token's and the import's URL; without a list, those URLs then the network's defaults.
 */
final class EndpointResolver {

    /** The most endpoints one list may hold; more is a mistake, not a plan. */
    static final int MAX_ENDPOINTS = 16;
    /** The longest endpoint URL taken. */
    static final int MAX_URL_LENGTH = 2048;

    /** A network (named now, or from the first read when only URLs were given) with its endpoints. */
    record Endpoint(EndpointNetwork network, Endpoints endpoints) {
    }

    private EndpointResolver() {
    }

    static Endpoint resolve(SessionToken token, ConnectionOptions options, Optional<SessionStore> store) {
        Optional<NetworkConfig> config = store.map(s -> NetworkConfig.open(s.home()));
        if (!options.rpcUrls().isEmpty()) {
            return given(options);
        }
        Optional<Settings> stored = store.map(SessionStore::settings)
                .filter(settings -> settings.sessionPublicKey().filter(token.sessionPublicKey()::equals).isPresent());
        Optional<Network> network = options.network().map(EndpointResolver::networkNamed)
                .or(() -> token.network().flatMap(Network::byName))
                .or(() -> token.chainId().flatMap(Network::byChainId))
                .or(() -> stored.flatMap(Settings::network).flatMap(Network::byName));
        List<URI> hinted = new ArrayList<>();
        token.rpcUrl().map(EndpointResolver::parseUrl).ifPresent(hinted::add);
        stored.flatMap(Settings::rpcUrl).map(EndpointResolver::parseUrl).ifPresent(hinted::add);
        if (network.isEmpty() && !hinted.isEmpty()) {
            return endpoint(Optional.empty(), hinted, options, Endpoints.Memory.NONE); // a URL without a network: the chain names it
        }
        network = network.or(() -> config.flatMap(c -> c.read().network()).flatMap(Network::byName));
        if (network.isEmpty()) {
            return detect(token, options, config);
        }
        List<URI> own = configuredOf(network.get(), config);
        LinkedHashSet<URI> urls = new LinkedHashSet<>(own); // the person's own list comes first; the token's hint is a fallback
        urls.addAll(hinted);
        urls.addAll(own.isEmpty() ? network.get().defaultRpcUrls() : List.of());
        return endpoint(network, List.copyOf(urls), options, memory(network.get(), config));
    }

    /** The network and endpoints a check looks at when no session is involved: the options, else the settings, else mainnet. */
    static Endpoint configured(ConnectionOptions options, Optional<SessionStore> store) {
        Optional<NetworkConfig> config = store.map(s -> NetworkConfig.open(s.home()));
        if (!options.rpcUrls().isEmpty()) {
            return given(options);
        }
        Network network = options.network().map(EndpointResolver::networkNamed)
                .or(() -> store.map(SessionStore::settings).flatMap(Settings::network).flatMap(Network::byName))
                .or(() -> config.flatMap(c -> c.read().network()).flatMap(Network::byName))
                .orElse(Network.MAINNET);
        return endpoint(Optional.of(network), endpointsOf(network, config), options, Endpoints.Memory.NONE);
    }

    /** The endpoints named in the options, used as given (nothing remembered), on the network they name if any. */
    private static Endpoint given(ConnectionOptions options) {
        Optional<Network> named = options.network().map(EndpointResolver::networkNamed);
        return endpoint(named, parseAll(options.rpcUrls()), options, Endpoints.Memory.NONE);
    }

    /** A network's endpoints: the settings' list, or its defaults when the settings have none. */
    static List<URI> endpointsOf(Network network, Optional<NetworkConfig> config) {
        List<URI> own = configuredOf(network, config);
        return own.isEmpty() ? network.defaultRpcUrls() : own;
    }

    private static List<URI> configuredOf(Network network, Optional<NetworkConfig> config) {
        return config.map(c -> c.endpointUrls(network.name(), MAX_ENDPOINTS)).orElse(List.of()).stream().map(EndpointResolver::parseUrl).toList();
    }

    private static Endpoints.Memory memory(Network network, Optional<NetworkConfig> config) {
        if (config.isEmpty()) {
            return Endpoints.Memory.NONE;
        }
        NetworkConfig settings = config.get();
        return new Endpoints.Memory() {
            @Override
            public Optional<String> recall() {
                return settings.lastGood(network.name());
            }

            @Override
            public void remember(String fingerprint) {
                settings.rememberGood(network.name(), fingerprint);
            }
        };
    }

    private static Endpoint endpoint(Optional<Network> network, List<URI> urls, ConnectionOptions options, Endpoints.Memory memory) {
        Endpoints endpoints = new Endpoints(urls, network.map(Network::name).orElse(""), options.requestTimeout(), memory);
        return new Endpoint(new EndpointNetwork(network, endpoints), endpoints);
    }

    private static Endpoint detect(SessionToken token, ConnectionOptions options, Optional<NetworkConfig> config) {
        List<String> tried = new ArrayList<>();
        for (Network candidate : List.of(Network.MAINNET, Network.SEPOLIA)) {
            Endpoint endpoint = endpoint(Optional.of(candidate), endpointsOf(candidate, config), options, memory(candidate, config));
            boolean found = false;
            try {
                OnChainSession session = OnChainSession.parse(endpoint.endpoints().read((url, rpc) -> rpc.call(
                        CavosAccount.getSession(token.walletAddress(), token.sessionPublicKey()), BlockId.LATEST)));
                found = session.isRegistered();
                if (found) {
                    return endpoint;
                }
                tried.add(candidate.name() + ": not registered");
            } catch (WalletError | xyz.cavos.wallet.starknet.RpcException e) {
                tried.add(candidate.name() + ": " + e.getMessage());
            } finally {
                if (!found) {
                    endpoint.endpoints().close();
                }
            }
        }
        throw ErrorTranslation.networkNotFound(tried);
    }

    static Network networkNamed(String name) {
        return Network.byName(name).orElseThrow(() -> new WalletError(WalletError.Code.INVALID_ARGUMENT,
                "Unknown network \"" + name + "\".", "Known networks: mainnet, sepolia and sandbox.", new NextStep.ChooseNetwork()));
    }

    static List<URI> parseAll(List<String> texts) {
        if (texts.size() > MAX_ENDPOINTS) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "Too many RPC endpoints (" + texts.size() + "); at most "
                    + MAX_ENDPOINTS + " are tried.", "", new NextStep.SetRpcEndpoint(Optional.empty()));
        }
        return List.copyOf(new LinkedHashSet<>(texts.stream().map(EndpointResolver::parseUrl).toList()));
    }

    static URI parseUrl(String text) {
        if (text.length() > MAX_URL_LENGTH) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "An RPC URL is longer than " + MAX_URL_LENGTH + " characters.", "",
                    new NextStep.SetRpcEndpoint(Optional.empty()));
        }
        return asHttpUrl(text).orElseThrow(() -> new WalletError(WalletError.Code.INVALID_ARGUMENT, "The RPC URL is not an http(s) URL"
                + " such as https://api.cartridge.gg/x/starknet/mainnet.", "", new NextStep.SetRpcEndpoint(Optional.empty())));
    }

    /** The text as an http or https URL with a host, or empty when it is not one. */
    static Optional<URI> asHttpUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            boolean http = uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"));
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
