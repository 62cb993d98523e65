package xyz.cavos.wallet.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.RpcBatch;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.store.TokensFile;

/**
 * Listing, adding and removing tokens, and finding one by symbol or address: the built-in tokens, those a policy
 * names and those added by hand. Adding reads the token's symbol and decimals from its contract, and refuses
 * an address that does not answer as an ERC-20.
 */
final class TokenShelf {

    private final TokenRegistry registry;
    private final EndpointNetwork network;
    private final Endpoints endpoints;
    private final Felt wallet;
    private final Runnable refresh;

    /** {@code refresh} reads the wallet once, which names the tokens a session's policy has. */
    TokenShelf(TokenRegistry registry, EndpointNetwork network, Endpoints endpoints, Felt wallet, Runnable refresh) {
        this.refresh = refresh;
        this.registry = registry;
        this.network = network;
        this.endpoints = endpoints;
        this.wallet = wallet;
    }

    List<WalletToken> list() {
        return registry.list(network.get().chainId(), true);
    }

    WalletToken add(String addressText) {
        Felt address = address(addressText);
        Optional<Token> builtIn = Token.byAddress(address);
        if (builtIn.isPresent()) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, builtIn.get().symbol() + " is built in: it is always listed.",
                    "Give the address of another token.");
        }
        Felt chainId = network.get().chainId();
        TokensFile.Entry read = read(address);
        TokensFile.Entry added = new TokensFile.Entry(address, read.symbol(), read.decimals(), TokensFile.Source.USER);
        registry.change(chainId, entries -> {
            List<TokensFile.Entry> next = new ArrayList<>(entries.stream().filter(e -> !e.address().equals(address)).toList());
            if (next.size() >= TokensFile.MAX_PER_NETWORK) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "At most " + TokensFile.MAX_PER_NETWORK
                        + " tokens are listed per network.", "Remove a token you no longer need first.");
            }
            next.add(added);
            return next;
        });
        return registry.list(chainId, true).stream().filter(t -> t.token().address().equals(address)).findFirst().orElseThrow();
    }

    WalletToken remove(String symbolOrAddress) {
        WalletToken found = find(symbolOrAddress);
        if (found.source() == WalletToken.Source.BUILT_IN) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, found.token().symbol() + " is built in: it is always listed.",
                    "Only tokens added by hand can be removed.");
        }
        if (found.source() == WalletToken.Source.POLICY) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, found.token().symbol() + " is named by a session's spending policy:"
                    + " it stays listed.", "Only tokens added by hand can be removed.");
        }
        Felt address = found.token().address();
        registry.change(network.get().chainId(), entries -> entries.stream().filter(e -> !e.address().equals(address)).toList());
        return found;
    }

    /**
     * A listed token by its symbol (any case; a built-in symbol always means the built-in token) or its address. A
     * symbol two listed tokens share must be given as an address.
     */
    WalletToken find(String symbolOrAddress) {
        try {
            return findListed(symbolOrAddress);
        } catch (WalletError e) {
            if (e.code() != WalletError.Code.UNKNOWN_TOKEN) {
                throw e;
            }
            refresh.run(); // a policy's token not named yet on this computer
            return findListed(symbolOrAddress);
        }
    }

    private WalletToken findListed(String symbolOrAddress) {
        String text = symbolOrAddress == null ? "" : symbolOrAddress.strip();
        List<WalletToken> listed = list();
        Optional<Token> builtIn = Token.bySymbol(text);
        if (builtIn.isPresent()) {
            return listed.stream().filter(t -> t.token().equals(builtIn.get())).findFirst().orElseThrow();
        }
        if (text.startsWith("0x") || text.startsWith("0X") || text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
            Felt address = address(text);
            return listed.stream().filter(t -> t.token().address().equals(address)).findFirst()
                    .orElseThrow(() -> new WalletError(WalletError.Code.UNKNOWN_TOKEN, "The token " + address.toPaddedHex()
                            + " is not listed on " + network.get().name() + ".", "Add it to the wallet's tokens first."));
        }
        String wanted = text.toUpperCase(Locale.ROOT);
        List<WalletToken> named = listed.stream().filter(t -> t.token().name().toUpperCase(Locale.ROOT).equals(wanted)
                || t.token().symbol().toUpperCase(Locale.ROOT).equals(wanted)).toList();
        if (named.size() > 1) {
            throw new WalletError(WalletError.Code.UNKNOWN_TOKEN, "Several listed tokens call themselves "
                    + InvalidValueException.quote(text) + ": " + named.stream().map(t -> t.token().address().toPaddedHex())
                    .collect(Collectors.joining(", ")) + ".", "Give the token's address.");
        }
        return named.stream().findFirst().orElseThrow(() -> new WalletError(WalletError.Code.UNKNOWN_TOKEN, "Unknown token "
                + InvalidValueException.quote(text) + ".", "Use one of " + listed.stream().filter(t -> !t.lookalike())
                .map(t -> t.token().symbol()).collect(Collectors.joining(", ")) + ", or a listed token's address."));
    }

    /** The symbol and decimals the contract gives, read in one batch with the wallet's balance (which an ERC-20 answers too). */
    private TokensFile.Entry read(Felt address) {
        SnapshotReader.MetadataReads reads = endpoints.read((url, rpc) -> {
            RpcBatch batch = rpc.newBatch();
            SnapshotReader.MetadataReads asked = SnapshotReader.MetadataReads.add(batch, address, wallet, SnapshotReader.tag(url));
            batch.send();
            return asked;
        });
        try {
            reads.symbol().get();
            reads.decimals().get();
            reads.balanceOf().get();
        } catch (RpcException.NodeError e) {
            throw ErrorTranslation.notAToken(address, e.is(StarknetErrorCode.CONTRACT_NOT_FOUND)
                    ? "no contract is deployed there on " + network.get().name()
                    : "it does not answer symbol(), decimals() and balanceOf() as an ERC-20 does");
        }
        if (reads.balance().isEmpty()) {
            throw ErrorTranslation.notAToken(address, "its balanceOf() does not return an amount");
        }
        try {
            return new TokensFile.Entry(address, xyz.cavos.wallet.cavos.TokenMetadata.symbol(reads.symbol().get()),
                    xyz.cavos.wallet.cavos.TokenMetadata.decimals(reads.decimals().get()), TokensFile.Source.USER);
        } catch (IllegalArgumentException e) {
            throw ErrorTranslation.notAToken(address, e.getMessage());
        }
    }

    private static Felt address(String text) {
        try {
            Felt address = Felt.parse("Token address", text == null ? "" : text.strip());
            if (address.isZero()) {
                throw new WalletError(WalletError.Code.INVALID_ADDRESS, "A token's address is not zero.", "Check the address.");
            }
            return address;
        } catch (InvalidValueException e) {
            throw new WalletError(WalletError.Code.INVALID_ADDRESS, e.getMessage() + ".", "Give the token's address in hex (0x…).");
        }
    }
}
