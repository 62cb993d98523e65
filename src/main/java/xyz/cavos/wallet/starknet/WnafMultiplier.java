package xyz.cavos.wallet.starknet;

import java.math.BigInteger;

/**
 * k·Q for an arbitrary curve point Q, by the width-5 non-adjacent form of k: one doubling per bit and
 * an addition of ±Q, ±3Q, ..., ±15Q (kept in affine form) about every sixth bit.
 *
 * <p>Not constant-time: the sequence of operations depends on the scalar.
 */
final class WnafMultiplier {

    static final int WIDTH = 5;
    private static final int ODD_MULTIPLES = 1 << (WIDTH - 2);

    private WnafMultiplier() {
    }

    /** k·Q for 0 <= k < 2^256 and Q = (qx, qy) a finite affine point in Montgomery form. */
    static JacobianPoint multiply(long[] qx, long[] qy, BigInteger k) {
        return sum(new OddMultiples[] {new OddMultiples(qx, qy)}, new BigInteger[] {k});
    }

    /**
     * k1·Q1 + k2·Q2 + ... with one doubling per bit for all of them (Shamir's trick): each scalar's NAF digits add their
     * odd multiple of its point on the way. Each 0 <= k < 2^256.
     */
    static JacobianPoint sum(OddMultiples[] points, BigInteger[] scalars) {
        int[][] digits = new int[scalars.length][];
        int top = 0;
        for (int i = 0; i < scalars.length; i++) {
            if (scalars[i].signum() < 0 || scalars[i].bitLength() > 256) {
                throw new IllegalArgumentException("Scalar out of range for the multiplier");
            }
            digits[i] = digits(scalars[i]);
            top = Math.max(top, digits[i].length - 1);
        }
        JacobianPoint sum = new JacobianPoint();
        for (int bit = top; bit >= 0; bit--) {
            sum.twice();
            for (int i = 0; i < scalars.length; i++) {
                int digit = bit < digits[i].length ? digits[i][bit] : 0;
                OddMultiples q = points[i];
                if (digit > 0) {
                    sum.addAffine(q.xs[digit >>> 1], q.ys[digit >>> 1]);
                } else if (digit < 0) {
                    sum.addAffine(q.xs[-digit >>> 1], q.negatedYs[-digit >>> 1]);
                }
            }
        }
        return sum;
    }

    /** Q, 3Q, 5Q, ..., 15Q of a finite point Q in affine Montgomery form, and their negations: what {@link #sum} adds. */
    static final class OddMultiples {
        final long[][] xs = new long[ODD_MULTIPLES][];
        final long[][] ys = new long[ODD_MULTIPLES][];
        final long[][] negatedYs = new long[ODD_MULTIPLES][];

        OddMultiples(long[] qx, long[] qy) {
            oddMultiples(qx, qy, xs, ys);
            for (int i = 0; i < ODD_MULTIPLES; i++) {
                negatedYs[i] = new long[4];
                FieldElementMath.negate(ys[i], negatedYs[i]);
            }
        }
    }

    /**
     * The width-5 NAF of k, least significant first: every digit is 0 or odd in [-15, 15], and of any
     * five consecutive digits at most one is nonzero.
     */
    static int[] digits(BigInteger k) {
        long[] v = new long[5];
        System.arraycopy(FieldElementMath.toLimbs(k), 0, v, 0, 4);
        int[] digits = new int[258];
        int position = 0;
        int last = -1;
        while ((v[0] | v[1] | v[2] | v[3] | v[4]) != 0) {
            if ((v[0] & 1) == 0) {
                int zeros = v[0] == 0 ? 63 : Long.numberOfTrailingZeros(v[0]);
                shiftRight(v, zeros);
                position += zeros;
                continue;
            }
            int digit = (int) (v[0] & ((1 << WIDTH) - 1));
            if (digit >= 1 << (WIDTH - 1)) {
                digit -= 1 << WIDTH;
            }
            digits[position] = digit;
            last = position;
            addSmall(v, -digit);
        }
        int[] trimmed = new int[last + 1];
        System.arraycopy(digits, 0, trimmed, 0, last + 1);
        return trimmed;
    }

    /** v += delta for |delta| < 2^63; v stays nonnegative here. */
    private static void addSmall(long[] v, long delta) {
        long before = v[0];
        v[0] = before + delta;
        if (delta >= 0) {
            if (Long.compareUnsigned(v[0], before) < 0) {
                for (int i = 1; i < v.length && ++v[i] == 0; i++) {
                    // carry on
                }
            }
        } else if (Long.compareUnsigned(before, -delta) < 0) {
            for (int i = 1; i < v.length && v[i]-- == 0; i++) {
                // borrow on
            }
        }
    }

    private static void shiftRight(long[] v, int bits) {
        for (int i = 0; i < v.length - 1; i++) {
            v[i] = (v[i] >>> bits) | (v[i + 1] << (64 - bits));
        }
        v[v.length - 1] >>>= bits;
    }

    /** Q, 3Q, 5Q, ..., 15Q in affine form. */
    private static void oddMultiples(long[] qx, long[] qy, long[][] xs, long[][] ys) {
        JacobianPoint q = JacobianPoint.affine(qx, qy);
        JacobianPoint twoQ = q.copy();
        twoQ.twice();
        JacobianPoint[] multiples = new JacobianPoint[ODD_MULTIPLES];
        multiples[0] = q;
        for (int i = 1; i < ODD_MULTIPLES; i++) {
            multiples[i] = multiples[i - 1].copy();
            multiples[i].addPoint(twoQ);
        }
        JacobianPoint.toAffine(multiples, xs, ys, 0);
    }
}
