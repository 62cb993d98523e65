package xyz.cavos.wallet.cavos;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/** An ERC-20 the wallet knows by name: symbol, address (same on mainnet and Sepolia), decimals. */
public record Token(String symbol, String name, Felt address, int decimals) {

    public static final Token ETH = new Token("ETH", "Ether",
            Felt.parse("0x049d36570d4e46f48e99674bd3fcc84644ddd6b96f7c741b1562b82f9e004dc7"), 18);
    public static final Token STRK = new Token("STRK", "Starknet Token",
            Felt.parse("0x04718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d"), 18);
    public static final Token USDC = new Token("USDC", "USD Coin",
            Felt.parse("0x053c91253bc9682c04929ca02ed00b3e423f6710d2ee7e0d5ebb06f3ecf368a8"), 6);
    public static final Token USDT = new Token("USDT", "Tether USD",
            Felt.parse("0x068f5c6a61780768455de69077e07e89787839bf8166decfbf92b645209c0fb8"), 6);

    /** The registry, in display order. */
    public static final List<Token> KNOWN = List.of(STRK, ETH, USDC, USDT);

    /** A token by symbol, any case. */
    public static Optional<Token> bySymbol(String symbol) {
        String wanted = symbol.toUpperCase(Locale.ROOT);
        return KNOWN.stream().filter(t -> t.symbol.equals(wanted)).findFirst();
    }

    /** A token by address; addresses compare as numbers. */
    public static Optional<Token> byAddress(Felt address) {
        return KNOWN.stream().filter(t -> t.address.equals(address)).findFirst();
    }

    // Written out, as a record's would be: the generated ones are linked at their first call, which costs a
    // command-line start milliseconds, and every balance read puts tokens in a map.
    @Override
    public boolean equals(Object other) {
        return other instanceof Token that && decimals == that.decimals && Objects.equals(symbol, that.symbol) && Objects.equals(name, that.name)
                && Objects.equals(address, that.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, name, address, decimals);
    }
}
