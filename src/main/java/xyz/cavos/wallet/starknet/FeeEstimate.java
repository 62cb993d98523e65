package xyz.cavos.wallet.starknet;

import java.math.BigInteger;

/** What a node expects a transaction to consume and cost, in fri. */
public record FeeEstimate(
        BigInteger l1GasConsumed,
        BigInteger l1GasPrice,
        BigInteger l2GasConsumed,
        BigInteger l2GasPrice,
        BigInteger l1DataGasConsumed,
        BigInteger l1DataGasPrice,
        BigInteger overallFee,
        String unit) {
}
