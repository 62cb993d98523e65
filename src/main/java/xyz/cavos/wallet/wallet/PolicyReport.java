package xyz.cavos.wallet.wallet;

import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.U256;

/** The session's policy with its usage, and what the dashboard warns about. */
final class PolicyReport {

    private PolicyReport() {
    }

    static PolicyUsage of(SessionToken token, WalletSnapshot snapshot, ContractNames names) {
        SessionPolicy policy = token.effectivePolicy();
        List<SpendingUsage> limits = policy.spendingLimits().stream()
                .map(l -> new SpendingUsage(l.token(), Token.byAddress(l.token()), snapshot.spent().getOrDefault(l.token(), U256.ZERO), l.limit()))
                .toList();
        List<PolicyUsage.AllowedContract> allowed = policy.allowedContracts().stream()
                .map(a -> new PolicyUsage.AllowedContract(a, names.of(a), names.knownAs(a))).toList();
        long seconds = token.validUntil() - token.validAfter();
        List<String> warnings = new ArrayList<>(tokenWarnings(token));
        if (snapshot.session().isRegistered()) {
            if (!snapshot.session().allowedContractsRoot().equals(policy.allowedContractsRoot())) {
                warnings.add("The allowed contracts in this token differ from the ones registered on chain: export the session again.");
            }
            if (snapshot.session().maxCallsPerTx() != policy.maxCallsPerTx()) {
                warnings.add("The chain allows " + snapshot.session().maxCallsPerTx() + " calls per transaction, the token says "
                        + policy.maxCallsPerTx() + ".");
            }
        }
        long maxCalls = snapshot.session().isRegistered() ? snapshot.session().maxCallsPerTx() : policy.maxCallsPerTx();
        return new PolicyUsage(limits, allowed, maxCalls, seconds, warnings);
    }

    /**
     * What the dashboard warns about, from the token alone: no spending limits, no allow-list, a session
     * longer than 24 hours (the dashboard backdates the start by an hour, which is not counted).
     */
    static List<String> tokenWarnings(SessionToken token) {
        SessionPolicy policy = token.effectivePolicy();
        List<String> warnings = new ArrayList<>();
        if (!policy.hasSpendingLimits()) {
            warnings.add("No spending limits: unlimited transfers allowed.");
        }
        if (!policy.restrictsContracts()) {
            warnings.add("No contract allow-list: the session may call any contract.");
        }
        long seconds = token.validUntil() - token.validAfter();
        if (seconds > 25 * 3600) {
            warnings.add("The session lives longer than 24 hours (" + (seconds / 3600) + " h): prefer short sessions.");
        }
        return warnings;
    }
}
