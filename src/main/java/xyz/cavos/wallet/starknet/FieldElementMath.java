package xyz.cavos.wallet.starknet;

import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;

/**
 * Arithmetic modulo the Stark prime on four 64-bit limbs (little-endian) in Montgomery form, R = 2^256.
 * P's limbs are {1, 0, 0, P3}: P is 1 modulo 2^192, which makes the reduction cheap (two steps, four
 * 64x64 multiplications). Unrolled and allocation-free: Poseidon and the curve arithmetic spend nearly
 * all their time here. Every input and output is fully reduced (below P). Not constant-time: some
 * branches depend on the values.
 */
final class FieldElementMath {

    static final long P3 = 0x0800000000000011L;
    /** R^2 mod P, to enter Montgomery form with one multiplication. */
    private static final long[] R2 = toLimbs(BigInteger.ONE.shiftLeft(512).mod(Felt.PRIME));
    private static final long[] ONE_PLAIN = {1L, 0L, 0L, 0L};
    private static final long[] ZERO = new long[4];

    private FieldElementMath() {
    }

    static long[] toLimbs(BigInteger value) {
        long[] limbs = new long[4];
        for (int i = 0; i < 4; i++) {
            limbs[i] = value.shiftRight(64 * i).longValue();
        }
        return limbs;
    }

    static BigInteger fromLimbs(long[] limbs) {
        byte[] bytes = new byte[33];
        for (int i = 0; i < 4; i++) {
            long limb = limbs[i];
            for (int j = 0; j < 8; j++) {
                bytes[32 - (i * 8 + j)] = (byte) (limb >>> (8 * j));
            }
        }
        return new BigInteger(bytes);
    }

    /** x (below P) into Montgomery form. */
    static long[] toMontgomery(BigInteger x) {
        long[] out = new long[4];
        mul(toLimbs(x), R2, out);
        return out;
    }

    static BigInteger fromMontgomery(long[] a) {
        long[] out = new long[4];
        mul(a, ONE_PLAIN, out);
        return fromLimbs(out);
    }

    private static long carry(long sum, long addend) {
        return Long.compareUnsigned(sum, addend) < 0 ? 1L : 0L;
    }

    /** out = a·b·R^-1 mod P: the full product, then a Montgomery reduction. {@code out} may alias an input. */
    static void mul(long[] a, long[] b, long[] out) {
        final long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        final long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
        long lo, hi, c, k;
        // row 0
        long t0 = a0 * b0;
        c = Math.unsignedMultiplyHigh(a0, b0);
        lo = a0 * b1;
        long t1 = lo + c;
        c = Math.unsignedMultiplyHigh(a0, b1) + carry(t1, lo);
        lo = a0 * b2;
        long t2 = lo + c;
        c = Math.unsignedMultiplyHigh(a0, b2) + carry(t2, lo);
        lo = a0 * b3;
        long t3 = lo + c;
        long t4 = Math.unsignedMultiplyHigh(a0, b3) + carry(t3, lo);
        // row 1
        lo = a1 * b0; hi = Math.unsignedMultiplyHigh(a1, b0);
        t1 += lo; c = hi + carry(t1, lo);
        lo = a1 * b1; hi = Math.unsignedMultiplyHigh(a1, b1);
        t2 += lo; k = carry(t2, lo); t2 += c; c = hi + k + carry(t2, c);
        lo = a1 * b2; hi = Math.unsignedMultiplyHigh(a1, b2);
        t3 += lo; k = carry(t3, lo); t3 += c; c = hi + k + carry(t3, c);
        lo = a1 * b3; hi = Math.unsignedMultiplyHigh(a1, b3);
        t4 += lo; k = carry(t4, lo); t4 += c; long t5 = hi + k + carry(t4, c);
        // row 2
        lo = a2 * b0; hi = Math.unsignedMultiplyHigh(a2, b0);
        t2 += lo; c = hi + carry(t2, lo);
        lo = a2 * b1; hi = Math.unsignedMultiplyHigh(a2, b1);
        t3 += lo; k = carry(t3, lo); t3 += c; c = hi + k + carry(t3, c);
        lo = a2 * b2; hi = Math.unsignedMultiplyHigh(a2, b2);
        t4 += lo; k = carry(t4, lo); t4 += c; c = hi + k + carry(t4, c);
        lo = a2 * b3; hi = Math.unsignedMultiplyHigh(a2, b3);
        t5 += lo; k = carry(t5, lo); t5 += c; long t6 = hi + k + carry(t5, c);
        // row 3
        lo = a3 * b0; hi = Math.unsignedMultiplyHigh(a3, b0);
        t3 += lo; c = hi + carry(t3, lo);
        lo = a3 * b1; hi = Math.unsignedMultiplyHigh(a3, b1);
        t4 += lo; k = carry(t4, lo); t4 += c; c = hi + k + carry(t4, c);
        lo = a3 * b2; hi = Math.unsignedMultiplyHigh(a3, b2);
        t5 += lo; k = carry(t5, lo); t5 += c; c = hi + k + carry(t5, c);
        lo = a3 * b3; hi = Math.unsignedMultiplyHigh(a3, b3);
        t6 += lo; k = carry(t6, lo); t6 += c; long t7 = hi + k + carry(t6, c);

        // Montgomery reduction. P is 1 modulo 2^192, so m = -t mod 2^192 clears the low three limbs at once.
        // t + m·P = t + m + m·P3·2^192 is a multiple of 2^192
        long m0 = -t0;
        long m1 = ~t1 + (t0 == 0 ? 1L : 0L);
        long m2 = ~t2 + ((t0 | t1) == 0 ? 1L : 0L);
        c = (t0 | t1 | t2) != 0 ? 1L : 0L;
        // (t3..t7) + c + m·P3 where m·P3 spans four limbs
        lo = m0 * P3; hi = Math.unsignedMultiplyHigh(m0, P3);
        long s0 = t3 + lo; k = carry(s0, lo); s0 += c; c = hi + k + carry(s0, c);
        lo = m1 * P3; hi = Math.unsignedMultiplyHigh(m1, P3);
        long s1 = t4 + lo; k = carry(s1, lo); s1 += c; c = hi + k + carry(s1, c);
        lo = m2 * P3; hi = Math.unsignedMultiplyHigh(m2, P3);
        long s2 = t5 + lo; k = carry(s2, lo); s2 += c; c = hi + k + carry(s2, c);
        long s3 = t6 + c; c = carry(s3, c);
        long s4 = t7 + c;
        // one more limb: n = -s0, (s + n + n·P3·2^192) / 2^64
        long n = -s0;
        c = s0 != 0 ? 1L : 0L;
        long r0 = s1 + c; c = carry(r0, c);
        long r1 = s2 + c; c = carry(r1, c);
        lo = n * P3; hi = Math.unsignedMultiplyHigh(n, P3);
        long r2 = s3 + lo; k = carry(r2, lo); r2 += c; c = hi + k + carry(r2, c);
        long r3 = s4 + c;
        reduceOnce(r0, r1, r2, r3, out);
    }

