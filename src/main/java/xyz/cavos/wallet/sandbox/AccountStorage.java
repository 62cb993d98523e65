package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.StorageLayout;
import xyz.cavos.wallet.cavos.StoredSession;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/**
 * A Cavos account's session state read from and written to its raw storage, slot for slot where the
 * account contract (version 3) keeps it ({@link StorageLayout}): {@code sessions[key]} as four slots
 * ({@link StoredSession}), the global {@code revocation_epoch}, the spending policies with their count,
 * and what each session has spent per token. The storage map is the only copy of this state: the account's
 * views and the session rules read it here, so what {@code starknet_getStorageAt} shows is what they enforce.
 * Every write records the block it happens in, for {@code INCLUDE_LAST_UPDATE_BLOCK}.
 */
final class AccountStorage {

    /**
     * How many spending policies a lookup reads before it stops as the chain would, out of gas: a renewal may
     * declare up to 2^32 - 1 policies while carrying far fewer, and the account reads up to the count.
     */
    private static final int MAX_POLICY_READS = 10_000;

    private final WorldState.Account account;
    private final long blockNumber;

    AccountStorage(WorldState.Account account, long blockNumber) {
        this.account = account;
        this.blockNumber = blockNumber;
    }

    Felt read(Felt slot) {
        return account.storage.getOrDefault(slot, Felt.ZERO);
    }

    void write(Felt slot, Felt value) {
        account.storage.put(slot, value);
        account.storageUpdatedIn.put(slot, blockNumber);
    }

    Felt addressSeed() {
        return read(StorageLayout.base("address_seed"));
    }

    void setAddressSeed(Felt seed) {
        write(StorageLayout.base("address_seed"), seed);
    }

    StoredSession session(Felt key) {
        return StoredSession.fromSlots(StorageLayout.session(key).all().stream().map(this::read).toList());
    }

    void writeSession(Felt key, StoredSession session) {
        List<Felt> slots = StorageLayout.session(key).all();
        List<Felt> values = session.slots();
        for (int i = 0; i < slots.size(); i++) {
            write(slots.get(i), values.get(i));
        }
    }

    long revocationEpoch() {
        return read(StorageLayout.revocationEpoch()).longValueExact();
    }

    void setRevocationEpoch(long epoch) {
        write(StorageLayout.revocationEpoch(), Felt.of(epoch));
    }

    long spendingPolicyCount(Felt key) {
        return read(StorageLayout.spendingPolicyCount(key)).longValueExact();
    }

    /** Entry {@code index} of the key's policies; past the count it may hold stale data from an earlier use of the key. */
    private SpendingLimit spendingPolicy(Felt key, int index) {
        return StorageLayout.PolicySlots.decode(StorageLayout.spendingPolicy(key, index).all().stream().map(this::read).toList());
    }

    /**
     * The account's {@code store_spending_policies}: writes the count as given, then entries from the flat
     * {@code [token, limit_low, limit_high]*} felts until the count is reached or fewer than three felts are
     * left. A count above the entries given is stored as it is; the entries it names past the given ones keep
     * whatever they held (zero, or data from an earlier registration of the key).
     */
    void storeSpendingPolicies(Felt key, long count, List<Felt> policies) {
        write(StorageLayout.spendingPolicyCount(key), Felt.of(count));
        for (int i = 0; i < count && 3 * i + 2 < policies.size(); i++) {
            BigInteger low = Cairo.u128(policies.get(3 * i + 1));
            BigInteger high = Cairo.u128(policies.get(3 * i + 2));
            Felt token = Cairo.address(policies.get(3 * i));
            StorageLayout.PolicySlots slots = StorageLayout.spendingPolicy(key, i);
            write(slots.token(), token);
            write(slots.limitLow(), Felt.of(low));
            write(slots.limitHigh(), Felt.of(high));
        }
    }

    /**
     * The limit of the first policy below the count that names the token, as the account looks it up; a
     * count too large to read through ends the lookup the way the chain ends it, out of gas.
     */
    Optional<U256> limitFor(Felt key, Felt token) {
        long count = spendingPolicyCount(key);
        for (int i = 0; i < count; i++) {
            if (i == MAX_POLICY_READS) {
                throw new ContractPanic("Out of gas");
            }
            SpendingLimit policy = spendingPolicy(key, i);
            if (policy.token().equals(token)) {
                return Optional.of(policy.limit());
            }
        }
        return Optional.empty();
    }

    U256 spent(Felt key, Felt token) {
        return U256.ofParts(read(StorageLayout.amountSpentLow(key, token)), read(StorageLayout.amountSpentHigh(key, token)));
    }

    void setSpent(Felt key, Felt token, U256 amount) {
        List<Felt> parts = amount.toCalldata();
        write(StorageLayout.amountSpentLow(key, token), parts.get(0));
        write(StorageLayout.amountSpentHigh(key, token), parts.get(1));
    }
}
