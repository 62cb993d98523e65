package xyz.cavos.wallet.starknet;

import java.util.Optional;

/**
 * Where a transaction is: finality RECEIVED, CANDIDATE, PRE_CONFIRMED, ACCEPTED_ON_L2 or ACCEPTED_ON_L1,
 * and, once executed, SUCCEEDED or REVERTED with the reason.
 */
public record TransactionStatus(String finalityStatus, Optional<String> executionStatus, Optional<String> failureReason) {

    public boolean isReverted() {
        return executionStatus.filter("REVERTED"::equals).isPresent();
    }

    /** Included in a block the network agreed on (L2 or L1). */
    public boolean isAccepted() {
        return finalityStatus.startsWith("ACCEPTED_ON_");
    }
}
