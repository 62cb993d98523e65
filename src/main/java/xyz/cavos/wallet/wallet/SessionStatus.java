package xyz.cavos.wallet.wallet;

import java.util.Optional;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.SessionToken;
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

    /** Where the session stands at the snapshot's chain time; the token fills in the window of a session the chain does not know. */
    public static SessionStatus of(SessionToken token, WalletSnapshot snapshot) {
        OnChainSession s = snapshot.session();
        long now = snapshot.chainTime();
        SessionState state;
        if (snapshot.revocation().isPresent()) {
            state = SessionState.REVOKED;
        } else if (!s.isRegistered()) {
            state = SessionState.NOT_REGISTERED;
        } else {
            state = stateAt(now, s.validAfter(), s.validUntil(), s.renewalDeadline());
        }
        boolean registered = s.isRegistered();
        return new SessionStatus(state, token.sessionPublicKey(), token.walletAddress(), registered,
                registered ? s.validAfter() : token.validAfter(), registered ? s.validUntil() : token.validUntil(),
                registered ? s.renewalDeadline() : token.validUntil() + CavosAccount.RENEWAL_GRACE_SECONDS,
                now, snapshot.blockNumber(), snapshot.callsMade(), snapshot.revocation());
    }

    /** A session is "expiring soon" in its last hour, or its last fifth when it is short. */
    public static long expiringSoonThreshold(long validAfter, long validUntil) {
        return Math.min(3600, Math.max(0, validUntil - validAfter) / 5);
    }

    /**
     * Where the session stands at a later chain time, without asking the chain: the window's edges are
     * known, so a countdown can cross them. Revocation and registration only change on chain.
     */
    public SessionStatus at(long time) {
        SessionState next = switch (state) {
            case REVOKED, NOT_REGISTERED -> state;
            default -> stateAt(time, validAfter, validUntil, renewalDeadline);
        };
        return new SessionStatus(next, sessionKey, walletAddress, registered, validAfter, validUntil, renewalDeadline, time,
                blockNumber, callsMade, revocation);
    }

    /** The time-based state of a registered, unrevoked session. */
    static SessionState stateAt(long time, long validAfter, long validUntil, long renewalDeadline) {
        if (time < validAfter) {
            return SessionState.NOT_YET_ACTIVE;
        }
        if (time >= validUntil) {
            return time < renewalDeadline ? SessionState.EXPIRED_RENEWABLE : SessionState.EXPIRED;
        }
        if (validUntil - time <= expiringSoonThreshold(validAfter, validUntil)) {
            return SessionState.EXPIRING_SOON;
        }
        return SessionState.ACTIVE;
    }

    public boolean isRenewable() {
        return state == SessionState.EXPIRED_RENEWABLE;
    }

    /** Seconds until expiry (negative once expired). */
    public long secondsLeft() {
        return validUntil - chainTime;
    }
}
