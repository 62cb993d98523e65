package xyz.cavos.wallet.starknet;

import java.time.Duration;

/**
 * Deadlines on the monotonic clock that cannot overflow: a duration as long as {@link Duration} allows is added
 * without an arithmetic error, the sum stopping at the clock's largest value.
 */
public final class Deadline {

    /** The deadline of the operation the current thread works for, if one was set with {@link #within}. */
    private static final ScopedValue<Long> OPERATION = ScopedValue.newInstance();

    private Deadline() {
    }

    /**
     * Runs {@code work} so that every RPC exchange in it ends by {@code deadline} at the latest, whatever its own
     * timeout: an operation that waits "until the timeout" then does not overrun it by a request's length.
     */
    public static <T> T within(long deadline, java.util.function.Supplier<T> work) {
        return ScopedValue.where(OPERATION, deadline).call(work::get);
    }

    /** {@code deadline}, or the operation's deadline when that comes first. */
    static long capped(long deadline) {
        if (!OPERATION.isBound()) {
            return deadline;
        }
        long operation = OPERATION.get();
        return operation - deadline < 0 ? operation : deadline;
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
