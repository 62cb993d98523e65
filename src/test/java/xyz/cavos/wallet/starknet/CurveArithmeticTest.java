package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The limb-based curve arithmetic (generator table, width-5 NAF, Jacobian sums) against a plain affine
 * double-and-add on BigInteger, on random and edge scalars. Seed in every message; rerun with
 * {@code -Dcavos.test.seed=N}.
 */
class CurveArithmeticTest {

    private static final BigInteger P = Felt.PRIME;
    private static final BigInteger N = StarkCurve.ORDER;
    private static final BigInteger BETA =
            new BigInteger("6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89", 16);
    private static final BigInteger[] G = {StarkCurve.GX, StarkCurve.GY};
    private static final long SEED = RandomFelts.SEED;

    /** Scalars where windows, digits or the group order wrap: 1, 2, n - 1, windows of all ones, 2^k - 1. */
    private static List<BigInteger> edgeScalars() {
        List<BigInteger> edges = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3),
                BigInteger.valueOf(15), BigInteger.valueOf(16), BigInteger.valueOf(31), BigInteger.valueOf(63),
                BigInteger.valueOf(64), BigInteger.valueOf(65), N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO),
                N.shiftRight(1), N.shiftRight(1).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(251),
                new BigInteger("f".repeat(62), 16), new BigInteger("fff".repeat(20), 16)));
        for (int bits : new int[] {64, 128, 192, 248, 251}) {
            edges.add(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            edges.add(BigInteger.ONE.shiftLeft(bits));
        }
        BigInteger sixBitOnes = BigInteger.ZERO;
        for (int i = 0; i < GeneratorTable.WINDOWS; i += 2) {
            sixBitOnes = sixBitOnes.or(BigInteger.valueOf(63).shiftLeft(6 * i)); // every other window all ones
        }
        edges.add(sixBitOnes.mod(N));
        return edges;
    }

    @Test
    void generatorTableMatchesDoubleAndAdd() {
        Random random = new Random(SEED);
        List<BigInteger> scalars = new ArrayList<>(edgeScalars());
        for (int i = 0; i < 150; i++) {
            scalars.add(new BigInteger(252, random).mod(N));
        }
        for (BigInteger k : scalars) {
            BigInteger[] expected = multiply(G, k);
            assertArrayEquals(expected, affine(GeneratorTable.multiply(k)), "k = " + k.toString(16) + ", seed " + SEED);
        }
        assertTrue(GeneratorTable.multiply(BigInteger.ZERO).isInfinity());
    }

    @Test
    void generatorTableHandlesScalarsAtOrAboveTheOrder() {
        assertTrue(GeneratorTable.multiply(N).isInfinity(), "n·G is the point at infinity");
        for (BigInteger k : List.of(N.add(BigInteger.ONE), N.add(BigInteger.ONE.shiftLeft(250)),
                BigInteger.ONE.shiftLeft(252).subtract(BigInteger.ONE))) {
            assertArrayEquals(multiply(G, k.mod(N)), affine(GeneratorTable.multiply(k)), "k = " + k.toString(16));
        }
    }

    @Test
    void wnafMatchesDoubleAndAdd() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 40; i++) {
            BigInteger[] q = multiply(G, new BigInteger(252, random).mod(N).add(BigInteger.ONE));
            List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ONE, N.subtract(BigInteger.ONE),
                    new BigInteger(256, random), new BigInteger(1 + random.nextInt(252), random)));
            if (i == 0) {
                scalars.addAll(edgeScalars());
                scalars.add(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
            }
            for (BigInteger k : scalars) {
                JacobianPoint product = WnafMultiplier.multiply(FieldElementMath.toMontgomery(q[0]),
                        FieldElementMath.toMontgomery(q[1]), k);
                if (k.mod(N).signum() == 0) { // the short random scalar can be 0
                    assertTrue(product.isInfinity(), "k = " + k.toString(16) + ", seed " + SEED);
                    continue;
                }
                assertArrayEquals(multiply(q, k.mod(N)), affine(product), "k = " + k.toString(16) + ", seed " + SEED);
            }
        }
        JacobianPoint zero = WnafMultiplier.multiply(FieldElementMath.toMontgomery(G[0]), FieldElementMath.toMontgomery(G[1]),
                N);
        assertTrue(zero.isInfinity(), "n·G is the point at infinity");
    }

    @Test
    void wnafDigitsRebuildTheScalar() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 2000; i++) {
            BigInteger k = i < 3 ? List.of(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE),
                    BigInteger.valueOf(31)).get(i) : new BigInteger(1 + random.nextInt(256), random);
            int[] digits = WnafMultiplier.digits(k);
            BigInteger rebuilt = BigInteger.ZERO;
            int lastNonzero = -WnafMultiplier.WIDTH;
            for (int bit = 0; bit < digits.length; bit++) {
                int d = digits[bit];
                if (d != 0) {
                    assertTrue(Math.abs(d) < 16 && (d & 1) != 0, "digit " + d + " of " + k.toString(16));
                    assertTrue(bit - lastNonzero >= WnafMultiplier.WIDTH, "adjacent digits in " + k.toString(16));
                    lastNonzero = bit;
                }
                rebuilt = rebuilt.add(BigInteger.valueOf(d).shiftLeft(bit));
            }
            assertEquals(k, rebuilt, "seed " + SEED);
        }
    }

    @Test
    void sumsOfEqualAndOppositePoints() {
        BigInteger[] g7 = multiply(G, BigInteger.valueOf(7));
        long[] x = FieldElementMath.toMontgomery(g7[0]);
        long[] y = FieldElementMath.toMontgomery(g7[1]);
        long[] negY = new long[4];
        FieldElementMath.negate(y, negY);

        JacobianPoint doubled = GeneratorTable.multiply(BigInteger.valueOf(7));
        doubled.addAffine(x, y);
        assertArrayEquals(multiply(G, BigInteger.valueOf(14)), affine(doubled));

        JacobianPoint cancelled = GeneratorTable.multiply(BigInteger.valueOf(7));
        cancelled.addAffine(x, negY);
        assertTrue(cancelled.isInfinity());
        assertNull(cancelled.affineX());

        JacobianPoint a = GeneratorTable.multiply(BigInteger.valueOf(7));
        a.addPoint(GeneratorTable.multiply(BigInteger.valueOf(7)));
        assertArrayEquals(multiply(G, BigInteger.valueOf(14)), affine(a));
        a.addPoint(GeneratorTable.multiply(N.subtract(BigInteger.valueOf(14))));
        assertTrue(a.isInfinity());
        a.addPoint(GeneratorTable.multiply(BigInteger.valueOf(5)));
        assertArrayEquals(multiply(G, BigInteger.valueOf(5)), affine(a), "infinity plus a point");
        a.addPoint(a);
        assertArrayEquals(multiply(G, BigInteger.TEN), affine(a), "a point plus itself");
        a.addPoint(new JacobianPoint());
        assertArrayEquals(multiply(G, BigInteger.TEN), affine(a), "a point plus infinity");
    }

    @Test
    void affineXComparisonFindsOnlyTheRightX() {
        JacobianPoint p = GeneratorTable.multiply(BigInteger.valueOf(123456789));
        BigInteger x = multiply(G, BigInteger.valueOf(123456789))[0];
        assertTrue(p.hasAffineX(x));
        assertFalse(p.hasAffineX(x.add(BigInteger.ONE).mod(P)));
        assertFalse(new JacobianPoint().hasAffineX(BigInteger.ZERO));
    }

    @Test
    void signaturesVerifyAndTamperedOnesDoNot() {
        RandomFelts random = new RandomFelts(SEED + 3);
        for (int i = 0; i < 60; i++) {
            Felt key = random.privateKey();
            Felt publicKey = StarkCurve.publicKey(key);
            Felt hash = random.hash();
            StarkCurve.Signature signature = StarkCurve.sign(key, hash);
            String context = "seed " + SEED + ", case " + i;
            assertTrue(StarkCurve.verify(publicKey, hash, signature), context);
            assertFalse(StarkCurve.verify(publicKey, plusOne(hash), signature), context);
            assertFalse(StarkCurve.verify(publicKey, hash, new StarkCurve.Signature(plusOne(signature.r()), signature.s())), context);
            assertFalse(StarkCurve.verify(publicKey, hash, new StarkCurve.Signature(signature.r(), plusOne(signature.s()))), context);
            assertFalse(StarkCurve.verify(StarkCurve.publicKey(random.privateKey()), hash, signature), context);
            // the signature of the negated key verifies too: the public key is only an x coordinate
            Felt negatedKey = Felt.of(N.subtract(key.value()));
            assertEquals(publicKey, StarkCurve.publicKey(negatedKey), context);
            assertTrue(StarkCurve.verify(publicKey, hash, StarkCurve.sign(negatedKey, hash)), context);
        }
    }

    private static Felt plusOne(Felt felt) {
        return Felt.of(felt.value().add(BigInteger.ONE).mod(P));
    }

    /** The affine (x, y) of a finite point, checked to lie on the curve. */
    private static BigInteger[] affine(JacobianPoint point) {
        assertFalse(point.isInfinity(), "unexpected point at infinity");
        BigInteger z = FieldElementMath.fromMontgomery(point.z);
        BigInteger zInverse = z.modInverse(P);
        BigInteger x = FieldElementMath.fromMontgomery(point.x).multiply(zInverse.pow(2)).mod(P);
        BigInteger y = FieldElementMath.fromMontgomery(point.y).multiply(zInverse.pow(3)).mod(P);
        assertEquals(y.pow(2).mod(P), x.pow(3).add(x).add(BETA).mod(P), "not on the curve");
        return new BigInteger[] {x, y};
    }

    /** k·point by textbook affine double-and-add, high bit first; k in [1, n). */
    private static BigInteger[] multiply(BigInteger[] point, BigInteger k) {
        BigInteger[] sum = null;
        for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
            sum = sum == null ? null : add(sum, sum);
            if (k.testBit(bit)) {
                sum = sum == null ? point : add(sum, point);
            }
        }
        return sum;
    }

    /** Affine sum of two finite points whose sum is finite. */
    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        BigInteger slope;
        if (a[0].equals(b[0])) {
            if (!a[1].equals(b[1]) || a[1].signum() == 0) {
                throw new AssertionError("sum at infinity in the reference");
            }
            slope = a[0].pow(2).multiply(BigInteger.valueOf(3)).add(BigInteger.ONE)
                    .multiply(a[1].shiftLeft(1).modInverse(P)).mod(P);
        } else {
            slope = b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).mod(P).modInverse(P)).mod(P);
        }
        BigInteger x = slope.pow(2).subtract(a[0]).subtract(b[0]).mod(P);
        BigInteger y = slope.multiply(a[0].subtract(x)).subtract(a[1]).mod(P);
        return new BigInteger[] {x, y};
    }
}
