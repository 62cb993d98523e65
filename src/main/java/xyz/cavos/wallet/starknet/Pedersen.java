package xyz.cavos.wallet.starknet;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Starknet's Pedersen hash on the Stark curve, the hash behind storage addresses:
 * H(a, b) = (P0 + a_low·P1 + a_high·P2 + b_low·P3 + b_high·P4).x, where low is the low 248 bits of
 * an input and high its top 4 bits. P0 to P4 are the protocol's constant points.
 */
public final class Pedersen {

    private static final int LOW_BITS = 248;
    private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(LOW_BITS).subtract(BigInteger.ONE);

    /** P0 (the shift point) to P4, each as x then y. */
    private static final ECPoint[] POINTS = points(
            "49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804", "3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a",
            "234287dcbaffe7f969c748655fca9e58fa8120b6d56eb0c1080d17957ebe47b", "3b056f100f96fb21e889527d41f4e39940135dd7a6c94cc6ed0268ee89e5615",
            "4fa56f376c83db33f9dab2656558f3399099ec1de5e3018b7a6932dba8aa378", "3fa0984c931c9e38113e0c0e47e4401562761f92a7a23b45168f4e80ff5b54d",
            "4ba4cc166be8dec764910f75b45f74b40c690c74709e90f3aa372f0bd2d6997", "40301cf5c1751f4b971e46c4ede85fcac5c59a5ce5ae7c48151f27b24b219c",
            "54302dcb0e6cc1c6e44cca8f61a63bb2ca65048d53fb325d36ff12c49a58202", "1b77b3e37d13504b348046268d8ae25ce98ad783c25561a879dcc77e99c2426");
    private static final ECPoint SHIFT = POINTS[0];
    private static final ECPoint A_LOW = POINTS[1];
    private static final ECPoint A_HIGH = POINTS[2];
    private static final ECPoint B_LOW = POINTS[3];
    private static final ECPoint B_HIGH = POINTS[4];

    /** Precomputes a table per constant point on first use, then reuses it. */
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private Pedersen() {
    }

    /** Cairo's {@code pedersen(a, b)}, starknet.js {@code hash.computePedersenHash}. */
    public static Felt hash(Felt a, Felt b) {
        BigInteger x = a.value();
        BigInteger y = b.value();
        ECPoint sum = SHIFT
                .add(MULTIPLIER.multiply(A_LOW, x.and(LOW_MASK)))
                .add(MULTIPLIER.multiply(A_HIGH, x.shiftRight(LOW_BITS)))
                .add(MULTIPLIER.multiply(B_LOW, y.and(LOW_MASK)))
                .add(MULTIPLIER.multiply(B_HIGH, y.shiftRight(LOW_BITS)))
                .normalize();
        return Felt.of(sum.getAffineXCoord().toBigInteger());
    }

    private static ECPoint[] points(String... coordinates) {
        ECPoint[] points = new ECPoint[coordinates.length / 2];
        for (int i = 0; i < points.length; i++) {
            points[i] = StarkCurve.point(new BigInteger(coordinates[2 * i], 16), new BigInteger(coordinates[2 * i + 1], 16));
        }
        return points;
    }
}
