package xyz.cavos.wallet.starknet;

import java.util.List;
import java.util.Optional;

/** One page of {@code starknet_getEvents}; a continuation token means there are more. */
public record EventsPage(List<EmittedEvent> events, Optional<String> continuationToken) {

    public EventsPage {
        events = List.copyOf(events);
    }
}
