package xyz.cavos.wallet.store;

import java.util.Map;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/**
 * What Cavos Desktop keeps outside the keychain, none of it secret: where the token is stored, the
 * network and RPC URL chosen at import, the wallet and session public key, and how many calls this
 * installation sent per session (the chain does not count them).
 */
public record Settings(
        String store,
        Optional<String> network,
        Optional<String> rpcUrl,
        Optional<Felt> walletAddress,
        Optional<Felt> sessionPublicKey,
        Map<Felt, Long> callsMade) {

    public static final Settings EMPTY = new Settings("keychain", Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Map.of());

    public Settings {
        callsMade = Map.copyOf(callsMade);
    }

    public long callsMade(Felt sessionKey) {
        return callsMade.getOrDefault(sessionKey, 0L);
    }
}
