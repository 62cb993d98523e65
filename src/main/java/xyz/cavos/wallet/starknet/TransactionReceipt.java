package xyz.cavos.wallet.starknet;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** The receipt of an executed transaction: fee charged, outcome, events. */
public record TransactionReceipt(
        Felt transactionHash,
        String type,
        BigInteger actualFee,
        String feeUnit,
        String finalityStatus,
        String executionStatus,
        Optional<String> revertReason,
        Optional<Felt> blockHash,
        long blockNumber,
        List<Event> events) {

    /** An event as it appears in a receipt. */
    public record Event(Felt fromAddress, List<Felt> keys, List<Felt> data) {
        public Event {
            keys = List.copyOf(keys);
            data = List.copyOf(data);
        }
    }

    public TransactionReceipt {
        events = List.copyOf(events);
    }

    public boolean isSucceeded() {
        return "SUCCEEDED".equals(executionStatus);
    }
}
