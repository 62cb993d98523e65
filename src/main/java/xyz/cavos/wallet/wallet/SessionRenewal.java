package xyz.cavos.wallet.wallet;

import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.store.StoreException;

/**
 * Renews an expired session inside its grace window: a new key with the same policy and duration, approved
 * by the old key as the account requires. Once the chain accepts it, the new token replaces the old one
 * where the old one was kept, so the new key is never only in memory when a store holds the session.
 */
final class SessionRenewal {

    private final SessionToken token;
    private final Network network;
    private final TransactionSender sender;
    private final Optional<SessionStore> store;
    private final URI endpoint;

    SessionRenewal(SessionToken token, Network network, TransactionSender sender, Optional<SessionStore> store, URI endpoint) {
        this.token = token;
        this.network = network;
        this.sender = sender;
        this.store = store;
        this.endpoint = endpoint;
    }

    WalletService.Renewal renew(Duration timeout, Progress progress) {
        SessionToken[] next = new SessionToken[1];
        TransactionOutcome outcome = sender.send(snapshot -> {
            requireRenewable(SessionStatus.of(token, snapshot));
            next[0] = successor(snapshot.chainTime());
            return List.of(renewalCall(next[0]));
        }, true, timeout, progress);
        SessionToken renewed = next[0];
        try {
            Optional<SessionStore> holder = store.filter(s -> s.settings().sessionPublicKey().filter(token.sessionPublicKey()::equals)
                    .isPresent());
            if (holder.isEmpty()) {
                return new WalletService.Renewal(outcome, renewed, Optional.empty(), Optional.empty());
            }
            holder.get().save(renewed, Optional.of(network.name()), Optional.of(endpoint.toString()));
            return new WalletService.Renewal(outcome, renewed, Optional.of(holder.get().kind()), Optional.empty());
        } catch (StoreException e) {
            // the renewal is on chain: the new key must reach the person even if it cannot be stored
            return new WalletService.Renewal(outcome, renewed, Optional.empty(), Optional.of(ErrorTranslation.stored(e)));
        }
    }

    static void requireRenewable(SessionStatus status) {
        switch (status.state()) {
            case ACTIVE, EXPIRING_SOON, NOT_YET_ACTIVE -> throw new WalletError(WalletError.Code.RENEWAL_NOT_NEEDED,
                    "Session is still active (" + remaining(status.secondsLeft()) + " remaining). Renewal is only needed after expiry.",
                    "Renew after " + ErrorTranslation.time(status.validUntil()) + ".", new NextStep.SeeSession());
            case EXPIRED -> throw new WalletError(WalletError.Code.RENEWAL_PERIOD_EXPIRED,
                    "Renewal period expired on " + ErrorTranslation.time(status.renewalDeadline()) + ".", ErrorTranslation.NEW_SESSION,
                    new NextStep.ImportSession());
            case REVOKED, NOT_REGISTERED -> throw ErrorTranslation.sessionUnusable(status);
            case EXPIRED_RENEWABLE -> { }
        }
    }

    /** The new session: a fresh key, backdated an hour as the dashboard does, as long as the old one lasted. */
    private SessionToken successor(long now) {
        long duration = Math.max(3600, Math.min(24 * 3600, token.validUntil() - token.validAfter() - 3600));
        SecureRandom random = new SecureRandom();
        return SessionToken.builder(StarkCurve.randomPrivateKey(random), token.walletAddress())
                .validity(now - 3600, now + duration, now + duration + CavosAccount.RENEWAL_GRACE_SECONDS)
                .randomness(Felt.of(new BigInteger(248, random)))
                .addressSeed(token.addressSeed()).appSalt(token.appSalt()).walletName(token.walletName())
                .policy(token.policy()).network(token.network()).chainId(token.chainId()).rpcUrl(token.rpcUrl())
                .build();
    }

    private Call renewalCall(SessionToken next) {
        SessionPolicy policy = next.effectivePolicy();
        StarkCurve.Signature approval = token.sign(CavosAccount.renewalMessage(next.sessionPublicKey(), next.nonce(), next.validAfter(),
                next.validUntil(), next.renewalDeadlineHint(), policy.allowedContractsRoot(), policy.maxCallsPerTx()));
        return CavosAccount.renewSession(token.walletAddress(), new CavosAccount.Renewal(token.sessionPublicKey(), approval.r(),
                approval.s(), next.sessionPublicKey(), next.nonce(), next.validAfter(), next.validUntil(), next.renewalDeadlineHint(),
                policy.allowedContractsRoot(), policy.maxCallsPerTx(), policy.spendingLimits()));
    }

    private static String remaining(long seconds) {
        long s = Math.max(0, seconds);
        return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
}
