package xyz.cavos.wallet.wallet;

import java.math.BigInteger;
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
    private final EndpointNetwork network;
    private final TransactionSender sender;
    private final GaslessSender gasless;
    private final Optional<SessionStore> store;

    SessionRenewal(SessionToken token, EndpointNetwork network, TransactionSender sender, GaslessSender gasless,
            Optional<SessionStore> store) {
        this.token = token;
        this.network = network;
        this.sender = sender;
        this.gasless = gasless;
        this.store = store;
    }

    WalletService.Renewal renew(boolean again, FeePayment payment, Duration timeout, Progress progress) {
        requirePayable(payment);
        if (!again) {
            requireFirstRenewal();
        }
        SessionToken[] next = new SessionToken[1];
        TransactionSender.Plan plan = snapshot -> {
            requireRenewable(SessionStatus.of(token, snapshot));
            ChainPolicy chain = snapshot.policy();
            requireReadable(chain);
            next[0] = successor(snapshot.chainTime(), chain);
            return List.of(renewalCall(next[0], chain));
        };
        TransactionOutcome outcome = payment instanceof FeePayment.Self ? sender.send(plan, true, timeout, progress)
                : gasless.send(plan, payment, true, timeout, progress);
        SessionToken renewed = next[0];
        try {
            store.ifPresent(s -> s.recordRenewal(token.sessionPublicKey(), renewed.sessionPublicKey()));
        } catch (StoreException e) {
            // without the record, a second renewal of the old key is not refused here: the chain still allows it
        }
        try {
            Optional<SessionStore> holder = store.filter(s -> s.settings().sessionPublicKey().filter(token.sessionPublicKey()::equals)
                    .isPresent());
            if (holder.isEmpty()) {
                return new WalletService.Renewal(outcome, renewed, Optional.empty(), Optional.empty());
            }
            // the endpoint stored at import stays; endpoints themselves live in the settings, keyed ones in the keychain
            holder.get().save(renewed, Optional.of(network.get().name()), holder.get().settings().rpcUrl());
            return new WalletService.Renewal(outcome, renewed, Optional.of(holder.get().kind()), Optional.empty());
        } catch (StoreException e) {
            // the renewal is on chain: the new key must reach the person even if it cannot be stored
            return new WalletService.Renewal(outcome, renewed, Optional.empty(), Optional.of(ErrorTranslation.stored(e)));
        }
    }

    /** What the renewal would cost now; checks it can be renewed, signs and sends nothing that could register. */
    FeeQuote quote(WalletSnapshot snapshot) {
        return sender.quote(snapshot, quotedCalls(snapshot));
    }

    /** What the renewal through the paymaster would cost (nothing: only a sponsored renewal is possible); signs nothing. */
    GaslessQuote quote(FeePayment payment) {
        requirePayable(payment);
        return gasless.quote(this::quotedCalls, payment);
    }

    private List<Call> quotedCalls(WalletSnapshot snapshot) {
        requireRenewable(SessionStatus.of(token, snapshot));
        ChainPolicy chain = snapshot.policy();
        requireReadable(chain);
        // the key estimated with is dropped: the renewal itself gets a fresh one
        return List.of(renewalCall(successor(snapshot.chainTime(), chain), chain));
    }

    /**
     * The account lets an expired key sign only a lone {@code renew_session} call; paying the paymaster in a token
     * would add a transfer to it, and the account would refuse the key.
     */
    static void requirePayable(FeePayment payment) {
        if (payment instanceof FeePayment.InToken t) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "A renewal cannot pay its fee in " + t.gasToken().symbol()
                    + ": the account lets an expired session sign the renewal only as a transaction of its own, and paying"
                    + " the paymaster adds a transfer to it.", "Renew with the fee sponsored by the paymaster, or paid in STRK.",
                    NextStep.NONE);
        }
    }

    /**
     * Renewing does not end the old key: it could renew again and again, each time with a fresh allowance. This
     * installation renews a key once, unless asked again on purpose.
     */
    private void requireFirstRenewal() {
        Optional<Felt> before;
        try {
            before = store.flatMap(s -> s.settings().renewedInto(token.sessionPublicKey()));
        } catch (StoreException e) {
            throw ErrorTranslation.stored(e);
        }
        if (before.isPresent()) {
            throw alreadyRenewed(before.get());
        }
    }

    static WalletError alreadyRenewed(Felt newerKey) {
        return new WalletError(WalletError.Code.ALREADY_RENEWED, "This session was already renewed from this device (into session key "
                + newerKey.toHex() + ").", "Renewing it again registers one more session with a fresh spending allowance; "
                + "use the newer session instead.", new NextStep.RenewAgain());
    }

    /** A renewal re-registers the policy it carries: without the chain's, it could loosen what the account enforces. */
    static void requireReadable(ChainPolicy chain) {
        if (!chain.fromStorage()) {
            throw new WalletError(WalletError.Code.POLICY_NOT_READABLE, "The session's policy cannot be read from chain ("
                    + chain.notReadable().orElse("unknown reason") + "), so it cannot be renewed without risking a looser policy.",
                    ErrorTranslation.NEW_SESSION, new NextStep.ImportSession());
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

    /**
     * The new session: a fresh key, backdated an hour as the dashboard does, as long as the old one lasted, with
     * the chain's limits and calls per transaction (never the token's copy) and the token's list of contracts.
     */
    private SessionToken successor(long now, ChainPolicy chain) {
        SessionPolicy carried = new SessionPolicy(token.effectivePolicy().allowedContracts(), chain.spendingLimits(),
                (int) chain.maxCallsPerTx());
        long duration = Math.max(3600, Math.min(24 * 3600, token.validUntil() - token.validAfter() - 3600));
        SecureRandom random = new SecureRandom();
        return SessionToken.builder(StarkCurve.randomPrivateKey(random), token.walletAddress())
                .validity(now - 3600, now + duration, now + duration + CavosAccount.RENEWAL_GRACE_SECONDS)
                .randomness(Felt.of(new BigInteger(248, random)))
                .addressSeed(token.addressSeed()).appSalt(token.appSalt()).walletName(token.walletName())
                .policy(Optional.of(carried)).network(token.network()).chainId(token.chainId()).rpcUrl(token.rpcUrl())
                .build();
    }

    /** The renewal carries the chain's root, max calls and spending policies: the account stores whatever the old key signs. */
    private Call renewalCall(SessionToken next, ChainPolicy chain) {
        int maxCalls = (int) chain.maxCallsPerTx();
        StarkCurve.Signature approval = token.sign(CavosAccount.renewalMessage(next.sessionPublicKey(), next.nonce(), next.validAfter(),
                next.validUntil(), next.renewalDeadlineHint(), chain.allowedContractsRoot(), maxCalls));
        return CavosAccount.renewSession(token.walletAddress(), new CavosAccount.Renewal(token.sessionPublicKey(), approval.r(),
                approval.s(), next.sessionPublicKey(), next.nonce(), next.validAfter(), next.validUntil(), next.renewalDeadlineHint(),
                chain.allowedContractsRoot(), maxCalls, chain.spendingLimits()));
    }

    private static String remaining(long seconds) {
        long s = Math.max(0, seconds);
        return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
}
