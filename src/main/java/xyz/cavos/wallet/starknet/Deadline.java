package xyz.cavos.wallet.starknet;

import java.time.Duration;
import java.time.Instant;

/**
 * Deadlines that cannot overflow: a duration as long as {@link Duration} allows is added to a clock without an
 * arithmetic error, the sum stopping at the clock's largest value.
 */
public final class Deadline {

    private Deadline() {
    }

    /** {@link System#nanoTime()} {@code after} from now, or the furthest nanoTime when that is further. */
    public static long after(Duration after) {
        long now = System.nanoTime();
        long nanos = saturatedNanos(after);
        return now + nanos < now ? Long.MAX_VALUE : now + nanos; // only a sum past Long.MAX_VALUE wraps below now
    }

    /** What is left until a deadline from {@link #after}: zero once it has passed. */
    public static Duration left(long deadline) {
        long left = deadline - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** {@code instant + duration}, or {@link Instant#MAX} when the sum is beyond what an Instant holds. */
    public static Instant plus(Instant instant, Duration duration) {
        try {
            return instant.plus(duration);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return duration.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    private static long saturatedNanos(Duration duration) {
        if (duration.isNegative()) {
            return 0;
        }
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
