package xyz.cavos.wallet.cavos;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Pedersen;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.U256;

/**
 * Where the Cavos account (contract version 3) keeps its session data, for reading it with
 * {@code starknet_getStorageAt}. A variable's base is {@code sn_keccak(name)}; a map entry is
 * {@code pedersen(base, key)}, a pair key {@code pedersen(pedersen(base, a), b)}, reduced modulo
 * 2^251 - 256; a struct fills consecutive slots from its entry. What the slots hold: {@link StoredSession}.
 */
public final class StorageLayout {

    /** Storage addresses lie below 2^251 - 256; a hashed address is reduced modulo this bound. */
    public static final BigInteger ADDRESS_BOUND = BigInteger.ONE.shiftLeft(251).subtract(BigInteger.valueOf(256));

    /** The four slots of {@code sessions[key]} ({@code SessionData}), in storage order. */
    public record SessionSlots(Felt nonce, Felt allowedContractsRoot, Felt timeLimits, Felt usageLimits) {

        public List<Felt> all() {
            return List.of(nonce, allowedContractsRoot, timeLimits, usageLimits);
        }
    }

    /** The three slots of {@code session_spending_policies[(key, index)]} ({@code SpendingPolicy}). */
    public record PolicySlots(Felt token, Felt limitLow, Felt limitHigh) {

        public List<Felt> all() {
            return List.of(token, limitLow, limitHigh);
        }

        /** The policy these slots hold, from their values in {@link #all()} order. */
        public static SpendingLimit decode(List<Felt> values) {
            return new SpendingLimit(values.get(0), U256.ofParts(values.get(1), values.get(2)));
        }
    }

    private StorageLayout() {
    }

    /** The base address of a storage variable: {@code sn_keccak(name)}. */
    public static Felt base(String variable) {
        return Selector.snKeccak(variable);
    }

    /** The global epoch that {@code emergency_revoke} increments. */
    public static Felt revocationEpoch() {
        return base("revocation_epoch");
    }

    public static SessionSlots session(Felt sessionKey) {
        Felt entry = entry("sessions", sessionKey);
        return new SessionSlots(entry, offset(entry, 1), offset(entry, 2), offset(entry, 3));
    }

    /** How many spending policies the session has; entries at and beyond this index are stale. */
    public static Felt spendingPolicyCount(Felt sessionKey) {
        return entry("session_spending_policy_count", sessionKey);
    }

    public static PolicySlots spendingPolicy(Felt sessionKey, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("A spending policy index must not be negative");
        }
        return policySlots(policiesOf(sessionKey), index);
    }

    /** The slots of the key's first {@code count} policies; the hash of the key, common to them all, is worked out once. */
    public static List<PolicySlots> spendingPolicies(Felt sessionKey, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("A spending policy index must not be negative");
        }
        Felt ofKey = policiesOf(sessionKey);
        List<PolicySlots> slots = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            slots.add(policySlots(ofKey, index));
        }
        return slots;
    }

    /** {@code pedersen(base, key)}: the first half of every policy entry's pair key, not yet reduced. */
    private static Felt policiesOf(Felt sessionKey) {
        return Pedersen.hash(base("session_spending_policies"), sessionKey);
    }

    private static PolicySlots policySlots(Felt policiesOfKey, int index) {
        Felt entry = reduce(Pedersen.hash(policiesOfKey, Felt.of(index)));
        return new PolicySlots(entry, offset(entry, 1), offset(entry, 2));
    }

    /** The low 128 bits of what the session has spent of the token. */
    public static Felt amountSpentLow(Felt sessionKey, Felt token) {
        return entry("session_amount_spent_low", sessionKey, token);
    }

    /** The high 128 bits of what the session has spent of the token. */
    public static Felt amountSpentHigh(Felt sessionKey, Felt token) {
        return entry("session_amount_spent_high", sessionKey, token);
    }

    /** Whether an outside-execution (SNIP-9) nonce has been used. */
    public static Felt outsideNonce(Felt nonce) {
        return entry("outside_nonces", nonce);
    }

    private static Felt entry(String variable, Felt... keys) {
        Felt address = base(variable);
        for (Felt key : keys) {
            address = Pedersen.hash(address, key);
        }
        return reduce(address);
    }

    static Felt reduce(Felt hashed) {
        return Felt.of(hashed.value().mod(ADDRESS_BOUND));
    }

    /** A slot after an entry: the entry is below the bound, so adding a small offset stays a felt. */
    private static Felt offset(Felt entry, int slot) {
        return Felt.of(entry.value().add(BigInteger.valueOf(slot)));
    }
}
