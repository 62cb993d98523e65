package xyz.cavos.wallet.wallet;

import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.TransactionStatus;

/** A transaction's status with its receipt (once it has one) and explorer link. */
public record TransactionStatusView(Felt hash, TransactionStatus status, Optional<TransactionReceipt> receipt,
        Optional<String> explorerLink) {
}
