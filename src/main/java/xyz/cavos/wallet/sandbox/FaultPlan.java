package xyz.cavos.wallet.sandbox;

/**
 * Misbehaviour the sandbox adds to Starknet methods on purpose, for reliability tests: a delay before
 * every answer, and the share (0 to 1) of requests answered with HTTP 429, HTTP 500, a truncated JSON
 * body, or a dropped connection. Admin methods ({@code devnet_*}, {@code sandbox_*}) are never affected.
 */
public record FaultPlan(long latencyMillis, double rate429, double rate500, double rateMalformed, double rateDrop) {

    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 0);

    public FaultPlan {
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        for (double rate : new double[] {rate429, rate500, rateMalformed, rateDrop}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("fault rates are between 0 and 1, got " + rate);
            }
        }
        if (rate429 + rate500 + rateMalformed + rateDrop > 1) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
    }

    public static FaultPlan latency(long millis) {
        return new FaultPlan(millis, 0, 0, 0, 0);
    }
}
