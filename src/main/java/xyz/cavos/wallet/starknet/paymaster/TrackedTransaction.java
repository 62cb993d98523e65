package xyz.cavos.wallet.starknet.paymaster;

import xyz.cavos.wallet.starknet.Felt;

/**
 * Where a paymaster request stands: the hash of the latest transaction the paymaster sent for it (it may send another
 * with a higher fee when the first is stuck) and whether that is still being handled, accepted on L2, or dropped.
 */
public record TrackedTransaction(Felt transactionHash, Status status) {

    public enum Status { ACTIVE, ACCEPTED, DROPPED }
}
