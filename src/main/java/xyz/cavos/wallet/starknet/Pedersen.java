package xyz.cavos.wallet.starknet;

import java.math.BigInteger;

/**
 * Starknet's Pedersen hash on the Stark curve, the hash behind storage addresses:
 * H(a, b) = (P0 + a_low·P1 + a_high·P2 + b_low·P3 + b_high·P4).x, where low is the low 248 bits of
 * an input and high its top 4 bits. P0 to P4 are the protocol's constant points. The four products are summed in
 * one pass of doublings ({@link WnafMultiplier#sum}), on the limb arithmetic of {@link JacobianPoint}; each point's
 * odd multiples are computed once per process (32 points, no large table: a command that hashes a few dozen storage
 * addresses pays for nothing it does not use).
 *
 * <p>Not constant-time; nothing secret is hashed with it here.
 */
public final class Pedersen {

    private static final int LOW_BITS = 248;
    private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(LOW_BITS).subtract(BigInteger.ONE);

    /** P0 (the shift point) to P4, each as x then y. */
    private static final String[] COORDINATES = {
        "49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804", "3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a",
        "234287dcbaffe7f969c748655fca9e58fa8120b6d56eb0c1080d17957ebe47b", "3b056f100f96fb21e889527d41f4e39940135dd7a6c94cc6ed0268ee89e5615",
        "4fa56f376c83db33f9dab2656558f3399099ec1de5e3018b7a6932dba8aa378", "3fa0984c931c9e38113e0c0e47e4401562761f92a7a23b45168f4e80ff5b54d",
        "4ba4cc166be8dec764910f75b45f74b40c690c74709e90f3aa372f0bd2d6997", "40301cf5c1751f4b971e46c4ede85fcac5c59a5ce5ae7c48151f27b24b219c",
        "54302dcb0e6cc1c6e44cca8f61a63bb2ca65048d53fb325d36ff12c49a58202", "1b77b3e37d13504b348046268d8ae25ce98ad783c25561a879dcc77e99c2426"};
    private static final long[] SHIFT_X = montgomery(0);
    private static final long[] SHIFT_Y = montgomery(1);
    /** P1 to P4, ready to be summed. */
    private static final WnafMultiplier.OddMultiples[] POINTS = {multiples(1), multiples(2), multiples(3), multiples(4)};

    private Pedersen() {
    }

    /** Cairo's {@code pedersen(a, b)}, starknet.js {@code hash.computePedersenHash}. */
    public static Felt hash(Felt a, Felt b) {
        BigInteger x = a.value();
        BigInteger y = b.value();
        JacobianPoint sum = WnafMultiplier.sum(POINTS,
                new BigInteger[] {x.and(LOW_MASK), x.shiftRight(LOW_BITS), y.and(LOW_MASK), y.shiftRight(LOW_BITS)});
        sum.addAffine(SHIFT_X, SHIFT_Y);
        return Felt.of(sum.affineX());
    }

    private static WnafMultiplier.OddMultiples multiples(int point) {
        BigInteger x = new BigInteger(COORDINATES[2 * point], 16);
        BigInteger y = new BigInteger(COORDINATES[2 * point + 1], 16);
        StarkCurve.requireOnCurve(x, y);
        return new WnafMultiplier.OddMultiples(FieldElementMath.toMontgomery(x), FieldElementMath.toMontgomery(y));
    }

    private static long[] montgomery(int coordinate) {
        return FieldElementMath.toMontgomery(new BigInteger(COORDINATES[coordinate], 16));
    }
}
