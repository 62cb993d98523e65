package xyz.cavos.wallet.starknet;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** An event with where it was emitted; block fields are empty for a pre-confirmed block. */
public record EmittedEvent(
        Felt fromAddress,
        List<Felt> keys,
        List<Felt> data,
        Optional<Felt> blockHash,
        OptionalLong blockNumber,
        Optional<Felt> transactionHash) {

    public EmittedEvent {
        keys = List.copyOf(keys);
        data = List.copyOf(data);
    }
}
