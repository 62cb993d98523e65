package xyz.cavos.wallet.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the session countdown reads. */
class CountdownTest {

    @Test
    void hoursMinutesSecondsThenDays() {
        assertEquals("00:00:00", SessionViewModel.clock(-5));
        assertEquals("00:00:59", SessionViewModel.clock(59));
        assertEquals("23:59:59", SessionViewModel.clock(86_399));
        assertEquals("1 d 00:00:00", SessionViewModel.clock(86_400));
        assertEquals("2 d 03:04:05", SessionViewModel.clock(2 * 86_400 + 3 * 3600 + 4 * 60 + 5));
    }
}
