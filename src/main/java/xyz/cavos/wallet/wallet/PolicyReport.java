package xyz.cavos.wallet.wallet;

import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.starknet.U256;

/**
 * The session's policy with its usage, as the account enforces it (read from its storage), and what differs
 * from the token's copy. A session the chain does not know has only the token's policy to show.
 */
final class PolicyReport {

    private PolicyReport() {
    }

    static PolicyUsage of(SessionToken token, WalletSnapshot snapshot, ContractNames names) {
        SessionPolicy exported = token.effectivePolicy();
        ChainPolicy chain = snapshot.policy();
        boolean onChain = snapshot.session().isRegistered();
        List<SpendingLimit> enforced = onChain ? chain.enforcedLimits() : exported.spendingLimits();
        List<SpendingUsage> limits = enforced.stream()
                .map(l -> new SpendingUsage(l.token(), snapshot.token(l.token()), snapshot.spent().getOrDefault(l.token(), U256.ZERO), l.limit()))
                .toList();
        boolean restricted = onChain ? !chain.allowedContractsRoot().isZero() : exported.restrictsContracts();
        boolean listed = !onChain || exported.allowList().root().equals(chain.allowedContractsRoot());
        List<PolicyUsage.AllowedContract> allowed = restricted && listed ? exported.allowedContracts().stream()
                .map(a -> new PolicyUsage.AllowedContract(a, names.of(a), names.knownAs(a))).toList() : List.of();
        long maxCalls = onChain ? chain.maxCallsPerTx() : exported.maxCallsPerTx();

        List<String> warnings = dashboardWarnings(!enforced.isEmpty(), restricted, token);
        chain.notReadable().ifPresent(why -> warnings.add("Policy not readable from chain: " + why
                + ". The limits shown are the token's copy, which may be out of date."));
        if (onChain && chain.fromStorage()) {
            warnings.addAll(differences(exported, chain, restricted, listed, names, snapshot));
        }
        return new PolicyUsage(limits, allowed, maxCalls, token.validUntil() - token.validAfter(), warnings, onChain && chain.fromStorage(),
                restricted, snapshot.renewals());
    }

    private static List<String> differences(SessionPolicy exported, ChainPolicy chain, boolean restricted, boolean listed, ContractNames names,
            WalletSnapshot snapshot) {
        List<String> warnings = new ArrayList<>();
        if (restricted && !listed) {
            warnings.add("The chain allows this session a list of contracts this token does not have: export the session again "
                    + "to call them.");
        } else if (!restricted && exported.restrictsContracts()) {
            warnings.add("This token lists allowed contracts, but the chain lets the session call any contract.");
        }
        if (!exported.spendingLimits().equals(chain.spendingLimits())) {
            warnings.add("This token's spending limits differ from the ones registered on chain: the chain's are shown, "
                    + "and they are the ones enforced.");
        }
        if (exported.maxCallsPerTx() != chain.maxCallsPerTx()) {
            warnings.add("The chain allows " + chain.maxCallsPerTx() + " calls per transaction, the token says " + exported.maxCallsPerTx() + ".");
        }
        for (SpendingLimit shadowed : chain.shadowedLimits()) {
            SpendingUsage usage = new SpendingUsage(shadowed.token(), snapshot.token(shadowed.token()), U256.ZERO, shadowed.limit());
            warnings.add("The account enforces only the first limit on " + names.of(shadowed.token()) + "; a later one of "
                    + Amounts.exact(shadowed.limit(), usage.decimals()) + " " + usage.symbol() + " never applies.");
        }
        return warnings;
    }

    /**
     * What the dashboard warns about, from the token alone: no spending limits, no allow-list, a session
     * longer than 24 hours (the dashboard backdates the start by an hour, which is not counted).
     */
    static List<String> tokenWarnings(SessionToken token) {
        SessionPolicy policy = token.effectivePolicy();
        return dashboardWarnings(policy.hasSpendingLimits(), policy.restrictsContracts(), token);
    }

    /** The dashboard's warnings for a policy with or without limits and an allow-list, and for the token's lifetime. */
    private static List<String> dashboardWarnings(boolean limited, boolean restricted, SessionToken token) {
        List<String> warnings = new ArrayList<>();
        if (!limited) {
            warnings.add("No spending limits: unlimited transfers allowed.");
        }
        if (!restricted) {
            warnings.add("No contract allow-list: the session may call any contract.");
        }
        long seconds = token.validUntil() - token.validAfter();
        if (seconds > 25 * 3600) {
            warnings.add("The session lives longer than 24 hours (" + (seconds / 3600) + " h): prefer short sessions.");
        }
        return warnings;
    }
}
