package xyz.cavos.wallet.wallet;

import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/**
 * A session as the chain sees it, at {@code chainTime}: registration, validity window, renewal deadline
 * (from the chain, not the token), and the calls this installation sent (the chain does not count them).
 */
public record SessionStatus(
        SessionState state,
        Felt sessionKey,
        Felt walletAddress,
        boolean registered,
        long validAfter,
        long validUntil,
        long renewalDeadline,
        long chainTime,
        long blockNumber,
        long callsMade,
        Optional<String> revocation) {

    /** A session is "expiring soon" in its last hour, or its last fifth when it is short. */
    public static long expiringSoonThreshold(long validAfter, long validUntil) {
        return Math.min(3600, Math.max(0, validUntil - validAfter) / 5);
    }

    public boolean isRenewable() {
        return state == SessionState.EXPIRED_RENEWABLE;
    }

    /** Seconds until expiry (negative once expired). */
    public long secondsLeft() {
        return validUntil - chainTime;
    }
}
