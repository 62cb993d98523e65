package xyz.cavos.wallet.starknet;

import java.time.Duration;

/**
 * Deadlines on the monotonic clock that cannot overflow: a duration as long as {@link Duration} allows is added
 * without an arithmetic error, the sum stopping at the clock's largest value.
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
        long left;
        try {
            left = Math.subtractExact(deadline, System.nanoTime());
        } catch (ArithmeticException e) {
            left = Long.MAX_VALUE; // the furthest deadline, seen from a clock below zero
        }
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
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
