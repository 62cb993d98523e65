package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcClient;

/**
 * The network an endpoint serves. When the person named only a URL, it is named from the chain id the first
 * read's batch carries, so that read stays one round trip; asked before any read, it asks the node.
 */
final class EndpointNetwork {

    private final URI url;
    private final RpcClient rpc;
    private volatile Network network;

    EndpointNetwork(Optional<Network> named, URI url, RpcClient rpc) {
        this.network = named.orElse(null);
        this.url = url;
        this.rpc = rpc;
    }

    /** Whether the network was named before anything was read from the endpoint. */
    boolean isNamed() {
        return network != null;
    }

    Network get() {
        Network known = network;
        return known != null ? known : learn(ErrorTranslation.guard(url, rpc::chainId));
    }

    /** Names the network from the endpoint's chain id, once. */
    synchronized Network learn(Felt chainId) {
        if (network == null) {
            network = Network.byChainId(chainId).orElse(Network.custom(chainId, url));
        }
        return network;
    }
}
