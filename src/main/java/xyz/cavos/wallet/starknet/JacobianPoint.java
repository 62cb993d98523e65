package xyz.cavos.wallet.starknet;

import static xyz.cavos.wallet.starknet.FieldElementMath.add;
import static xyz.cavos.wallet.starknet.FieldElementMath.isZero;
import static xyz.cavos.wallet.starknet.FieldElementMath.mul;
import static xyz.cavos.wallet.starknet.FieldElementMath.square;
import static xyz.cavos.wallet.starknet.FieldElementMath.sub;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A mutable point on the Stark curve y^2 = x^3 + x + β in Jacobian coordinates: the affine point is
 * (X/Z^2, Y/Z^3), and Z = 0 is the point at infinity. Coordinates are Montgomery limbs of
 * {@link FieldElementMath}. Every operation updates this point in place and handles the special cases
 * (infinity, equal points, opposite points), so sums are right for any inputs.
 *
 * <p>Not constant-time: branches and running time depend on the coordinates, as with the BigInteger
 * arithmetic used before.
 */
final class JacobianPoint {

    private static final long[] MONT_ONE = FieldElementMath.toMontgomery(BigInteger.ONE);

    final long[] x = new long[4];
    final long[] y = new long[4];
    final long[] z = new long[4];

    private final long[] t0 = new long[4];
    private final long[] t1 = new long[4];
    private final long[] t2 = new long[4];
    private final long[] t3 = new long[4];
    private final long[] t4 = new long[4];
    private final long[] t5 = new long[4];
    private final long[] t6 = new long[4];

    /** The point at infinity. */
    JacobianPoint() {
    }

    /** The affine point (x, y), both in Montgomery form. */
    static JacobianPoint affine(long[] x, long[] y) {
        JacobianPoint point = new JacobianPoint();
        point.setAffine(x, y);
        return point;
    }

    JacobianPoint copy() {
        JacobianPoint copy = new JacobianPoint();
        copy.set(this);
        return copy;
    }

    boolean isInfinity() {
        return isZero(z);
    }

    void setInfinity() {
        Arrays.fill(x, 0L);
        Arrays.fill(y, 0L);
        Arrays.fill(z, 0L);
    }

    void set(JacobianPoint other) {
        System.arraycopy(other.x, 0, x, 0, 4);
        System.arraycopy(other.y, 0, y, 0, 4);
        System.arraycopy(other.z, 0, z, 0, 4);
    }

    void setAffine(long[] ax, long[] ay) {
        System.arraycopy(ax, 0, x, 0, 4);
        System.arraycopy(ay, 0, y, 0, 4);
        System.arraycopy(MONT_ONE, 0, z, 0, 4);
    }

    void negate() {
        FieldElementMath.negate(y, y);
    }

    /** This point times two (a = 1 in the curve equation: M = 3X^2 + Z^4). */
    void twice() {
        if (isInfinity()) {
            return;
        }
        long[] xx = t0;
        long[] yy = t1;
        long[] yyyy = t2;
        long[] zz = t3;
        long[] s = t4;
        long[] m = t5;
        square(x, xx);
        square(y, yy);
        square(yy, yyyy);
        square(z, zz);
        // S = 2((X + YY)^2 - XX - YYYY) = 4·X·YY
        add(x, yy, s);
        square(s, s);
        sub(s, xx, s);
        sub(s, yyyy, s);
        add(s, s, s);
        // M = 3·XX + ZZ^2
        square(zz, m);
        add(m, xx, m);
        add(m, xx, m);
        add(m, xx, m);
        // Z3 = 2·Y·Z
        mul(y, z, z);
        add(z, z, z);
        // X3 = M^2 - 2S
        square(m, x);
        sub(x, s, x);
        sub(x, s, x);
        // Y3 = M(S - X3) - 8·YYYY
        sub(s, x, y);
        mul(m, y, y);
        add(yyyy, yyyy, yyyy);
        add(yyyy, yyyy, yyyy);
        add(yyyy, yyyy, yyyy);
        sub(y, yyyy, y);
    }

