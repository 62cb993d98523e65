package xyz.cavos.wallet.starknet;

import java.util.List;
import java.util.Optional;

/**
 * A {@code starknet_getEvents} query. {@code keys} is a list of alternatives per key position; an empty
 * inner list matches any key at that position.
 */
public record EventFilter(
        BlockId fromBlock,
        BlockId toBlock,
        Optional<Felt> address,
        List<List<Felt>> keys,
        int chunkSize,
        Optional<String> continuationToken) {

    public EventFilter {
        keys = keys.stream().map(List::copyOf).toList();
        if (chunkSize < 1) {
            throw new InvalidValueException("Event chunk size " + chunkSize + " must be at least 1");
        }
    }

    public EventFilter next(String token) {
        return new EventFilter(fromBlock, toBlock, address, keys, chunkSize, Optional.of(token));
    }
}