    /** out = a^2·R^-1 mod P, with each cross product computed once. {@code out} may alias {@code a}. */
    static void square(long[] a, long[] out) {
        final long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        long lo, hi, c, k;
        // cross products a_i·a_j (i < j) into t1..t6
        long t1 = a0 * a1;
        c = Math.unsignedMultiplyHigh(a0, a1);
        lo = a0 * a2;
        long t2 = lo + c;
        c = Math.unsignedMultiplyHigh(a0, a2) + carry(t2, lo);
        lo = a0 * a3;
        long t3 = lo + c;
        long t4 = Math.unsignedMultiplyHigh(a0, a3) + carry(t3, lo);
        lo = a1 * a2; hi = Math.unsignedMultiplyHigh(a1, a2);
        t3 += lo; c = hi + carry(t3, lo);
        lo = a1 * a3; hi = Math.unsignedMultiplyHigh(a1, a3);
        t4 += lo; k = carry(t4, lo); t4 += c; long t5 = hi + k + carry(t4, c);
        lo = a2 * a3; hi = Math.unsignedMultiplyHigh(a2, a3);
        t5 += lo; long t6 = hi + carry(t5, lo);
        // double them
        long t7 = t6 >>> 63;
        t6 = (t6 << 1) | (t5 >>> 63);
        t5 = (t5 << 1) | (t4 >>> 63);
        t4 = (t4 << 1) | (t3 >>> 63);
        t3 = (t3 << 1) | (t2 >>> 63);
        t2 = (t2 << 1) | (t1 >>> 63);
        t1 <<= 1;
        // add the squares a_i^2 at limbs 2i, 2i+1
        long t0 = a0 * a0;
        hi = Math.unsignedMultiplyHigh(a0, a0);
        t1 += hi; c = carry(t1, hi);
        lo = a1 * a1; hi = Math.unsignedMultiplyHigh(a1, a1);
        t2 += lo; k = carry(t2, lo); t2 += c; c = k + carry(t2, c);
        t3 += hi; k = carry(t3, hi); t3 += c; c = k + carry(t3, c);
        lo = a2 * a2; hi = Math.unsignedMultiplyHigh(a2, a2);
        t4 += lo; k = carry(t4, lo); t4 += c; c = k + carry(t4, c);
        t5 += hi; k = carry(t5, hi); t5 += c; c = k + carry(t5, c);
        lo = a3 * a3; hi = Math.unsignedMultiplyHigh(a3, a3);
        t6 += lo; k = carry(t6, lo); t6 += c; c = k + carry(t6, c);
        t7 += hi + c;

        // Montgomery reduction. P is 1 modulo 2^192, so m = -t mod 2^192 clears the low three limbs at once.
        // t + m·P = t + m + m·P3·2^192 is a multiple of 2^192
        long m0 = -t0;
        long m1 = ~t1 + (t0 == 0 ? 1L : 0L);
        long m2 = ~t2 + ((t0 | t1) == 0 ? 1L : 0L);
        c = (t0 | t1 | t2) != 0 ? 1L : 0L;
        // (t3..t7) + c + m·P3 where m·P3 spans four limbs
        lo = m0 * P3; hi = Math.unsignedMultiplyHigh(m0, P3);
        long s0 = t3 + lo; k = carry(s0, lo); s0 += c; c = hi + k + carry(s0, c);
        lo = m1 * P3; hi = Math.unsignedMultiplyHigh(m1, P3);
        long s1 = t4 + lo; k = carry(s1, lo); s1 += c; c = hi + k + carry(s1, c);
        lo = m2 * P3; hi = Math.unsignedMultiplyHigh(m2, P3);
        long s2 = t5 + lo; k = carry(s2, lo); s2 += c; c = hi + k + carry(s2, c);
        long s3 = t6 + c; c = carry(s3, c);
        long s4 = t7 + c;
        // one more limb: n = -s0, (s + n + n·P3·2^192) / 2^64
        long n = -s0;
        c = s0 != 0 ? 1L : 0L;
        long r0 = s1 + c; c = carry(r0, c);
        long r1 = s2 + c; c = carry(r1, c);
        lo = n * P3; hi = Math.unsignedMultiplyHigh(n, P3);
        long r2 = s3 + lo; k = carry(r2, lo); r2 += c; c = hi + k + carry(r2, c);
        long r3 = s4 + c;
        reduceOnce(r0, r1, r2, r3, out);
    }

