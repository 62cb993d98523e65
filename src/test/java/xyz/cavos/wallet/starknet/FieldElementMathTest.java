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
            P.subtract(BigInteger.ONE.shiftLeft(192)), BigInteger.ONE.shiftLeft(251).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(251).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(P),
            P.subtract(BigInteger.ONE.shiftLeft(64)));

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
            FieldElementMath.square(a, out);
            assertEquals(x.multiply(x).multiply(R_INVERSE).mod(P), FieldElementMath.fromLimbs(out), "square, seed " + seed);
            FieldElementMath.negate(a, out);
            assertEquals(x.negate().mod(P), FieldElementMath.fromLimbs(out), "negate, seed " + seed);
            assertEquals(x.signum() == 0, FieldElementMath.isZero(a), "isZero, seed " + seed);
        }
    }

    @Test
    void inverseMatchesBigInteger() {
        Random random = new Random(RandomFelts.SEED);
        for (int i = 0; i < 2_000; i++) {
            BigInteger x = pick(random);
            if (x.signum() == 0) {
                continue;
            }
            long[] inverse = FieldElementMath.inverse(FieldElementMath.toMontgomery(x));
            assertEquals(x.modInverse(P), FieldElementMath.fromMontgomery(inverse), "seed " + RandomFelts.SEED);
        }
    }

    @Test
    void squareAndMultiplyHandleTheLargestOperands() {
        // every limb pattern at the top of the range, where the carries in the product and reduction run longest
        BigInteger pMinusOne = P.subtract(BigInteger.ONE);
        for (BigInteger x : EDGES) {
            for (BigInteger y : List.of(pMinusOne, BigInteger.ONE.shiftLeft(251).add(BigInteger.ONE.shiftLeft(196)))) {
                long[] out = new long[4];
                FieldElementMath.mul(FieldElementMath.toLimbs(x), FieldElementMath.toLimbs(y), out);
                assertEquals(x.multiply(y).multiply(R_INVERSE).mod(P), FieldElementMath.fromLimbs(out),
                        x.toString(16) + " · " + y.toString(16));
            }
            long[] out = new long[4];
            FieldElementMath.square(FieldElementMath.toLimbs(x), out);
            assertEquals(x.multiply(x).multiply(R_INVERSE).mod(P), FieldElementMath.fromLimbs(out), x.toString(16) + "^2");
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
