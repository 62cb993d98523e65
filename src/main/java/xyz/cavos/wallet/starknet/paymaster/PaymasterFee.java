package xyz.cavos.wallet.starknet.paymaster;

import java.math.BigInteger;

/**
 * A paymaster's fee estimate, exactly as it sent it (base units). Informative only: what the user pays is the fee
 * transfer in the typed data, which the wallet checks before signing.
 */
public record PaymasterFee(BigInteger gasTokenPriceInStrk, BigInteger estimatedFeeInStrk, BigInteger estimatedFeeInGasToken,
                           BigInteger suggestedMaxFeeInStrk, BigInteger suggestedMaxFeeInGasToken) {
}
