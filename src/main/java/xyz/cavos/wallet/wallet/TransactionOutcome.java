package xyz.cavos.wallet.wallet;

import java.math.BigInteger;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.TransactionReceipt;

/**
 * A submitted transaction: its hash, what the fee estimate was and the most it could cost, and the receipt
 * once it was waited for. A reverted receipt is reported as a {@link WalletError}, never as an outcome.
 */
public record TransactionOutcome(
        Felt transactionHash,
        int calls,
        BigInteger estimatedFee,
        BigInteger maxFee,
        Optional<TransactionReceipt> receipt,
        Optional<String> explorerLink) {
}
