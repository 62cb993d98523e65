package xyz.cavos.wallet.wallet;

import java.math.BigInteger;
import xyz.cavos.wallet.starknet.FeeEstimate;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;

/** What a transaction is expected to cost (fri), the bounds the wallet will sign, and the most they allow. */
public record FeeQuote(FeeEstimate estimate, ResourceBoundsMapping bounds, BigInteger maxFee) {

    public BigInteger estimatedFee() {
        return estimate.overallFee();
    }
}
