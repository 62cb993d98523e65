package xyz.cavos.wallet.cavos;

import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Poseidon;
import xyz.cavos.wallet.starknet.Selector;

/** The Cavos account contract's session entry points: selectors, calldata, events. */
public final class CavosAccount {

    public static final Felt GET_SESSION = Selector.of("get_session");
    public static final Felt GET_SESSION_SPENDING = Selector.of("get_session_spending");
    public static final Felt GET_VERSION = Selector.of("get_version");
    public static final Felt RENEW_SESSION = Selector.of("renew_session");
    public static final Felt REVOKE_SESSION = Selector.of("revoke_session");
    public static final Felt EMERGENCY_REVOKE = Selector.of("emergency_revoke");
    public static final Felt UPGRADE = Selector.of("upgrade");

    public static final Felt SESSION_REGISTERED = Selector.of("SessionRegistered");
    public static final Felt SESSION_REVOKED = Selector.of("SessionRevoked");
    public static final Felt ALL_SESSIONS_REVOKED = Selector.of("AllSessionsRevoked");
    public static final Felt TRANSACTION_EXECUTED = Selector.of("TransactionExecuted");

    /** The contract class (version 3) the Cavos SDK deploys and upgrades accounts to. */
    public static final Felt CLASS_HASH = Felt.parse("0x44da9541701ddd2f9ff59be13f7ef10d41577f6a828b41ff1931109faf2b984");
    /** The renewal grace period the account grants sessions registered by the dashboard. */
    public static final long RENEWAL_GRACE_SECONDS = 172_800;

    private CavosAccount() {
    }

    public static Call getSession(Felt account, Felt sessionKey) {
        return new Call(account, GET_SESSION, List.of(sessionKey));
    }

    public static Call getSessionSpending(Felt account, Felt sessionKey, Felt token) {
        return new Call(account, GET_SESSION_SPENDING, List.of(sessionKey, token));
    }

    public static Call revokeSession(Felt account, Felt sessionKey) {
        return new Call(account, REVOKE_SESSION, List.of(sessionKey));
    }

    public static Call emergencyRevoke(Felt account) {
        return new Call(account, EMERGENCY_REVOKE, List.of());
    }

    /** A renewal: the new session's parameters, signed by the old session's key. */
    public record Renewal(
            Felt oldSessionKey,
            Felt signatureR,
            Felt signatureS,
            Felt newSessionKey,
            Felt newNonce,
            long newValidAfter,
            long newValidUntil,
            long newRenewalDeadline,
            Felt newAllowedContractsRoot,
            long newMaxCallsPerTx,
            List<SpendingLimit> newSpendingLimits) {

        public Renewal {
            newSpendingLimits = List.copyOf(newSpendingLimits);
        }
    }

    /** What the old key signs: Poseidon(new key, nonce, valid after, valid until, deadline, root, max calls). */
    public static Felt renewalMessage(Felt newSessionKey, Felt newNonce, long validAfter, long validUntil,
            long renewalDeadline, Felt allowedContractsRoot, long maxCallsPerTx) {
        return Poseidon.hashMany(newSessionKey, newNonce, Felt.of(validAfter), Felt.of(validUntil),
                Felt.of(renewalDeadline), allowedContractsRoot, Felt.of(maxCallsPerTx));
    }

    /**
     * {@code renew_session} calldata by the contract's ABI: the policies are a {@code Span<felt252>}, so
     * after their count comes the span's own length (3 per policy), then the felts.
     */
    public static Call renewSession(Felt account, Renewal renewal) {
        List<Felt> policies = new SessionPolicy(List.of(), renewal.newSpendingLimits(), 0).spendingPoliciesFelts();
        List<Felt> data = new ArrayList<>(List.of(
                renewal.oldSessionKey(), renewal.signatureR(), renewal.signatureS(), renewal.newSessionKey(),
                renewal.newNonce(), Felt.of(renewal.newValidAfter()), Felt.of(renewal.newValidUntil()),
                Felt.of(renewal.newRenewalDeadline()), renewal.newAllowedContractsRoot(), Felt.of(renewal.newMaxCallsPerTx()),
                Felt.of(renewal.newSpendingLimits().size()), Felt.of(policies.size())));
        data.addAll(policies);
        return new Call(account, RENEW_SESSION, data);
    }
}
