package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void theLongestDurationsGiveTheFurthestDeadlineInsteadOfAnArithmeticError() {
        for (Duration huge : new Duration[] {Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
                Duration.ofDays(365L * 1000), Duration.ofNanos(Long.MAX_VALUE)}) {
            long deadline = Deadline.after(huge);
            assertTrue(Deadline.left(deadline).compareTo(Duration.ofDays(365L * 100)) > 0, huge + " is still far away");
        }
    }

    @Test
    void aPastOrNegativeDeadlineHasNothingLeft() {
        assertEquals(Duration.ZERO, Deadline.left(Deadline.after(Duration.ZERO)));
        assertEquals(Duration.ZERO, Deadline.left(Deadline.after(Duration.ofSeconds(-5))));
        Duration left = Deadline.left(Deadline.after(Duration.ofSeconds(60)));
        assertTrue(left.compareTo(Duration.ofSeconds(59)) > 0 && left.compareTo(Duration.ofSeconds(60)) <= 0, left.toString());
    }
}
