package xyz.cavos.wallet.starknet;

import java.math.BigInteger;

/**
 * Multiples of the Stark curve generator G, from its {@link FixedBaseTable} (42 windows of 6 bits: scalars below
 * 2^252), read from the resource {@value #RESOURCE} when first needed.
 *
 * <p>Not constant-time: which entries are read and how long the sum takes depend on the scalar.
 */
final class GeneratorTable {

    static final int WINDOWS = 42;
    static final String RESOURCE = "generator.table";

    private GeneratorTable() {
    }

    /** k·G for 0 <= k < 2^252 (infinity for k = 0). */
    static JacobianPoint multiply(BigInteger k) {
        if (k.signum() < 0 || k.bitLength() > FixedBaseTable.WINDOW_BITS * WINDOWS) {
            throw new IllegalArgumentException("Scalar out of range for the generator table");
        }
        JacobianPoint sum = new JacobianPoint();
        Holder.TABLE.addTo(sum, FieldElementMath.toLimbs(k));
        return sum;
    }

    /** G in Montgomery form. */
    static final class Generator {
        static final long[] X = FieldElementMath.toMontgomery(StarkCurve.GX);
        static final long[] Y = FieldElementMath.toMontgomery(StarkCurve.GY);
    }

    /** The table, read when first needed. */
    private static final class Holder {
        static final FixedBaseTable TABLE = FixedBaseTable.read(RESOURCE, new int[] {WINDOWS}, new long[][] {Generator.X},
                new long[][] {Generator.Y})[0];
    }
}
