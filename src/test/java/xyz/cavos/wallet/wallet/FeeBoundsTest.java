package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.FeeEstimate;

/** The bounds signed for an estimate: the Cavos SDK's margins, and the most they let the fee be. */
class FeeBoundsTest {

    private static BigInteger n(long value) {
        return BigInteger.valueOf(value);
    }

    @Test
    void eachAmountAndPriceIsDoubledAndL2GasGetsRoomForValidation() {
        FeeEstimate estimate = new FeeEstimate(n(0), n(30_000_000_000_000L), n(1_200_000), n(8_000_000_000L), n(192), n(900), n(0), "FRI");
        FeeQuote quote = FeeBounds.quote(estimate);
        assertEquals(n(0), quote.bounds().l1Gas().maxAmount());
        assertEquals(n(60_000_000_000_000L), quote.bounds().l1Gas().maxPricePerUnit());
        assertEquals(n(2_400_000 + 5_000_000), quote.bounds().l2Gas().maxAmount());
        assertEquals(n(16_000_000_000L), quote.bounds().l2Gas().maxPricePerUnit());
        assertEquals(n(384), quote.bounds().l1DataGas().maxAmount());
        assertEquals(n(1800), quote.bounds().l1DataGas().maxPricePerUnit());
        // 7,400,000 × 16e9 + 384 × 1800, worked out by hand
        assertEquals(new BigInteger("118400000000000000").add(n(691_200)), quote.maxFee());
    }

    @Test
    void theEstimatedFeeIsTheNodesOverallFee() {
        FeeEstimate estimate = new FeeEstimate(n(1), n(2), n(3), n(4), n(5), n(6), n(123_456_789), "FRI");
        assertEquals(n(123_456_789), FeeBounds.quote(estimate).estimatedFee());
    }
}
