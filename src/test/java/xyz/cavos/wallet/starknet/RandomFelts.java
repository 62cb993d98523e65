package xyz.cavos.wallet.starknet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random inputs for differential tests, with the edges of each range drawn more often than chance would. */
final class RandomFelts {

    static final long SEED = Long.getLong("cavos.test.seed", System.nanoTime());

    private static final BigInteger TWO_POW_251 = BigInteger.ONE.shiftLeft(251);
    private final Random random;

    RandomFelts(long seed) {
        this.random = new Random(seed);
    }

    Felt felt() {
        return switch (random.nextInt(12)) {
            case 0 -> Felt.ZERO;
            case 1 -> Felt.ONE;
            case 2 -> Felt.of(Felt.PRIME.subtract(BigInteger.ONE));
            case 3 -> Felt.of(BigInteger.valueOf(random.nextInt(1 << 20)));
            default -> Felt.of(below(Felt.PRIME));
        };
    }

    /** A felt below 2^251, the range a signable message hash must lie in. */
    Felt hash() {
        return Felt.of(below(TWO_POW_251));
    }

    Felt privateKey() {
        return Felt.of(below(StarkCurve.ORDER.subtract(BigInteger.ONE)).add(BigInteger.ONE));
    }

    /**
     * An unsigned integer of at most {@code bits} bits, below 2^bits - 1: starknet-jvm's Uint64 and
     * Uint128 reject their own maximum, so the oracle cannot take the very top value.
     */
    BigInteger bits(int bits) {
        return switch (random.nextInt(6)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.TWO);
            default -> new BigInteger(random.nextInt(bits) + 1, random).min(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.TWO));
        };
    }

    List<Felt> felts(int maxSize) {
        int size = random.nextInt(maxSize + 1);
        List<Felt> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(felt());
        }
        return out;
    }

    boolean bool() {
        return random.nextBoolean();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private BigInteger below(BigInteger bound) {
        BigInteger value;
        do {
            value = new BigInteger(bound.bitLength(), random);
        } while (value.compareTo(bound) >= 0);
        return value;
    }
}
