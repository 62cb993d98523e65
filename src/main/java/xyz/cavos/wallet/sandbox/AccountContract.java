package xyz.cavos.wallet.sandbox;

import static xyz.cavos.wallet.sandbox.Cairo.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OutsideExecution;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.StorageLayout;
import xyz.cavos.wallet.cavos.StoredSession;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.StarkCurve;

/**
 * The Cavos account's entry points other than {@code __validate__}/{@code __execute__}: the session
 * views, revoking one session or all of them, renewing an expired session with its old key, and SNIP-9
 * outside execution (version 2) with its nonce view. Each reads
 * its arguments by the contract's ABI ({@link Cairo.Args}) before it runs, and keeps its state in the
 * account's storage ({@link AccountStorage}).
 */
final class AccountContract {

    private static final Felt GET_ADDRESS_SEED = Selector.of("get_address_seed");
    private static final Felt GET_JWKS_REGISTRY = Selector.of("get_jwks_registry");
    private static final Felt SUPPORTS_INTERFACE = Selector.of("supports_interface");
    private static final Set<Felt> PROTOCOL_ONLY = Set.of(ExecutionErrors.EXECUTE, ExecutionErrors.VALIDATE);
    /** SRC-5, SRC-6 and SNIP-9 (outside execution v2). */
    private static final Set<Felt> INTERFACES = Set.of(
            Felt.parse("0x3f918d17e5ee77373b56385708f855659a07f75997f365cf87748628532a055"),
            Felt.parse("0x2ceccef7f994940b3962a6c67e0ba4fcd37df7d131417c604f91e03caecc1cd"),
            Felt.parse("0x1d1144bb2138366ff28d8e9ab57456b1d332ac42196230c3a602003c89872"));

    private final Execution execution;

    AccountContract(Execution execution) {
        this.execution = execution;
    }

    List<Felt> call(Felt caller, Felt self, Felt selector, List<Felt> data) {
        AccountStorage storage = execution.storage(self);
        Cairo.Args args = new Cairo.Args(data);
        if (selector.equals(CavosAccount.GET_SESSION)) {
            Felt key = args.felt();
            args.end();
            return storage.session(key).view().toFelts();
        }
        if (selector.equals(CavosAccount.GET_SESSION_SPENDING)) {
            Felt key = args.felt();
            Felt token = args.address();
            args.end();
            return storage.spent(key, token).toCalldata();
        }
        if (selector.equals(CavosAccount.GET_VERSION)) {
            args.end();
            return List.of(Felt.of(3));
        }
        if (selector.equals(GET_ADDRESS_SEED)) {
            args.end();
            return List.of(storage.addressSeed());
        }
        if (selector.equals(GET_JWKS_REGISTRY)) {
            args.end();
            return List.of(storage.read(StorageLayout.base("jwks_registry")));
        }
        if (selector.equals(SUPPORTS_INTERFACE)) {
            Felt id = args.felt();
            args.end();
            return List.of(INTERFACES.contains(id) ? Felt.ONE : Felt.ZERO);
        }
        if (selector.equals(CavosAccount.REVOKE_SESSION)) {
            Felt key = args.felt();
            args.end();
            require(caller.equals(self), RevertReason.ONLY_SELF_REVOKE_SESSION);
            // The contract zeroes the four session slots only: the policy count and entries, and what the
            // key spent, stay as they were.
            storage.writeSession(key, StoredSession.NONE);
            execution.emit(self, List.of(CavosAccount.SESSION_REVOKED), List.of(key));
            return List.of();
        }
        if (selector.equals(CavosAccount.EMERGENCY_REVOKE)) {
            args.end();
            require(caller.equals(self), RevertReason.ONLY_SELF_REVOKE_SESSIONS);
            long epoch = storage.revocationEpoch() + 1;
            storage.setRevocationEpoch(epoch);
            execution.emit(self, List.of(CavosAccount.ALL_SESSIONS_REVOKED), List.of(Felt.of(epoch)));
            return List.of();
        }
        if (selector.equals(CavosAccount.RENEW_SESSION)) {
            renewSession(self, storage, args);
            return List.of();
        }
        if (selector.equals(OutsideExecution.EXECUTE_FROM_OUTSIDE_V2)) {
            return executeFromOutside(caller, self, storage, args);
        }
        if (selector.equals(OutsideExecution.IS_VALID_NONCE)) {
            Felt nonce = args.felt();
            args.end();
            return List.of(storage.read(StorageLayout.outsideNonce(nonce)).isZero() ? Felt.ONE : Felt.ZERO);
        }
        if (PROTOCOL_ONLY.contains(selector)) {
            args.calls();
            args.end();
            throw new ContractPanic("Only protocol can call __execute__");
        }
        if (selector.equals(CavosAccount.UPGRADE)) {
            args.address();
            args.end();
            throw new ContractPanic("Only self can upgrade");
        }
        throw Cairo.entryPointNotFound(selector);
    }

