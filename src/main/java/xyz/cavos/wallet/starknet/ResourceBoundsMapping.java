package xyz.cavos.wallet.starknet;

import java.math.BigInteger;

/** The bounds of the three resources a v3 transaction pays for. */
public record ResourceBoundsMapping(ResourceBounds l1Gas, ResourceBounds l2Gas, ResourceBounds l1DataGas) {

    public static final ResourceBoundsMapping ZERO =
            new ResourceBoundsMapping(ResourceBounds.ZERO, ResourceBounds.ZERO, ResourceBounds.ZERO);

    /** The most the transaction can be charged, tip excluded. */
    public BigInteger maxFee() {
        return l1Gas.maxFee().add(l2Gas.maxFee()).add(l1DataGas.maxFee());
    }
}
