package xyz.cavos.wallet.wallet;

import java.util.List;
import java.util.Map;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/**
 * The keys this installation renewed, one into the next, up to the current one (oldest first, the current
 * key left out), and what they spent per token. Renewing does not end the old key and brings a fresh
 * allowance, so the spending of the whole chain is what the person has really spent.
 */
public record RenewalChain(List<Felt> earlierKeys, Map<Felt, U256> spentEarlier) {

    public static final RenewalChain NONE = new RenewalChain(List.of(), Map.of());

    public RenewalChain {
        earlierKeys = List.copyOf(earlierKeys);
        spentEarlier = Map.copyOf(spentEarlier);
    }

    /** What the earlier keys and {@code spentNow} (the current key's) add up to for a token. */
    public U256 sinceFirstExport(Felt token, U256 spentNow) {
        return spentEarlier.getOrDefault(token, U256.ZERO).add(spentNow);
    }

    public int renewals() {
        return earlierKeys.size();
    }
}
