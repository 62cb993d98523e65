package xyz.cavos.wallet.wallet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.store.StoreException;
import xyz.cavos.wallet.store.TokensFile;

/**
 * The tokens the wallet knows on a network: the built-in ones, then those remembered in {@code tokens.json} (named by a
 * policy or added by hand), with the symbol and decimals their contracts gave. Without a config folder they are
 * remembered for this process only. A remembered symbol that another listed token has too is shown with a short address.
 */
final class TokenRegistry {

    /** Entries kept in memory when there is no config folder, per chain id. */
    private final Map<Felt, List<TokensFile.Entry>> memory = new ConcurrentHashMap<>();
    /** Addresses whose metadata could not be read in this process: not asked again at every refresh. */
    private final Set<Felt> unreadable = ConcurrentHashMap.newKeySet();
    private final Optional<TokensFile> file;

    TokenRegistry(Optional<Path> home) {
        this.file = home.map(TokensFile::in);
    }

    /** The remembered entries for a network; a file that cannot be read leaves the built-in tokens alone, unless {@code strict}. */
    List<TokensFile.Entry> entries(Felt chainId, boolean strict) {
        if (file.isEmpty()) {
            return memory.getOrDefault(chainId, List.of());
        }
        try {
            return file.get().read(chainId);
        } catch (StoreException e) {
            if (strict) {
                throw ErrorTranslation.stored(e);
            }
            return List.of();
        }
    }

    /** Every token listed on the network: the built-in ones first, then the remembered ones in the order they came. */
    List<WalletToken> list(Felt chainId, boolean strict) {
        List<WalletToken> out = new ArrayList<>();
        Token.KNOWN.forEach(t -> out.add(new WalletToken(t, WalletToken.Source.BUILT_IN, false)));
        List<TokensFile.Entry> entries = entries(chainId, strict).stream().filter(e -> Token.byAddress(e.address()).isEmpty()).toList();
        Map<String, Integer> bySymbol = new HashMap<>();
        Token.KNOWN.forEach(t -> bySymbol.merge(key(t.symbol()), 1, Integer::sum));
        entries.forEach(e -> bySymbol.merge(key(e.symbol()), 1, Integer::sum));
        for (TokensFile.Entry e : entries) {
            // a symbol shared with another token, or written with letters beyond ASCII (a Cyrillic С for a C), may pass for another
            boolean lookalike = bySymbol.get(key(e.symbol())) > 1 || !e.symbol().chars().allMatch(c -> c >= 0x20 && c < 0x7f);
            out.add(new WalletToken(token(e, lookalike), e.source() == TokensFile.Source.USER ? WalletToken.Source.ADDED
                    : WalletToken.Source.POLICY, lookalike));
        }
        return out;
    }

    /** The tokens of {@link #list}, as tokens. */
    List<Token> tokens(Felt chainId) {
        return list(chainId, false).stream().map(WalletToken::token).toList();
    }

    /** Remembers tokens found in a policy; those already listed keep their entry. Never fails: the next refresh asks again. */
    void rememberFromPolicy(Felt chainId, List<TokensFile.Entry> found) {
        if (found.isEmpty()) {
            return;
        }
        try {
            change(chainId, entries -> {
                List<TokensFile.Entry> next = new ArrayList<>(entries);
                for (TokensFile.Entry e : found) {
                    if (next.stream().noneMatch(k -> k.address().equals(e.address())) && next.size() < TokensFile.MAX_PER_NETWORK) {
                        next.add(e);
                    }
                }
                return next;
            });
        } catch (StoreException | WalletError e) {
            // only the metadata reads are repeated on the next refresh
        }
    }

    /** Changes one network's entries. */
    List<TokensFile.Entry> change(Felt chainId, java.util.function.UnaryOperator<List<TokensFile.Entry>> edit) {
        if (file.isEmpty()) {
            return memory.compute(chainId, (k, v) -> List.copyOf(edit.apply(v == null ? List.of() : v)));
        }
        try {
            return file.get().change(chainId, edit);
        } catch (StoreException e) {
            throw ErrorTranslation.stored(e);
        }
    }

    boolean unreadable(Felt address) {
        return unreadable.contains(address);
    }

    void markUnreadable(Felt address) {
        unreadable.add(address);
    }

    /** A remembered token as the wallet shows it: a look-alike symbol carries a short address. */
    static Token token(TokensFile.Entry e, boolean lookalike) {
        String shown = lookalike ? e.symbol() + " (" + CallSummary.shortHex(e.address()) + ")" : e.symbol();
        return new Token(shown, e.symbol(), e.address(), e.decimals());
    }

    private static String key(String symbol) {
        return symbol.toUpperCase(Locale.ROOT);
    }
}
