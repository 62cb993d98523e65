package xyz.cavos.wallet.starknet.paymaster;

import xyz.cavos.wallet.starknet.Felt;

/** What {@code paymaster_executeTransaction} answers: the id to track the request by, and the first transaction's hash. */
public record ExecutedTransaction(Felt trackingId, Felt transactionHash) {
}
