package xyz.cavos.wallet.cavos;

import java.math.BigInteger;
import java.util.List;
import xyz.cavos.wallet.starknet.Felt;

/**
 * A session as the Cavos account (version 3) stores it in the four slots of {@code sessions[key]}
 * (see {@link StorageLayout.SessionSlots}): the nonce (zero when not registered), the allow-list root,
 * then two packed felts, {@code time_limits = valid_after + valid_until·2^64 + registered_at·2^128} and
 * {@code usage_limits = renewal_deadline + max_calls_per_tx·2^64 + revocation_epoch·2^96}.
 * Times are unix seconds, {@code registeredAt} is a block number, {@code revocationEpoch} is the global
 * epoch when the session was registered. The u64 fields are held as longs, so values of 2^63 and above
 * are refused.
 */
public record StoredSession(
        Felt nonce,
        Felt allowedContractsRoot,
        long validAfter,
        long validUntil,
        long registeredAt,
        long renewalDeadline,
        long maxCallsPerTx,
        long revocationEpoch) {

    /** What an unregistered (or {@code revoke_session}-revoked) key reads as: every slot zero. */
    public static final StoredSession NONE = new StoredSession(Felt.ZERO, Felt.ZERO, 0, 0, 0, 0, 0, 0);

    private static final BigInteger U64_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger U32_MASK = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    private static final long U32_MAX = 0xffff_ffffL;

    public StoredSession {
        if (validAfter < 0 || validUntil < 0 || registeredAt < 0 || renewalDeadline < 0 || revocationEpoch < 0) {
            throw new IllegalArgumentException("Session times, block and epoch must not be negative");
        }
        if (maxCallsPerTx < 0 || maxCallsPerTx > U32_MAX) {
            throw new IllegalArgumentException("max_calls_per_tx " + maxCallsPerTx + " is not a u32");
        }
    }

    /** Unpacks the four slot values of {@code sessions[key]}, in storage order. */
    public static StoredSession fromSlots(List<Felt> slots) {
        if (slots.size() != 4) {
            throw new IllegalArgumentException("A stored session has 4 slots, not " + slots.size());
        }
        BigInteger time = slots.get(2).value();
        BigInteger usage = slots.get(3).value();
        return new StoredSession(slots.get(0), slots.get(1),
                u64(time, 0, "valid_after"), u64(time, 64, "valid_until"), top(time, 128, "registered_at"),
                u64(usage, 0, "renewal_deadline"), usage.shiftRight(64).and(U32_MASK).longValue(),
                top(usage, 96, "revocation_epoch"));
    }

    /** The four slot values, in storage order. */
    public List<Felt> slots() {
        return List.of(nonce, allowedContractsRoot, timeLimits(), usageLimits());
    }

    /** The packed {@code time_limits} slot. */
    public Felt timeLimits() {
        return Felt.of(BigInteger.valueOf(validAfter)
                .or(BigInteger.valueOf(validUntil).shiftLeft(64))
                .or(BigInteger.valueOf(registeredAt).shiftLeft(128)));
    }

    /** The packed {@code usage_limits} slot. */
    public Felt usageLimits() {
        return Felt.of(BigInteger.valueOf(renewalDeadline)
                .or(BigInteger.valueOf(maxCallsPerTx).shiftLeft(64))
                .or(BigInteger.valueOf(revocationEpoch).shiftLeft(96)));
    }

    public boolean isRegistered() {
        return !nonce.isZero();
    }

    /** What {@code get_session} returns for this session (everything but the revocation epoch). */
    public OnChainSession view() {
        return new OnChainSession(nonce, validAfter, validUntil, renewalDeadline, registeredAt, allowedContractsRoot,
                maxCallsPerTx);
    }

    private static long u64(BigInteger packed, int shift, String field) {
        return toLong(packed.shiftRight(shift).and(U64_MASK), field);
    }

    /** The bits from {@code shift} up, which must hold a u64 (the account's unpacking fails otherwise). */
    private static long top(BigInteger packed, int shift, String field) {
        BigInteger value = packed.shiftRight(shift);
        if (value.bitLength() > 64) {
            throw new IllegalArgumentException(field + " does not fit in a u64: the slot is not a packed session");
        }
        return toLong(value, field);
    }

    private static long toLong(BigInteger value, String field) {
        if (value.bitLength() > 63) {
            throw new IllegalArgumentException(field + " 0x" + value.toString(16) + " is 2^63 or above");
        }
        return value.longValue();
    }
}
