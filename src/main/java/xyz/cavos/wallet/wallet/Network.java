package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/**
 * A Starknet network the wallet knows: its chain id, a default RPC endpoint (public, overridable with
 * {@code --rpc-url} or {@code CAVOS_RPC_URL}) and its explorer.
 */
public record Network(String name, Felt chainId, URI defaultRpcUrl, Optional<String> explorerTxPrefix,
        Map<Felt, String> contractNames) {

    public static final Network MAINNET = new Network("mainnet", Felt.fromShortString("SN_MAIN"),
            URI.create("https://rpc.starknet.lava.build/rpc/v0_10"), Optional.of("https://voyager.online/tx/"), Map.of());
    public static final Network SEPOLIA = new Network("sepolia", Felt.fromShortString("SN_SEPOLIA"),
            URI.create("https://rpc.starknet-testnet.lava.build/rpc/v0_10"), Optional.of("https://sepolia.voyager.online/tx/"),
            Map.of());
    /** The local sandbox ({@code cavos sandbox start}); its demo swap contract has a name. */
    public static final Network SANDBOX = new Network("sandbox", Felt.fromShortString("SN_CAVOS_SANDBOX"),
            URI.create("http://127.0.0.1:5050/rpc/v0_10"), Optional.empty(),
            Map.of(Felt.parse("0x5a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7"), "Demo swap"));

    public Network {
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
        return new Network(name, chainId, rpcUrl, Optional.empty(), Map.of());
    }

    public Optional<String> explorerLink(Felt transactionHash) {
        return explorerTxPrefix.map(prefix -> prefix + transactionHash.toPaddedHex());
    }
}
