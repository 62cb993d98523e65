package xyz.cavos.wallet.wallet;

import java.math.BigInteger;
import xyz.cavos.wallet.starknet.FeeEstimate;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;

/** The resource bounds signed for a fee estimate, with the Cavos SDK's margins: twice each amount and price, and room for validation. */
final class FeeBounds {

    /** L2 gas the estimate leaves out: it skips validation, which the signed transaction pays for. */
    static final BigInteger L2_GAS_OVERHEAD = BigInteger.valueOf(5_000_000);

    private FeeBounds() {
    }

    static FeeQuote quote(FeeEstimate estimate) {
        ResourceBoundsMapping bounds = new ResourceBoundsMapping(
                new ResourceBounds(twice(estimate.l1GasConsumed()), twice(estimate.l1GasPrice())),
                new ResourceBounds(twice(estimate.l2GasConsumed()).add(L2_GAS_OVERHEAD), twice(estimate.l2GasPrice())),
                new ResourceBounds(twice(estimate.l1DataGasConsumed()), twice(estimate.l1DataGasPrice())));
        return new FeeQuote(estimate, bounds, bounds.maxFee());
    }

    private static BigInteger twice(BigInteger value) {
        return value.shiftLeft(1);
    }
}
