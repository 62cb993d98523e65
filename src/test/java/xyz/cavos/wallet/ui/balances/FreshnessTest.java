package xyz.cavos.wallet.ui.balances;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How "last refreshed" ages as the app clock ticks. */
class FreshnessTest {

    private static final Instant READ = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void justNowThenSecondsThenMinutes() {
        assertEquals("Not refreshed yet", BalancesViewModel.freshnessText(null, READ));
        assertEquals("Last refreshed just now", BalancesViewModel.freshnessText(READ, READ.minusMillis(300)));
        assertEquals("Last refreshed just now", BalancesViewModel.freshnessText(READ, READ.plusSeconds(4)));
        assertEquals("Last refreshed 42 s ago", BalancesViewModel.freshnessText(READ, READ.plusSeconds(42)));
        assertEquals("Last refreshed 3 min ago", BalancesViewModel.freshnessText(READ, READ.plusSeconds(200)));
    }
}