    /** Adds the affine point (ax, ay), given in Montgomery form. */
    void addAffine(long[] ax, long[] ay) {
        if (isInfinity()) {
            setAffine(ax, ay);
            return;
        }
        long[] z1z1 = t0;
        long[] u2 = t1;
        long[] s2 = t2;
        long[] h = t3;
        long[] r = t4;
        square(z, z1z1);
        mul(ax, z1z1, u2);
        mul(ay, z, s2);
        mul(s2, z1z1, s2);
        sub(u2, x, h);
        sub(s2, y, r);
        if (isZero(h)) {
            if (isZero(r)) {
                twice();
            } else {
                setInfinity();
            }
            return;
        }
        add(r, r, r);
        long[] hh = t0; // Z1Z1 is no longer needed
        long[] i = t1;
        long[] j = t2;
        long[] v = t5;
        square(h, hh);
        add(hh, hh, i);
        add(i, i, i);
        mul(h, i, j);
        mul(x, i, v);
        // Z3 = 2·Z1·H
        mul(z, h, z);
        add(z, z, z);
        finishAddition(r, j, v, y);
    }

    /** Adds another point (which may be this one). */
    void addPoint(JacobianPoint other) {
        if (other == this) {
            twice();
            return;
        }
        if (other.isInfinity()) {
            return;
        }
        if (isInfinity()) {
            set(other);
            return;
        }
        long[] z1z1 = t0;
        long[] z2z2 = t1;
        long[] u1 = t2;
        long[] u2 = t3;
        long[] s1 = t4;
        long[] s2 = t5;
        square(z, z1z1);
        square(other.z, z2z2);
        mul(x, z2z2, u1);
        mul(other.x, z1z1, u2);
        mul(y, other.z, s1);
        mul(s1, z2z2, s1);
        mul(other.y, z, s2);
        mul(s2, z1z1, s2);
        long[] h = u2;
        long[] r = s2;
        sub(u2, u1, h);
        sub(s2, s1, r);
        if (isZero(h)) {
            if (isZero(r)) {
                twice();
            } else {
                setInfinity();
            }
            return;
        }
        add(r, r, r);
        long[] i = t0;
        long[] j = t1;
        long[] v = t6;
        add(h, h, i);
        square(i, i);
        mul(h, i, j);
        mul(u1, i, v);
        // Z3 = 2·Z1·Z2·H
        mul(z, other.z, z);
        add(z, z, z);
        mul(z, h, z);
        finishAddition(r, j, v, s1);
    }

    /** X3 = r^2 - J - 2V, Y3 = r(V - X3) - 2·S1·J; Z3 is already set. Overwrites j and v. */
    private void finishAddition(long[] r, long[] j, long[] v, long[] s1) {
        square(r, x);
        sub(x, j, x);
        sub(x, v, x);
        sub(x, v, x);
        mul(s1, j, j);
        add(j, j, j);
        sub(v, x, v);
        mul(r, v, y);
        sub(y, j, y);
    }

    /** The affine x coordinate, or null at infinity. */
    BigInteger affineX() {
        if (isInfinity()) {
            return null;
        }
        long[] zInverse = FieldElementMath.inverse(z);
        square(zInverse, t0);
        mul(x, t0, t0);
        return FieldElementMath.fromMontgomery(t0);
    }

    /** Whether this is a finite point whose affine x equals {@code value} (a number below P). */
    boolean hasAffineX(BigInteger value) {
        if (isInfinity()) {
            return false;
        }
        long[] expected = FieldElementMath.toMontgomery(value);
        square(z, t0);
        mul(expected, t0, t0);
        return Arrays.equals(t0, x);
    }

    /**
     * Writes the affine coordinates of finite points into xs[offset + i] and ys[offset + i], with one
     * field inversion for all of them.
     */
    static void toAffine(JacobianPoint[] points, long[][] xs, long[][] ys, int offset) {
        int n = points.length;
        long[][] prefix = new long[n][4];
        System.arraycopy(points[0].z, 0, prefix[0], 0, 4);
        for (int i = 1; i < n; i++) {
            mul(prefix[i - 1], points[i].z, prefix[i]);
        }
        long[] inverse = FieldElementMath.inverse(prefix[n - 1]);
        long[] zInverse = new long[4];
        long[] zz = new long[4];
        for (int i = n - 1; i >= 0; i--) {
            if (i > 0) {
                mul(inverse, prefix[i - 1], zInverse);
                mul(inverse, points[i].z, inverse);
            } else {
                System.arraycopy(inverse, 0, zInverse, 0, 4);
            }
            square(zInverse, zz);
            long[] ax = new long[4];
            long[] ay = new long[4];
            mul(points[i].x, zz, ax);
            mul(zz, zInverse, zz);
            mul(points[i].y, zz, ay);
            xs[offset + i] = ax;
            ys[offset + i] = ay;
        }
    }
}
