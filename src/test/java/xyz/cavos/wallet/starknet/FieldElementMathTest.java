package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Montgomery limb arithmetic against BigInteger, with the carry-heavy edges drawn often. */
class FieldElementMathTest {

    private static final BigInteger P = Felt.PRIME;
    private static final BigInteger R_INVERSE = BigInteger.ONE.shiftLeft(256).modInverse(P);
    private static final List<BigInteger> EDGES = List.of(
            BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO),
            BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64),
            BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(192),
            BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(251),
            P.subtract(BigInteger.ONE.shiftLeft(192)), BigInteger.ONE.shiftLeft(251).subtract(BigInteger.ONE));

    @Test
    void mulAddSubMatchBigInteger() {
        long seed = RandomFelts.SEED;
        Random random = new Random(seed);
        for (int i = 0; i < 200_000; i++) {
            BigInteger x = pick(random);
            BigInteger y = pick(random);
            long[] a = FieldElementMath.toLimbs(x);
            long[] b = FieldElementMath.toLimbs(y);
            long[] out = new long[4];

            FieldElementMath.mul(a, b, out);
            assertEquals(x.multiply(y).multiply(R_INVERSE).mod(P), FieldElementMath.fromLimbs(out), "mul, seed " + seed);
            FieldElementMath.add(a, b, out);
            assertEquals(x.add(y).mod(P), FieldElementMath.fromLimbs(out), "add, seed " + seed);
            FieldElementMath.sub(a, b, out);
            assertEquals(x.subtract(y).mod(P), FieldElementMath.fromLimbs(out), "sub, seed " + seed);
            assertEquals(x, FieldElementMath.fromMontgomery(FieldElementMath.toMontgomery(x)), "round trip, seed " + seed);
        }
    }

    private static BigInteger pick(Random random) {
        if (random.nextInt(4) == 0) {
            return EDGES.get(random.nextInt(EDGES.size()));
        }
        BigInteger value;
        do {
            value = new BigInteger(252, random);
        } while (value.compareTo(P) >= 0);
        return value;
    }
}
