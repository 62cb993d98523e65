package xyz.cavos.wallet.sandbox;

/**
 * Limits some public RPC providers have, switched on to see how a client copes: refusing the
 * {@code pre_confirmed} block tag (answering only {@code latest}), and refusing an event search over more
 * than {@code maxEventBlocks} blocks (0: no cap). Admin methods are never limited.
 */
public record ProviderLimits(boolean refusePreConfirmed, long maxEventBlocks) {

    public static final ProviderLimits NONE = new ProviderLimits(false, 0);

    public ProviderLimits {
        if (maxEventBlocks < 0) {
            throw new IllegalArgumentException("max_event_blocks must not be negative");
        }
    }
}
