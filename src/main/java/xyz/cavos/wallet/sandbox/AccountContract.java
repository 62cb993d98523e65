package xyz.cavos.wallet.sandbox;

import static xyz.cavos.wallet.sandbox.Cairo.require;

import java.util.List;
import java.util.Set;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.StorageLayout;
import xyz.cavos.wallet.cavos.StoredSession;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.StarkCurve;

/**
 * The Cavos account's entry points other than {@code __validate__}/{@code __execute__}: the session
 * views, revoking one session or all of them, and renewing an expired session with its old key. Each reads
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
