package xyz.cavos.wallet.starknet;

import java.math.BigInteger;

/** The most a transaction may use of one resource: an amount (u64) at a price per unit (u128). */
public record ResourceBounds(BigInteger maxAmount, BigInteger maxPricePerUnit) {

    public static final ResourceBounds ZERO = new ResourceBounds(BigInteger.ZERO, BigInteger.ZERO);

    public ResourceBounds {
        if (maxAmount.signum() < 0 || maxAmount.bitLength() > 64) {
            throw new InvalidValueException("Resource max_amount " + maxAmount + " does not fit in a u64");
        }
        if (maxPricePerUnit.signum() < 0 || maxPricePerUnit.bitLength() > 128) {
            throw new InvalidValueException("Resource max_price_per_unit " + maxPricePerUnit + " does not fit in a u128");
        }
    }

    public static ResourceBounds of(long maxAmount, long maxPricePerUnit) {
        return new ResourceBounds(BigInteger.valueOf(maxAmount), BigInteger.valueOf(maxPricePerUnit));
    }

    /** The most this bound can cost: amount times price. */
    public BigInteger maxFee() {
        return maxAmount.multiply(maxPricePerUnit);
    }

    /** The felt the transaction hash commits to: (name << 192) | (amount << 128) | price. */
    Felt hashElement(String resourceName) {
        return Felt.of(Felt.fromShortString(resourceName).value().shiftLeft(192)
                .or(maxAmount.shiftLeft(128))
                .or(maxPricePerUnit));
    }
}
