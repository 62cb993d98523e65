package xyz.cavos.wallet.wallet;

import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/**
 * The network the endpoints serve. When the person named only URLs, it is named from the chain id the first
 * read's batch carries, so that read stays one round trip; asked before any read, it asks the endpoints.
 */
final class EndpointNetwork {

    private final Endpoints endpoints;
    private volatile Network network;

    EndpointNetwork(Optional<Network> named, Endpoints endpoints) {
        this.network = named.orElse(null);
        this.endpoints = endpoints;
    }

    /** Whether the network was named before anything was read from the endpoint. */
    boolean isNamed() {
        return network != null;
    }

    Network get() {
        Network known = network;
        return known != null ? known : learn(endpoints.read((url, rpc) -> rpc.chainId()));
    }

    /** Names the network from the endpoint's chain id, once. */
    synchronized Network learn(Felt chainId) {
        if (network == null) {
            network = Network.byChainId(chainId).orElse(Network.custom(chainId, endpoints.currentUrl()));
        }
        return network;
    }
}
