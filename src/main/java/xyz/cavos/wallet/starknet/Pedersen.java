package xyz.cavos.wallet.starknet;

import java.math.BigInteger;

/**
 * Starknet's Pedersen hash on the Stark curve, the hash behind storage addresses:
 * H(a, b) = (P0 + a_low·P1 + a_high·P2 + b_low·P3 + b_high·P4).x, where low is the low 248 bits of
 * an input and high its top 4 bits. P0 to P4 are the protocol's constant points. P1 to P4 are multiplied from their
 * {@link FixedBaseTable}s (42 windows for a low part, one for a high part), read from the resource {@value #RESOURCE}
 * when first needed: a hash is at most 86 additions, on the limb arithmetic of {@link JacobianPoint}.
 *
 * <p>Not constant-time; nothing secret is hashed with it here.
 */
public final class Pedersen {

    static final String RESOURCE = "pedersen.table";
    /** The windows of P1's to P4's tables: 248 bits of a low part, 4 of a high part. */
    static final int[] WINDOWS = {42, 1, 42, 1};
    private static final long LOW_TOP_LIMB = (1L << 56) - 1;

    /** P0 (the shift point) to P4, each as x then y. */
    private static final String[] COORDINATES = {
        "49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804", "3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a",
        "234287dcbaffe7f969c748655fca9e58fa8120b6d56eb0c1080d17957ebe47b", "3b056f100f96fb21e889527d41f4e39940135dd7a6c94cc6ed0268ee89e5615",
        "4fa56f376c83db33f9dab2656558f3399099ec1de5e3018b7a6932dba8aa378", "3fa0984c931c9e38113e0c0e47e4401562761f92a7a23b45168f4e80ff5b54d",
        "4ba4cc166be8dec764910f75b45f74b40c690c74709e90f3aa372f0bd2d6997", "40301cf5c1751f4b971e46c4ede85fcac5c59a5ce5ae7c48151f27b24b219c",
        "54302dcb0e6cc1c6e44cca8f61a63bb2ca65048d53fb325d36ff12c49a58202", "1b77b3e37d13504b348046268d8ae25ce98ad783c25561a879dcc77e99c2426"};
    private Pedersen() {
    }

    /** Cairo's {@code pedersen(a, b)}, starknet.js {@code hash.computePedersenHash}. */
    public static Felt hash(Felt a, Felt b) {
        JacobianPoint sum = JacobianPoint.affine(Tables.SHIFT_X, Tables.SHIFT_Y);
        FixedBaseTable[] tables = Tables.POINTS;
        addParts(sum, a, tables[0], tables[1]);
        addParts(sum, b, tables[2], tables[3]);
        return Felt.of(sum.affineX());
    }

    /** Adds low·{@code low}'s point and high·{@code high}'s point, for the low 248 bits and the top 4 bits of x. */
    private static void addParts(JacobianPoint sum, Felt x, FixedBaseTable low, FixedBaseTable high) {
        long[] limbs = FieldElementMath.toLimbs(x.value());
        long top = limbs[3] >>> 56;
        limbs[3] &= LOW_TOP_LIMB;
        low.addTo(sum, limbs);
        high.addTo(sum, new long[] {top, 0, 0, 0});
    }

    /** P0 to P4 as checked points of the curve in Montgomery form: x then y of each. */
    static long[][] points() {
        long[][] points = new long[COORDINATES.length][];
        for (int i = 0; i < COORDINATES.length; i += 2) {
            BigInteger x = new BigInteger(COORDINATES[i], 16);
            BigInteger y = new BigInteger(COORDINATES[i + 1], 16);
            StarkCurve.requireOnCurve(x, y);
            points[i] = FieldElementMath.toMontgomery(x);
            points[i + 1] = FieldElementMath.toMontgomery(y);
        }
        return points;
    }

    /** P0, and P1's to P4's tables, read when first needed. */
    private static final class Tables {
        private static final long[][] CONSTANT_POINTS = points();
        static final long[] SHIFT_X = CONSTANT_POINTS[0];
        static final long[] SHIFT_Y = CONSTANT_POINTS[1];
        static final FixedBaseTable[] POINTS = FixedBaseTable.read(RESOURCE, WINDOWS,
                new long[][] {CONSTANT_POINTS[2], CONSTANT_POINTS[4], CONSTANT_POINTS[6], CONSTANT_POINTS[8]},
                new long[][] {CONSTANT_POINTS[3], CONSTANT_POINTS[5], CONSTANT_POINTS[7], CONSTANT_POINTS[9]});
    }
}