    /** out = -a mod P. */
    static void negate(long[] a, long[] out) {
        sub(ZERO, a, out);
    }

    static boolean isZero(long[] a) {
        return (a[0] | a[1] | a[2] | a[3]) == 0;
    }

    /** The Montgomery form of the inverse of a nonzero element given in Montgomery form. */
    static long[] inverse(long[] a) {
        return toMontgomery(BigIntegers.modOddInverse(Felt.PRIME, fromMontgomery(a)));
    }

    /** out = a + b mod P. */
    static void add(long[] a, long[] b, long[] out) {
        long s0 = a[0] + b[0];
        long c = carry(s0, b[0]);
        long s1 = a[1] + b[1];
        long k = carry(s1, b[1]);
        s1 += c;
        c = k + carry(s1, c);
        long s2 = a[2] + b[2];
        k = carry(s2, b[2]);
        s2 += c;
        c = k + carry(s2, c);
        long s3 = a[3] + b[3] + c; // below 2^253: the top limb cannot overflow
        reduceOnce(s0, s1, s2, s3, out);
    }

    /** out = a - b mod P. */
    static void sub(long[] a, long[] b, long[] out) {
        long a0 = a[0];
        long a1 = a[1];
        long a2 = a[2];
        long a3 = a[3];
        long b0 = b[0];
        long b1 = b[1];
        long b2 = b[2];
        long d0 = a0 - b0;
        long borrow = borrow(a0, b0, d0);
        long d1 = a1 - b1 - borrow;
        borrow = borrow(a1, b1, d1);
        long d2 = a2 - b2 - borrow;
        borrow = borrow(a2, b2, d2);
        long d3 = a3 - b[3] - borrow; // negative (as signed) exactly when a < b, since both are below 2^252
        // add P = 1 + P3·2^192 when a < b, without branching on it
        long mask = d3 >> 63;
        long one = mask & 1L;
        long e0 = d0 + one;
        long c = ((d0 & one) | ((d0 | one) & ~e0)) >>> 63;
        long e1 = d1 + c;
        c = (d1 & ~e1) >>> 63;
        long e2 = d2 + c;
        c = (d2 & ~e2) >>> 63;
        out[0] = e0;
        out[1] = e1;
        out[2] = e2;
        out[3] = d3 + (P3 & mask) + c;
    }

    /** The borrow out of d = x - y - borrowIn, 0 or 1. */
    private static long borrow(long x, long y, long d) {
        return ((~x & y) | (~(x ^ y) & d)) >>> 63;
    }

    /**
     * out = x - P if x >= P, else x, for x below 2P. Computes x - P and selects with a mask rather than a
     * branch: the outcome is close to random, and mispredicted branches cost more than the subtraction.
     */
    private static void reduceOnce(long x0, long x1, long x2, long x3, long[] out) {
        long d0 = x0 - 1;
        long borrow = (~x0 & d0) >>> 63;
        long d1 = x1 - borrow;
        borrow = (~x1 & d1) >>> 63;
        long d2 = x2 - borrow;
        borrow = (~x2 & d2) >>> 63;
        long d3 = x3 - P3 - borrow; // negative (as signed) exactly when x < P
        long keep = d3 >> 63;
        out[0] = (x0 & keep) | (d0 & ~keep);
        out[1] = (x1 & keep) | (d1 & ~keep);
        out[2] = (x2 & keep) | (d2 & ~keep);
        out[3] = (x3 & keep) | (d3 & ~keep);
    }
}
