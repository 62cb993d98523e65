package xyz.cavos.wallet.cavos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/**
 * What a session may do: which contracts it may call (empty: any), how much of each token it may move
 * with {@code transfer} and {@code approve} over its life (empty: unlimited), how many calls a
 * transaction may carry.
 */
public record SessionPolicy(List<Felt> allowedContracts, List<SpendingLimit> spendingLimits, int maxCallsPerTx) {

    /** What the Cavos SDK registers for a session exported without a policy. */
    public static final SessionPolicy SDK_DEFAULT = new SessionPolicy(List.of(), List.of(), 10);

    public SessionPolicy {
        allowedContracts = List.copyOf(allowedContracts);
        spendingLimits = List.copyOf(spendingLimits);
        if (maxCallsPerTx < 0) {
            throw new IllegalArgumentException("maxCallsPerTx must not be negative");
        }
    }

    public AllowList allowList() {
        return AllowList.of(allowedContracts);
    }

    /** The on-chain root of the allowed contracts, zero for no restriction. */
    public Felt allowedContractsRoot() {
        return allowList().root();
    }

    public boolean restrictsContracts() {
        return !allowedContracts.isEmpty();
    }

    public boolean hasSpendingLimits() {
        return !spendingLimits.isEmpty();
    }

    public Optional<SpendingLimit> limitFor(Felt token) {
        return spendingLimits.stream().filter(l -> l.token().equals(token)).findFirst();
    }

    /** The flat {@code [token, limit_low, limit_high]*} form the account stores and renewal sends. */
    public List<Felt> spendingPoliciesFelts() {
        List<Felt> out = new ArrayList<>();
        for (SpendingLimit limit : spendingLimits) {
            out.add(limit.token());
            out.addAll(limit.limit().toCalldata());
        }
        return List.copyOf(out);
    }
}
