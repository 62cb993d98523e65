package xyz.cavos.wallet.wallet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.starknet.Felt;

/**
 * The session's policy as the account enforces it: the allow-list root, calls per transaction and the
 * spending limits, read from the account's storage. Where the storage cannot be read as the Cavos v3 layout
 * (another class, a provider that refuses storage reads, a disagreement with {@code get_session}), the root
 * and max calls come from {@code get_session} and the limits from the token, and {@code fromStorage} is false.
 */
public record ChainPolicy(Felt allowedContractsRoot, long maxCallsPerTx, List<SpendingLimit> spendingLimits, boolean fromStorage,
        Optional<String> notReadable) {

    public ChainPolicy {
        spendingLimits = List.copyOf(spendingLimits);
    }

    /** The limit the account enforces for a token: the first policy that names it. */
    public Optional<SpendingLimit> limitFor(Felt token) {
        return spendingLimits.stream().filter(l -> l.token().equals(token)).findFirst();
    }

    /** Whether the account counts {@code transfer} and {@code approve} at all (only when it has a policy). */
    public boolean hasSpendingLimits() {
        return !spendingLimits.isEmpty();
    }

    /** The limits the account never reaches, because an earlier policy names the same token. */
    public List<SpendingLimit> shadowedLimits() {
        return split(false);
    }

    /** The limits the account enforces, one per token, in the account's order. */
    public List<SpendingLimit> enforcedLimits() {
        return split(true);
    }

    private List<SpendingLimit> split(boolean enforced) {
        Set<Felt> seen = new HashSet<>();
        List<SpendingLimit> out = new ArrayList<>();
        for (SpendingLimit limit : spendingLimits) {
            if (seen.add(limit.token()) == enforced) {
                out.add(limit);
            }
        }
        return out;
    }
}
