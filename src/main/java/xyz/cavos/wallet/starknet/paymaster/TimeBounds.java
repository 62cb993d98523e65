package xyz.cavos.wallet.starknet.paymaster;

/** The window, in seconds since 1970, in which the signed execution may run: after the first, before the second. */
public record TimeBounds(long executeAfter, long executeBefore) {

    public TimeBounds {
        if (executeAfter < 0 || executeBefore <= executeAfter) {
            throw new IllegalArgumentException("time bounds must be seconds since 1970 with executeAfter < executeBefore");
        }
    }
}
