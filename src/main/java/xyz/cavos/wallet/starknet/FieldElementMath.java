package xyz.cavos.wallet.starknet;

import java.math.BigInteger;

/**
 * Arithmetic modulo the Stark prime on four 64-bit limbs (little-endian) in Montgomery form, R = 2^256.
 * The prime's limbs are {1, 0, 0, 0x0800000000000011}, so -P^-1 mod 2^64 is -1 and the reduction needs
 * one multiplication per limb. Used by Poseidon, where BigInteger would cost a few times more.
 */
final class FieldElementMath {

    static final long P3 = 0x0800000000000011L;
    private static final long[] P = {1L, 0L, 0L, P3};
    /** R^2 mod P, to enter Montgomery form with one multiplication. */
    private static final long[] R2 = toLimbs(BigInteger.ONE.shiftLeft(512).mod(Felt.PRIME));
    private static final long[] ONE_PLAIN = {1L, 0L, 0L, 0L};

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
        BigInteger value = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            value = value.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
        }
        return value;
    }

    /** x (reduced, below P) into Montgomery form. */
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

    /** out = a·b·R^-1 mod P. {@code out} may alias an input. */
    static void mul(long[] a, long[] b, long[] out) {
        long[] t = new long[8];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                addAt(t, i + j, a[i] * b[j]);
                addAt(t, i + j + 1, Math.unsignedMultiplyHigh(a[i], b[j]));
            }
        }
        // Montgomery reduction: add m·P with m = -t[i], which clears limb i; P = 1 + P3·2^192.
        for (int i = 0; i < 4; i++) {
            long m = -t[i];
            addAt(t, i, m);
            addAt(t, i + 3, m * P3);
            addAt(t, i + 4, Math.unsignedMultiplyHigh(m, P3));
        }
        // (a·b + M·P) / R < 2P < 2^253, so it fits in the top four limbs.
        out[0] = t[4];
        out[1] = t[5];
        out[2] = t[6];
        out[3] = t[7];
        reduceOnce(out);
    }

    /** Adds v at limb k and carries upwards; the product's bounds keep the carry inside the array. */
    private static void addAt(long[] t, int k, long v) {
        while (v != 0 && k < t.length) {
            long sum = t[k] + v;
            v = Long.compareUnsigned(sum, v) < 0 ? 1 : 0;
            t[k] = sum;
            k++;
        }
    }

    /** out = a + b mod P (inputs below P). */
    static void add(long[] a, long[] b, long[] out) {
        long c = 0;
        for (int i = 0; i < 4; i++) {
            long s = a[i] + b[i];
            long c1 = Long.compareUnsigned(s, a[i]) < 0 ? 1 : 0;
            long s2 = s + c;
            c1 += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
            out[i] = s2;
            c = c1;
        }
        reduceOnce(out); // a + b < 2P < 2^253: no carry out of the top limb
    }

    /** out = a - b mod P (inputs below P). */
    static void sub(long[] a, long[] b, long[] out) {
        long borrow = 0;
        for (int i = 0; i < 4; i++) {
            long d = a[i] - b[i];
            long b1 = Long.compareUnsigned(a[i], b[i]) < 0 ? 1 : 0;
            long d2 = d - borrow;
            b1 += Long.compareUnsigned(d, borrow) < 0 ? 1 : 0;
            out[i] = d2;
            borrow = b1;
        }
        if (borrow != 0) {
            addP(out);
        }
    }

    private static void addP(long[] x) {
        long c = 0;
        for (int i = 0; i < 4; i++) {
            long s = x[i] + P[i];
            long c1 = Long.compareUnsigned(s, x[i]) < 0 ? 1 : 0;
            long s2 = s + c;
            c1 += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
            x[i] = s2;
            c = c1;
        }
    }

    /** Subtracts P once if x >= P (x below 2P). */
    private static void reduceOnce(long[] x) {
        if (geP(x)) {
            long borrow = 0;
            for (int i = 0; i < 4; i++) {
                long d = x[i] - P[i];
                long b1 = Long.compareUnsigned(x[i], P[i]) < 0 ? 1 : 0;
                long d2 = d - borrow;
                b1 += Long.compareUnsigned(d, borrow) < 0 ? 1 : 0;
                x[i] = d2;
                borrow = b1;
            }
        }
    }

    private static boolean geP(long[] x) {
        for (int i = 3; i >= 0; i--) {
            int cmp = Long.compareUnsigned(x[i], P[i]);
            if (cmp != 0) {
                return cmp > 0;
            }
        }
        return true;
    }
}