    /**
     * {@code execute_from_outside_v2}: the {@code OutsideExecution} struct and the signature. The caller (unless
     * {@code ANY_CALLER}), the time bounds (both strict), the nonce (then marked used), the signature over the
     * SNIP-12 message hash with the session's policy ({@link SessionRules#validateOutside}); then each call runs
     * with the account as its caller, and the results come back as an {@code Array<Span<felt252>>}.
     */
    private List<Felt> executeFromOutside(Felt caller, Felt self, AccountStorage storage, Cairo.Args args) {
        OutsideExecution outside = args.outsideExecution();
        List<Felt> signature = args.span();
        args.end();

        if (!outside.caller().equals(OutsideExecution.ANY_CALLER)) {
            require(caller.equals(outside.caller()), RevertReason.INVALID_CALLER);
        }
        long now = execution.now;
        require(outside.executeAfter() < now && now < outside.executeBefore(), RevertReason.INVALID_TIMESTAMP);
        Felt nonceSlot = StorageLayout.outsideNonce(outside.nonce());
        require(storage.read(nonceSlot).isZero(), RevertReason.DUPLICATED_NONCE);
        storage.write(nonceSlot, Felt.ONE);
        Felt messageHash = outside.messageHash(self, execution.chainId);
        new SessionRules(execution).validateOutside(self, messageHash, signature, outside.calls());

        List<Felt> results = new ArrayList<>();
        results.add(Felt.of(outside.calls().size()));
        for (Call call : outside.calls()) {
            List<Felt> result = execution.call(self, call);
            results.add(Felt.of(result.size()));
            results.addAll(result);
        }
        execution.emit(self, List.of(CavosAccount.TRANSACTION_EXECUTED), List.of(caller, Felt.of(outside.calls().size())));
        return results;
    }

    /**
     * {@code renew_session}: the old key, its signature, then the new session (key, nonce, window, deadline,
     * allow-list root, max calls) and its spending policies as a count and a {@code Span<felt252>}.
     */
    private void renewSession(Felt self, AccountStorage storage, Cairo.Args args) {
        Felt oldKey = args.felt();
        StarkCurve.Signature signature = new StarkCurve.Signature(args.felt(), args.felt());
        Felt newKey = args.felt();
        Felt newNonce = args.felt();
        long validAfter = args.u64();
        long validUntil = args.u64();
        long renewalDeadline = args.u64();
        Felt root = args.felt();
        long maxCalls = args.u32();
        long policyCount = args.u32();
        List<Felt> policies = args.span();
        args.end();

        long now = execution.now;
        StoredSession old = storage.session(oldKey);
        require(old.isRegistered(), RevertReason.OLD_SESSION_NOT_REGISTERED);
        require(now >= old.validUntil(), RevertReason.OLD_SESSION_NOT_EXPIRED);
        require(now < old.renewalDeadline(), RevertReason.RENEWAL_PERIOD_EXPIRED);
        Felt message = CavosAccount.renewalMessage(newKey, newNonce, validAfter, validUntil, renewalDeadline, root, maxCalls);
        require(StarkCurve.verify(oldKey, message, signature), RevertReason.INVALID_RENEWAL_SIGNATURE);
        require(!storage.session(newKey).isRegistered(), RevertReason.NEW_SESSION_ALREADY_REGISTERED);
        require(renewalDeadline >= validUntil, RevertReason.RENEWAL_DEADLINE_BEFORE_EXPIRY);

        // What the old key signed covers the root and max calls but not the policies: they are stored as sent.
        storage.writeSession(newKey, new StoredSession(newNonce, root, validAfter, validUntil, execution.blockNumber,
                renewalDeadline, maxCalls, storage.revocationEpoch()));
        storage.storeSpendingPolicies(newKey, policyCount, policies);
        execution.emit(self, List.of(CavosAccount.SESSION_REGISTERED), List.of(newKey, newNonce, Felt.of(validUntil)));
    }
}
