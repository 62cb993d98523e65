package xyz.cavos.wallet.sandbox;

import static xyz.cavos.wallet.sandbox.Cairo.at;
import static xyz.cavos.wallet.sandbox.Cairo.require;

import java.math.BigInteger;
import java.util.List;
import xyz.cavos.wallet.cavos.AllowList;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.SessionSignature;
import xyz.cavos.wallet.cavos.StoredSession;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.U256;

/**
 * The Cavos account's session rules, check for check as the account contract (version 3) runs them, on both
 * of its paths: an INVOKE signed with a session key (signature, registration, revocation, validity window,
 * call count and allow-list at {@code __validate__}; spending limits at {@code __execute__}) and a SNIP-9
 * outside execution (the same checks on the SNIP-12 message hash, spending limits included, before its calls
 * run). Everything is read from (and the amounts spent written to) the account's storage, as the contract
 * reads it.
 */
final class SessionRules {

    private static final Felt TRANSFER = Selector.of("transfer");
    private static final Felt APPROVE = Selector.of("approve");
    private static final Felt EXECUTE_FROM_OUTSIDE = Selector.of("execute_from_outside_v2");

    private final Execution execution;
    private final long now;

    SessionRules(Execution execution) {
        this.execution = execution;
        this.now = execution.now;
    }

    /** {@code __validate__} of a Cavos account for an INVOKE signed with a session key. */
    void validate(Felt account, Felt txHash, List<Felt> signature, List<Call> calls) {
        AccountStorage storage = execution.storage(account);
        Felt type = at(signature, 0);
        if (type.equals(SessionSignature.MAGIC) && calls.size() == 1) {
            Call only = calls.getFirst();
            if (only.to().equals(account)
                    && (only.selector().equals(CavosAccount.RENEW_SESSION) || only.selector().equals(EXECUTE_FROM_OUTSIDE))) {
                validateSkipExpiry(storage, txHash, signature);
                return;
            }
        }
        refuseUnverifiable(type);
        checkPolicy(storage, account, txHash, signature, calls);
    }

    /**
     * Step 5 of {@code execute_from_outside_v2}: the signature over the message hash. A lone {@code renew_session}
     * self-call is checked as at {@code __validate__}, an expired key accepted until its renewal deadline; any
     * other execution meets the session's whole policy, spending limits included (the amounts are counted here,
     * before the calls run).
     */
    void validateOutside(Felt account, Felt messageHash, List<Felt> signature, List<Call> calls) {
        AccountStorage storage = execution.storage(account);
        boolean renewal = calls.size() == 1 && calls.getFirst().to().equals(account)
                && calls.getFirst().selector().equals(CavosAccount.RENEW_SESSION);
        Felt type = at(signature, 0);
        if (renewal && type.equals(SessionSignature.MAGIC)) {
            validateSkipExpiry(storage, messageHash, signature);
            return;
        }
        refuseUnverifiable(type);
        Felt key = checkPolicy(storage, account, messageHash, signature, calls);
        spendWithinLimits(storage, key, calls);
    }

    /** Signatures other than {@code SESSION_V1}: the dashboard's JWT ones the sandbox cannot check, and unknown types. */
    private static void refuseUnverifiable(Felt type) {
        if (type.equals(SessionSignature.OAUTH_MAGIC)) {
            throw new ContractPanic("OAUTH_JWT_V1 signatures cannot be verified by the sandbox: register sessions with its dashboard");
        }
        if (!type.equals(SessionSignature.MAGIC)) {
            throw new ContractPanic(RevertReason.INVALID_SIGNATURE_TYPE.text());
        }
    }

    /** The checks of a session signature with its policy, in the contract's order; returns the session key. */
    private Felt checkPolicy(AccountStorage storage, Felt account, Felt hash, List<Felt> signature, List<Call> calls) {
        Felt key = checkSessionSignature(hash, signature);
        StoredSession session = registeredSession(storage, key);
        require(now >= session.validAfter(), RevertReason.SESSION_NOT_YET_ACTIVE);
        require(now < session.validUntil(), RevertReason.SESSION_EXPIRED);
        require(calls.size() <= session.maxCallsPerTx(), RevertReason.TOO_MANY_CALLS);
        verifyAllowedContracts(account, session.allowedContractsRoot(), calls, signature);
        return key;
    }

