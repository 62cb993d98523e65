package xyz.cavos.wallet.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.StorageLayout;
import xyz.cavos.wallet.cavos.StoredSession;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcBatch;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.RpcRequest;

/**
 * The session and policy as the account stores them (protocol: the Cavos v3 storage layout): the session's
 * four slots, the global revocation epoch, the spending-policy count and the first policies, read in the
 * same batch as everything else. The count is not known before the batch, so the first
 * {@value #SPECULATIVE_POLICIES} policies are read speculatively; a session with more takes a second trip
 * once, and its policies are kept (they never change after registration). Storage is checked against
 * {@code get_session}; where the two disagree, or storage cannot be read, the wallet says so and falls back
 * to the view and the token, never silently.
 */
final class ChainStorage {

    static final int SPECULATIVE_POLICIES = 8;

    /** Policies of sessions with more than the speculative number, by wallet, key and registration block. */
    private static final Map<List<Object>, List<SpendingLimit>> LONG_POLICIES = new ConcurrentHashMap<>();

    private final SessionToken token;
    /** The session's slot addresses: Pedersen hashes, worked out on the first read, not for commands that never read. */
    private Slots slots;

    private record Slots(StorageLayout.SessionSlots session, Felt count, List<StorageLayout.PolicySlots> policies) {
    }

    ChainStorage(SessionToken token) {
        this.token = token;
    }

    private synchronized Slots slots() {
        if (slots == null) {
            slots = new Slots(StorageLayout.session(token.sessionPublicKey()), StorageLayout.spendingPolicyCount(token.sessionPublicKey()),
                    StorageLayout.spendingPolicies(token.sessionPublicKey(), SPECULATIVE_POLICIES));
        }
        return slots;
    }

    /** The storage reads of one batch. */
    record Reads(List<RpcBatch.Result<Felt>> session, RpcBatch.Result<Felt> epoch, RpcBatch.Result<Felt> count,
            List<List<RpcBatch.Result<Felt>>> policies, RpcBatch.Result<Felt> classHash) {
    }

    /** What the chain says: the session (from {@code get_session}), the policy, and how storage reads its state. */
    record Truth(OnChainSession session, ChainPolicy policy, boolean registered, boolean emergencyRevoked) {
    }

    Reads add(RpcBatch batch, BlockId tag) {
        Slots addresses = slots();
        List<List<RpcBatch.Result<Felt>>> policies = new ArrayList<>();
        for (StorageLayout.PolicySlots policy : addresses.policies()) {
            policies.add(policy.all().stream().map(slot -> read(batch, slot, tag)).toList());
        }
        return new Reads(addresses.session().all().stream().map(slot -> read(batch, slot, tag)).toList(),
                read(batch, StorageLayout.revocationEpoch(), tag), read(batch, addresses.count(), tag), policies,
                batch.add(RpcRequest.getClassHashAt(token.walletAddress(), tag)));
    }

    private RpcBatch.Result<Felt> read(RpcBatch batch, Felt slot, BlockId tag) {
        return batch.add(RpcRequest.getStorageAt(token.walletAddress(), slot, tag));
    }

    Truth truth(RpcClient rpc, Reads reads, OnChainSession view, BlockId tag) {
        Felt classHash;
        StoredSession stored;
        long globalEpoch;
        long count;
        try {
            classHash = reads.classHash().get();
            stored = StoredSession.fromSlots(reads.session().stream().map(RpcBatch.Result::get).toList());
            globalEpoch = reads.epoch().get().longValueExact();
            count = reads.count().get().longValueExact();
        } catch (RpcException.NodeError e) {
            return fallback(view, "the RPC provider did not answer the storage reads");
        } catch (IllegalArgumentException | ArithmeticException e) {
            return fallback(view, "the account's storage does not read as the Cavos layout");
        }
        String layout = classHash.equals(CavosAccount.CLASS_HASH) ? "the Cavos layout"
                : "the Cavos layout (the account's class " + classHash.toHex() + " is not one the wallet knows)";
        if (!stored.view().equals(view)) {
            return fallback(view, "the account's storage and get_session disagree: its storage is not " + layout);
        }
        if (count < 0 || count > 0xffff_ffffL) {
            return fallback(view, "the account's spending-policy count does not read as " + layout);
        }
        List<SpendingLimit> limits = count <= SPECULATIVE_POLICIES ? policies(reads, (int) count) : longPolicies(rpc, stored, (int) count, tag);
        ChainPolicy policy = new ChainPolicy(stored.allowedContractsRoot(), stored.maxCallsPerTx(), limits, true, Optional.empty());
        return new Truth(view, policy, stored.isRegistered(), stored.isRegistered() && stored.revocationEpoch() != globalEpoch);
    }

    private static List<SpendingLimit> policies(Reads reads, int count) {
        List<SpendingLimit> limits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            limits.add(StorageLayout.PolicySlots.decode(reads.policies().get(i).stream().map(RpcBatch.Result::get).toList()));
        }
        return limits;
    }

    private List<SpendingLimit> longPolicies(RpcClient rpc, StoredSession stored, int count, BlockId tag) {
        List<Object> key = List.of(token.walletAddress(), token.sessionPublicKey(), stored.registeredAt());
        return LONG_POLICIES.computeIfAbsent(key, k -> {
            RpcBatch batch = rpc.newBatch();
            List<List<RpcBatch.Result<Felt>>> all = new ArrayList<>();
            for (StorageLayout.PolicySlots policy : StorageLayout.spendingPolicies(token.sessionPublicKey(), count)) {
                all.add(policy.all().stream().map(slot -> read(batch, slot, tag)).toList());
            }
            batch.send();
            return all.stream().map(slots -> StorageLayout.PolicySlots.decode(slots.stream().map(RpcBatch.Result::get).toList())).toList();
        });
    }

    /** The view's root and max calls and the token's limits, with the reason the chain's policy is not known. */
    private Truth fallback(OnChainSession view, String why) {
        ChainPolicy policy = new ChainPolicy(view.allowedContractsRoot(), view.maxCallsPerTx(), token.effectivePolicy().spendingLimits(),
                false, Optional.of(why));
        return new Truth(view, policy, view.isRegistered(), false);
    }
}
