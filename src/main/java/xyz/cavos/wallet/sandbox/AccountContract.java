package xyz.cavos.wallet.sandbox;

import static xyz.cavos.wallet.sandbox.Cairo.at;
import static xyz.cavos.wallet.sandbox.Cairo.require;
import static xyz.cavos.wallet.sandbox.Cairo.u128;
import static xyz.cavos.wallet.sandbox.Cairo.u32;
import static xyz.cavos.wallet.sandbox.Cairo.u64;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.U256;

/**
 * The Cavos account's entry points other than {@code __validate__}/{@code __execute__}: the session
 * views, revoking one session or all of them, and renewing an expired session with its old key.
 */
final class AccountContract {

    private final Execution execution;

    AccountContract(Execution execution) {
        this.execution = execution;
    }

    List<Felt> call(Felt caller, Felt self, Felt selector, List<Felt> data) {
        WorldState.Account state = execution.world.accounts.get(self);
        if (selector.equals(CavosAccount.GET_SESSION)) {
            WorldState.Session s = state.session(at(data, 0));
            return List.of(s.nonce(), Felt.of(s.validAfter()), Felt.of(s.validUntil()), Felt.of(s.renewalDeadline()),
                    Felt.of(s.registeredAt()), s.allowedContractsRoot(), Felt.of(s.maxCallsPerTx()));
        }
        if (selector.equals(CavosAccount.GET_SESSION_SPENDING)) {
            return U256.of(state.spent(at(data, 0), at(data, 1))).toCalldata();
        }
        if (selector.equals(CavosAccount.GET_VERSION)) {
            return List.of(Felt.of(3));
        }
        if (selector.equals(Selector.of("get_address_seed"))) {
            return List.of(state.addressSeed);
        }
        if (selector.equals(Selector.of("supports_interface"))) {
            Felt id = at(data, 0);
            boolean supported = id.equals(Felt.parse("0x3f918d17e5ee77373b56385708f855659a07f75997f365cf87748628532a055"))
                    || id.equals(Felt.parse("0x2ceccef7f994940b3962a6c67e0ba4fcd37df7d131417c604f91e03caecc1cd"))
                    || id.equals(Felt.parse("0x1d1144bb2138366ff28d8e9ab57456b1d332ac42196230c3a602003c89872"));
            return List.of(supported ? Felt.ONE : Felt.ZERO);
        }
        if (selector.equals(CavosAccount.REVOKE_SESSION)) {
            require(caller.equals(self), RevertReason.ONLY_SELF_REVOKE_SESSION);
            Felt key = at(data, 0);
            state.sessions.put(key, WorldState.Session.NONE);
            execution.emit(self, List.of(CavosAccount.SESSION_REVOKED), List.of(key));
            return List.of();
        }
        if (selector.equals(CavosAccount.EMERGENCY_REVOKE)) {
            require(caller.equals(self), RevertReason.ONLY_SELF_REVOKE_SESSIONS);
            state.revocationEpoch++;
            execution.emit(self, List.of(CavosAccount.ALL_SESSIONS_REVOKED), List.of(Felt.of(state.revocationEpoch)));
            return List.of();
        }
        if (selector.equals(CavosAccount.RENEW_SESSION)) {
            renewSession(self, state, data);
            return List.of();
        }
        if (selector.equals(Selector.of("__execute__")) || selector.equals(Selector.of("__validate__"))) {
            throw new ContractPanic("Only protocol can call __execute__");
        }
        if (selector.equals(CavosAccount.UPGRADE)) {
            throw new ContractPanic("Only self can upgrade");
        }
        throw Cairo.entryPointNotFound(selector);
    }

    private void renewSession(Felt self, WorldState.Account state, List<Felt> data) {
        // Cairo Serde by the ABI: ten scalars, the policy count, then Span<felt252> = length + items.
        if (data.size() < 12) {
            throw new ContractPanic("Failed to deserialize param #12");
        }
        Felt oldKey = data.get(0);
        Felt r = data.get(1);
        Felt s = data.get(2);
        Felt newKey = data.get(3);
        Felt newNonce = data.get(4);
        long validAfter = u64(data.get(5));
        long validUntil = u64(data.get(6));
        long renewalDeadline = u64(data.get(7));
        Felt root = data.get(8);
        long maxCalls = u32(data.get(9));
        long policyCount = u32(data.get(10));
        BigInteger spanLength = data.get(11).value();
        if (spanLength.compareTo(BigInteger.valueOf(data.size() - 12)) > 0) {
            throw new ContractPanic("Failed to deserialize param #13");
        }
        List<Felt> policies = data.subList(12, 12 + spanLength.intValue());

        long now = execution.now;
        WorldState.Session old = state.session(oldKey);
        require(!old.nonce().isZero(), RevertReason.OLD_SESSION_NOT_REGISTERED);
        require(now >= old.validUntil(), RevertReason.OLD_SESSION_NOT_EXPIRED);
        require(now < old.renewalDeadline(), RevertReason.RENEWAL_PERIOD_EXPIRED);
        Felt message = CavosAccount.renewalMessage(newKey, newNonce, validAfter, validUntil, renewalDeadline, root, maxCalls);
        require(StarkCurve.verify(oldKey, message, new StarkCurve.Signature(r, s)), RevertReason.INVALID_RENEWAL_SIGNATURE);
        require(state.session(newKey).nonce().isZero(), RevertReason.NEW_SESSION_ALREADY_REGISTERED);
        require(renewalDeadline >= validUntil, RevertReason.RENEWAL_DEADLINE_BEFORE_EXPIRY);

        state.sessions.put(newKey, new WorldState.Session(newNonce, root, validAfter, validUntil, execution.blockNumber,
                renewalDeadline, maxCalls, state.revocationEpoch));
        List<SpendingLimit> limits = new ArrayList<>();
        for (int i = 0; i + 2 < policies.size() && limits.size() < policyCount; i += 3) {
            limits.add(new SpendingLimit(policies.get(i), U256.ofParts(u128(policies.get(i + 1)), u128(policies.get(i + 2)))));
        }
        state.spendingPolicies.put(newKey, limits);
        execution.emit(self, List.of(CavosAccount.SESSION_REGISTERED), List.of(newKey, newNonce, Felt.of(validUntil)));
    }
}
