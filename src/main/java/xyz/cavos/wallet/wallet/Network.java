package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/**
 * A Starknet network the wallet knows: its chain id, its default RPC endpoints in the order they are tried
 * (keyless public ones; public endpoints come and go, so the person's own list in the settings replaces
 * them) and its explorer.
 */
public record Network(String name, Felt chainId, List<URI> defaultRpcUrls, Optional<String> explorerTxPrefix,
        Map<Felt, String> contractNames) {

    /** Cartridge first (spec 0.10, batches, no key), then Nethermind's free Juno and dRPC's public endpoint. */
    public static final Network MAINNET = new Network("mainnet", Felt.fromShortString("SN_MAIN"), List.of(
            URI.create("https://api.cartridge.gg/x/starknet/mainnet"),
            URI.create("https://free-rpc.nethermind.io/mainnet-juno/rpc/v0_10"),
            URI.create("https://starknet.drpc.org")), Optional.of("https://voyager.online/tx/"), Map.of());
    public static final Network SEPOLIA = new Network("sepolia", Felt.fromShortString("SN_SEPOLIA"), List.of(
            URI.create("https://api.cartridge.gg/x/starknet/sepolia"),
            URI.create("https://free-rpc.nethermind.io/sepolia-juno/rpc/v0_10"),
            URI.create("https://starknet-sepolia.drpc.org")), Optional.of("https://sepolia.voyager.online/tx/"), Map.of());
    /** The local sandbox ({@code cavos sandbox start}); its demo swap contract has a name. */
    public static final Network SANDBOX = new Network("sandbox", Felt.fromShortString("SN_CAVOS_SANDBOX"),
            List.of(URI.create("http://127.0.0.1:5050/rpc/v0_10")), Optional.empty(),
            Map.of(Felt.parse("0x5a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7"), "Demo swap"));

    public Network {
        defaultRpcUrls = List.copyOf(defaultRpcUrls);
        contractNames = Map.copyOf(contractNames);
    }

    public static final List<Network> KNOWN = List.of(MAINNET, SEPOLIA, SANDBOX);

    public static Optional<Network> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(n -> n.name.equals(wanted)).findFirst();
    }

    public static Optional<Network> byChainId(Felt chainId) {
        return KNOWN.stream().filter(n -> n.chainId.equals(chainId)).findFirst();
    }

    /** A network known only by its chain id (a devnet, an appchain): no defaults, no explorer. */
    public static Network custom(Felt chainId, URI rpcUrl) {
        String name;
        try {
            name = chainId.toShortString();
        } catch (IllegalArgumentException e) {
            name = chainId.toHex();
        }
        return new Network(name, chainId, List.of(rpcUrl), Optional.empty(), Map.of());
    }

    public Optional<String> explorerLink(Felt transactionHash) {
        return explorerTxPrefix.map(prefix -> prefix + transactionHash.toPaddedHex());
    }
}