    /**
     * A lone {@code renew_session} or {@code execute_from_outside_v2} self-call (or, outside, a lone
     * {@code renew_session}): an expired key may sign it until its deadline.
     */
    private void validateSkipExpiry(AccountStorage storage, Felt txHash, List<Felt> signature) {
        StoredSession session = registeredSession(storage, checkSessionSignature(txHash, signature));
        require(now >= session.validAfter(), RevertReason.SESSION_NOT_YET_ACTIVE);
        require(now < session.renewalDeadline(), RevertReason.RENEWAL_PERIOD_EXPIRED);
    }

    /** The key's session: registered (nonce not 0) and in the current revocation epoch. */
    private static StoredSession registeredSession(AccountStorage storage, Felt key) {
        StoredSession session = storage.session(key);
        require(session.isRegistered(), RevertReason.SESSION_NOT_REGISTERED);
        require(session.revocationEpoch() == storage.revocationEpoch(), RevertReason.SESSION_REVOKED);
        return session;
    }

    private static Felt checkSessionSignature(Felt txHash, List<Felt> signature) {
        require(signature.size() >= 4, RevertReason.INVALID_SIGNATURE_LENGTH);
        Felt key = signature.get(3);
        require(StarkCurve.verify(key, txHash, new StarkCurve.Signature(signature.get(1), signature.get(2))),
                RevertReason.INVALID_SESSION_SIGNATURE);
        return key;
    }

    private static void verifyAllowedContracts(Felt account, Felt root, List<Call> calls, List<Felt> signature) {
        if (root.isZero()) {
            return;
        }
        int index = 4;
        for (Call call : calls) {
            int proofLength = Cairo.toInt(at(signature, index));
            index++;
            if (index + proofLength > signature.size()) {
                throw new ContractPanic("Index out of bounds");
            }
            List<Felt> proof = signature.subList(index, index + proofLength);
            index += proofLength;
            if (call.to().equals(account)) {
                require(!call.selector().equals(CavosAccount.UPGRADE), RevertReason.CANNOT_UPGRADE);
                continue;
            }
            require(AllowList.verify(root, call.to(), proof), RevertReason.CONTRACT_NOT_ALLOWED);
        }
    }

    /** At {@code __execute__}, for session signatures only: ERC-20 transfers and approvals within the key's limits. */
    void enforceSpendingLimits(Felt account, List<Felt> signature, List<Call> calls) {
        if (!at(signature, 0).equals(SessionSignature.MAGIC)) {
            return;
        }
        spendWithinLimits(execution.storage(account), at(signature, 3), calls);
    }

    /** The account's {@code enforce_spending_limits}: counts each transfer and approval against the key's limit for its token. */
    private static void spendWithinLimits(AccountStorage storage, Felt key, List<Call> calls) {
        if (storage.spendingPolicyCount(key) == 0) {
            return;
        }
        for (Call call : calls) {
            if (!call.selector().equals(TRANSFER) && !call.selector().equals(APPROVE)) {
                continue;
            }
            require(call.calldata().size() >= 3, RevertReason.INVALID_ERC20_CALLDATA);
            BigInteger amount = Cairo.u128(call.calldata().get(1)).or(Cairo.u128(call.calldata().get(2)).shiftLeft(128));
            U256 limit = storage.limitFor(key, call.to())
                    .orElseThrow(() -> new ContractPanic(RevertReason.TOKEN_NOT_IN_POLICY.text()));
            BigInteger newSpent = storage.spent(key, call.to()).value().add(amount);
            if (newSpent.compareTo(U256.MAX) > 0) {
                throw new ContractPanic("u256_add Overflow");
            }
            require(newSpent.compareTo(limit.value()) <= 0, RevertReason.SPENDING_LIMIT_EXCEEDED);
            storage.setSpent(key, call.to(), U256.of(newSpent));
        }
    }
}
