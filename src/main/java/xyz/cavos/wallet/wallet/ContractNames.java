package xyz.cavos.wallet.wallet;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;

/** Addresses as people read them: a known token's symbol or the network's name for a contract, with a short address. */
record ContractNames(Network network, List<Token> tokens) {

    /** Names with only the built-in tokens. */
    ContractNames(Network network) {
        this(network, Token.KNOWN);
    }

    String of(Felt address) {
        return knownAs(address).map(name -> name + " (" + shortHex(address) + ")").orElse(address.toHex());
    }

    String list(List<Felt> addresses) {
        return addresses.stream().map(this::of).collect(Collectors.joining(", "));
    }

    Optional<String> knownAs(Felt address) {
        return tokens.stream().filter(t -> t.address().equals(address)).findFirst().map(Token::symbol).or(() -> Optional.ofNullable(network.contractNames().get(address)));
    }

    private static String shortHex(Felt address) {
        String hex = address.toPaddedHex();
        return hex.substring(0, 8) + "…" + hex.substring(hex.length() - 4);
    }

    /** A chain id by its network's name, else as the short string it usually is, else in hex. */
    static String describeChain(Felt chainId) {
        return Network.byChainId(chainId).map(Network::name).orElseGet(() -> {
            try {
                return chainId.toShortString();
            } catch (IllegalArgumentException e) {
                return chainId.toHex();
            }
        });
    }
}
