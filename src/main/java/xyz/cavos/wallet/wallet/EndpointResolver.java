package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.store.SessionStore;

/**
 * Which network a session is on and which endpoint to reach it by: the options (flag, then environment), else
 * the token's hints, else what was stored at import for this session, else the first of mainnet and Sepolia
 * where the session is registered.
 */
final class EndpointResolver {

    /** A network (named now, or from the first read when only a URL was given) with a client for one of its endpoints. */
    record Endpoint(EndpointNetwork network, URI url, RpcClient rpc) {
    }

    private EndpointResolver() {
    }

    static Endpoint resolve(SessionToken token, ConnectionOptions options, Optional<SessionStore> store) {
        Choice choice = Choice.of(options.network(), options.rpcUrl())
                .orElse(() -> Choice.hint(token.network(), token.rpcUrl()).withChainId(token.chainId()))
                .orElse(() -> store.map(SessionStore::settings)
                        .filter(settings -> settings.sessionPublicKey().filter(token.sessionPublicKey()::equals).isPresent())
                        .map(settings -> Choice.hint(settings.network(), settings.rpcUrl()))
                        .orElse(Choice.NONE));
        if (choice.isEmpty()) {
            return detect(token, options);
        }
        URI url = choice.url().or(() -> choice.network().map(Network::defaultRpcUrl)).orElseThrow();
        RpcClient client = client(url, options);
        return new Endpoint(new EndpointNetwork(choice.network(), url, client), url, client);
    }

    /** One source's say on the network and RPC URL; the first source that says anything wins. */
    private record Choice(Optional<Network> network, Optional<URI> url) {
        static final Choice NONE = new Choice(Optional.empty(), Optional.empty());

        /** What the user asked for: an unknown network name is an error. */
        static Choice of(Optional<String> network, Optional<String> url) {
            return new Choice(network.map(EndpointResolver::networkNamed), url.map(EndpointResolver::parseUrl));
        }

        /** A hint from the token or the settings: a network name the wallet does not know is ignored. */
        static Choice hint(Optional<String> network, Optional<String> url) {
            return new Choice(network.flatMap(Network::byName), url.map(EndpointResolver::parseUrl));
        }

        Choice withChainId(Optional<Felt> chainId) {
            return network.isPresent() ? this : new Choice(chainId.flatMap(Network::byChainId), url);
        }

        boolean isEmpty() {
            return network.isEmpty() && url.isEmpty();
        }

        Choice orElse(Supplier<Choice> next) {
            return isEmpty() ? next.get() : this;
        }
    }

    private static Endpoint detect(SessionToken token, ConnectionOptions options) {
        List<String> tried = new ArrayList<>();
        for (Network candidate : List.of(Network.MAINNET, Network.SEPOLIA)) {
            RpcClient client = client(candidate.defaultRpcUrl(), options);
            try {
                OnChainSession session = OnChainSession.parse(client.call(
                        CavosAccount.getSession(token.walletAddress(), token.sessionPublicKey()), BlockId.LATEST));
                if (session.isRegistered()) {
                    return new Endpoint(new EndpointNetwork(Optional.of(candidate), candidate.defaultRpcUrl(), client),
                            candidate.defaultRpcUrl(), client);
                }
                tried.add(candidate.name() + ": not registered");
            } catch (RpcException e) {
                tried.add(candidate.name() + ": " + e.getMessage());
            }
            client.close();
        }
        throw ErrorTranslation.networkNotFound(tried);
    }

    private static RpcClient client(URI endpoint, ConnectionOptions options) {
        try {
            return RpcClient.builder(endpoint).requestTimeout(options.requestTimeout()).build();
        } catch (IllegalArgumentException e) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, e.getMessage(), "", new NextStep.SetRpcEndpoint(Optional.empty()));
        }
    }

    private static Network networkNamed(String name) {
        return Network.byName(name).orElseThrow(() -> new WalletError(WalletError.Code.INVALID_ARGUMENT,
                "Unknown network \"" + name + "\".", "Known networks: mainnet, sepolia and sandbox.", new NextStep.ChooseNetwork()));
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The RPC URL is not an http(s) URL.", "",
                    new NextStep.SetRpcEndpoint(Optional.empty()));
        }
    }
}
