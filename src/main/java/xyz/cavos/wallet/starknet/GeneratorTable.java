package xyz.cavos.wallet.starknet;

import java.math.BigInteger;

/**
 * Multiples of the Stark curve generator G from a fixed-window table: for each 6-bit window i of a
 * scalar below 2^252 the table holds d·2^(6i)·G for d = 1..63 in affine form, so k·G is at most 42
 * mixed additions and no doublings. The table (2,646 points, about 275 KB) is built at the fifth multiple;
 * the first four are computed without it.
 *
 * <p>Not constant-time: which entries are read and how long the sum takes depend on the scalar.
 */
final class GeneratorTable {

    static final int WINDOW_BITS = 6;
    static final int WINDOWS = 42;
    private static final int DIGITS = (1 << WINDOW_BITS) - 1;

    private GeneratorTable() {
    }

    /**
     * How many multiples are computed without the table before it is built: building it costs about as much as 60 of
     * them, which a command that signs once (the command line) never earns back, and a process that signs on (the
     * app, a benchmark) earns back at once.
     */
    private static final int BEFORE_THE_TABLE = 4;
    private static final java.util.concurrent.atomic.AtomicInteger UNTABLED = new java.util.concurrent.atomic.AtomicInteger();

    /** k·G for 0 <= k < 2^252 (infinity for k = 0). */
    static JacobianPoint multiply(BigInteger k) {
        if (k.signum() < 0 || k.bitLength() > WINDOW_BITS * WINDOWS) {
            throw new IllegalArgumentException("Scalar out of range for the generator table");
        }
        if (UNTABLED.get() < BEFORE_THE_TABLE && UNTABLED.getAndIncrement() < BEFORE_THE_TABLE) {
            return WnafMultiplier.multiply(Generator.X, Generator.Y, k);
        }
        long[] limbs = FieldElementMath.toLimbs(k);
        long[][] xs = Holder.XS;
        long[][] ys = Holder.YS;
        JacobianPoint sum = new JacobianPoint();
        for (int window = 0; window < WINDOWS; window++) {
            int digit = bits(limbs, window * WINDOW_BITS);
            if (digit != 0) {
                int index = window * DIGITS + digit - 1;
                sum.addAffine(xs[index], ys[index]);
            }
        }
        return sum;
    }

    /** The window of {@link #WINDOW_BITS} bits starting at bit {@code from} of a 256-bit number. */
    static int bits(long[] limbs, int from) {
        int limb = from >>> 6;
        int shift = from & 63;
        long value = limbs[limb] >>> shift;
        if (shift > 64 - WINDOW_BITS && limb < 3) {
            value |= limbs[limb + 1] << (64 - shift);
        }
        return (int) (value & DIGITS);
    }

    /** G in Montgomery form. */
    private static final class Generator {
        static final long[] X = FieldElementMath.toMontgomery(StarkCurve.GX);
        static final long[] Y = FieldElementMath.toMontgomery(StarkCurve.GY);
    }

    /** The table, built when first needed. */
    private static final class Holder {
        static final long[][] XS = new long[WINDOWS * DIGITS][];
        static final long[][] YS = new long[WINDOWS * DIGITS][];

        static {
            JacobianPoint base = JacobianPoint.affine(Generator.X, Generator.Y);
            JacobianPoint[] multiples = new JacobianPoint[DIGITS];
            for (int window = 0; window < WINDOWS; window++) {
                // base = 2^(6·window)·G; multiples[d - 1] = d·base
                multiples[0] = base.copy();
                for (int d = 1; d < DIGITS; d++) {
                    multiples[d] = multiples[d - 1].copy();
                    multiples[d].addPoint(base);
                }
                JacobianPoint.toAffine(multiples, XS, YS, window * DIGITS);
                base = multiples[DIGITS - 1].copy();
                base.addPoint(multiples[0]);
            }
        }
    }
}
