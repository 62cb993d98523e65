package xyz.cavos.wallet.wallet;

import java.util.List;
import java.util.Optional;

/**
 * A page of the wallet's history, newest first. {@code next} is where the following page starts; empty once the
 * session's registration (or the deepest block the wallet looks at) is reached. A page may hold fewer entries than
 * asked for when reading stopped at its time or request budget: {@code next} then goes on from there.
 * {@code scannedFrom} and {@code scannedTo} are the blocks read, newest and oldest.
 */
public record ActivityPage(List<ActivityEntry> entries, Optional<ActivityCursor> next, long scannedFrom, long scannedTo) {

    public ActivityPage {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return next.isPresent();
    }
}
