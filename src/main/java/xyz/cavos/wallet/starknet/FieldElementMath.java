package xyz.cavos.wallet.starknet;

import java.math.BigInteger;

/**
 * Arithmetic modulo the Stark prime on four 64-bit limbs (little-endian) in Montgomery form, R = 2^256.
 * P's limbs are {1, 0, 0, P3}, so -P^-1 mod 2^64 is -1 and each reduction step costs one 64x64
 * multiplication. Unrolled and allocation-free: Poseidon spends nearly all its time here.
 * Every input and output is fully reduced (below P).
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

    /** out = a·b·R^-1 mod P (CIOS). {@code out} may alias an input. */
    static void mul(long[] a, long[] b, long[] out) {
        final long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        for (int i = 0; i < 4; i++) {
            final long bi = b[i];
            // t += a·bi, five limbs t0..t4
            long lo = a0 * bi;
            long hi = Math.unsignedMultiplyHigh(a0, bi);
            t0 += lo;
            long c = hi + carry(t0, lo);

            lo = a1 * bi;
            hi = Math.unsignedMultiplyHigh(a1, bi);
            t1 += c;
            long k = carry(t1, c);
            t1 += lo;
            c = hi + k + carry(t1, lo);

            lo = a2 * bi;
            hi = Math.unsignedMultiplyHigh(a2, bi);
            t2 += c;
            k = carry(t2, c);
            t2 += lo;
            c = hi + k + carry(t2, lo);

            lo = a3 * bi;
            hi = Math.unsignedMultiplyHigh(a3, bi);
            t3 += c;
            k = carry(t3, c);
            t3 += lo;
            long t4 = hi + k + carry(t3, lo);

            // t += m·P with m = -t0 (clears t0), then shift down one limb
            final long m = -t0;
            c = t0 != 0 ? 1L : 0L;
            long s = t1 + c;
            c = carry(s, c);
            t0 = s;
            s = t2 + c;
            c = carry(s, c);
            t1 = s;
            lo = m * P3;
            hi = Math.unsignedMultiplyHigh(m, P3);
            s = t3 + lo;
            k = carry(s, lo);
            s += c;
            k += carry(s, c);
            t2 = s;
            t3 = t4 + hi + k; // t < 2P < 2^253 after each step: no carry out
        }
        out[0] = t0;
        out[1] = t1;
        out[2] = t2;
        out[3] = t3;
        reduceOnce(out);
    }

    /** out = a^2·R^-1 mod P. {@code out} may alias {@code a}. */
    static void square(long[] a, long[] out) {
        mul(a, a, out);
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
        return toMontgomery(fromMontgomery(a).modInverse(Felt.PRIME));
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
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
        reduceOnce(out);
    }

    /** out = a - b mod P. */
    static void sub(long[] a, long[] b, long[] out) {
        long d0 = a[0] - b[0];
        long borrow = Long.compareUnsigned(a[0], b[0]) < 0 ? 1L : 0L;
        long d1 = a[1] - b[1];
        long k = Long.compareUnsigned(a[1], b[1]) < 0 ? 1L : 0L;
        k += Long.compareUnsigned(d1, borrow) < 0 ? 1L : 0L;
        d1 -= borrow;
        borrow = k;
        long d2 = a[2] - b[2];
        k = Long.compareUnsigned(a[2], b[2]) < 0 ? 1L : 0L;
        k += Long.compareUnsigned(d2, borrow) < 0 ? 1L : 0L;
        d2 -= borrow;
        borrow = k;
        long d3 = a[3] - b[3] - borrow; // negative (as signed) exactly when a < b, since both are below 2^252
        if (d3 < 0) {
            // add P = 1 + P3·2^192
            d0 += 1;
            long c = d0 == 0 ? 1L : 0L;
            d1 += c;
            c = c != 0 && d1 == 0 ? 1L : 0L;
            d2 += c;
            c = c != 0 && d2 == 0 ? 1L : 0L;
            d3 += P3 + c;
        }
        out[0] = d0;
        out[1] = d1;
        out[2] = d2;
        out[3] = d3;
    }

    /** Subtracts P once if x >= P (x below 2P). */
    private static void reduceOnce(long[] x) {
        long x3 = x[3];
        boolean atLeastP = x3 > P3 || (x3 == P3 && (x[2] != 0 || x[1] != 0 || x[0] != 0));
        if (atLeastP) {
            // subtract 1 from the low limbs, then P3 (and the borrow) from the top
            long x0 = x[0] - 1;
            long borrow = x[0] == 0 ? 1L : 0L;
            long x1 = x[1] - borrow;
            borrow = borrow != 0 && x[1] == 0 ? 1L : 0L;
            long x2 = x[2] - borrow;
            borrow = borrow != 0 && x[2] == 0 ? 1L : 0L;
            x[0] = x0;
            x[1] = x1;
            x[2] = x2;
            x[3] = x3 - P3 - borrow;
        }
    }
}
