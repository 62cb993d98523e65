package xyz.cavos.wallet.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import xyz.cavos.wallet.starknet.Felt;

/**
 * What Cavos Desktop keeps outside the keychain about one session, none of it secret: where the token is stored, the
 * network and RPC URL chosen at import, the wallet and session public key; and what all sessions share: how many calls this
 * installation sent per session (the chain does not count them), and the session keys it revoked (a key
 * revoked on chain reads like one never registered; this record tells the two apart), and which key it
 * renewed into which (renewing does not end the old key, so a key must not be renewed twice by accident).
 */
public record Settings(
        String store,
        Optional<String> network,
        Optional<String> rpcUrl,
        Optional<Felt> walletAddress,
        Optional<Felt> sessionPublicKey,
        Map<Felt, Long> callsMade,
        Set<Felt> revokedKeys,
        Map<Felt, Felt> renewals) {

    public static final Settings EMPTY = new Settings("keychain", Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Map.of(), Set.of(), Map.of());

    public Settings {
        callsMade = Map.copyOf(callsMade);
        revokedKeys = Set.copyOf(revokedKeys);
        renewals = Map.copyOf(renewals);
    }

    /** The key this installation renewed {@code sessionKey} into, if it did. */
    public Optional<Felt> renewedInto(Felt sessionKey) {
        return Optional.ofNullable(renewals.get(sessionKey));
    }

    /** The keys renewed, one into the next, up to {@code sessionKey}: oldest first, {@code sessionKey} left out. */
    public List<Felt> renewedFrom(Felt sessionKey) {
        Map<Felt, Felt> renewedFrom = new HashMap<>();
        renewals.forEach((old, renewed) -> renewedFrom.put(renewed, old));
        List<Felt> chain = new ArrayList<>();
        for (Felt before = renewedFrom.get(sessionKey); before != null && !chain.contains(before) && !before.equals(sessionKey);
                before = renewedFrom.get(before)) {
            chain.addFirst(before);
        }
        return chain;
    }

    public boolean revokedHere(Felt sessionKey) {
        return revokedKeys.contains(sessionKey);
    }

    public long callsMade(Felt sessionKey) {
        return callsMade.getOrDefault(sessionKey, 0L);
    }
}
