package xyz.cavos.wallet.wallet;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/**
 * Everything the wallet shows, read in one JSON-RPC batch: chain time (the timestamp the next block will
 * carry), balances, the session as stored on chain, what it spent per limited token, whether it was
 * revoked, and the account nonce; {@code blockTag} says which block the figures are from
 * ({@code pre_confirmed}, or {@code latest} where the provider answers only that); {@code policy} is the
 * policy the account enforces, from its storage; {@code renewals} what the keys this one was renewed from spent;
 * {@code tokens} the tokens the wallet knows on this network (built in, named by the policy, added by hand), with the
 * symbols and decimals their contracts gave.
 */
public record WalletSnapshot(
        Network network,
        long blockNumber,
        long chainTime,
        List<Balance> balances,
        OnChainSession session,
        Map<Felt, U256> spent,
        Optional<String> revocation,
        Felt nonce,
        long callsMade,
        String blockTag,
        ChainPolicy policy,
        RenewalChain renewals,
        List<Token> tokens) {

    public WalletSnapshot {
        balances = List.copyOf(balances);
        spent = Map.copyOf(spent);
        tokens = List.copyOf(tokens);
    }

    /** A snapshot that knows only the built-in tokens. */
    public WalletSnapshot(Network network, long blockNumber, long chainTime, List<Balance> balances, OnChainSession session,
            Map<Felt, U256> spent, Optional<String> revocation, Felt nonce, long callsMade, String blockTag, ChainPolicy policy,
            RenewalChain renewals) {
        this(network, blockNumber, chainTime, balances, session, spent, revocation, nonce, callsMade, blockTag, policy, renewals,
                Token.KNOWN);
    }

    /** A token the wallet knows on this network, by address. */
    public Optional<Token> token(Felt address) {
        return tokens.stream().filter(t -> t.address().equals(address)).findFirst();
    }

    public Optional<Balance> balance(Felt token) {
        return balances.stream().filter(b -> b.token().address().equals(token)).findFirst();
    }
}
