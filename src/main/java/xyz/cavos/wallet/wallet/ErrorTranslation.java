package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.cavos.InvalidTokenException;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.store.StoreException;

/**
 * Failures from the node, the account and the session's state, as the {@link WalletError}s people see: the
 * seed's and the account's wording for the message, a typed next step for what to do.
 */
final class ErrorTranslation {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    static final String NEW_SESSION = "Export a new session from the Cavos dashboard.";
    /** The seed's advice for an expired session. */
    static final String SEED_EXPIRED = "Export a new session from the dashboard or renew the existing one (if within grace period).";

    private ErrorTranslation() {
    }

    static String time(long unixSeconds) {
        return UTC.format(Instant.ofEpochSecond(unixSeconds));
    }

    /** A node on this machine that does not answer is most likely a sandbox that is not running. */
    static WalletError unreachable(URI endpoint, RpcException.Transport e) {
        return connectionFailed(endpoint, e.kind() == RpcException.Transport.Kind.UNREACHABLE, e.getMessage(), e);
    }

    static WalletError connectionFailed(URI endpoint, boolean unreachable, String message, Throwable cause) {
        NextStep next = unreachable && isLoopback(endpoint) ? new NextStep.StartSandbox() : new NextStep.CheckConnection();
        return new WalletError(unreachable ? WalletError.Code.NETWORK_UNREACHABLE : WalletError.Code.NETWORK_ERROR, message, "",
                next, cause);
    }

    static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost();
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** Every endpoint of a network was tried and passed over; each is listed with its verdict. */
    static WalletError noEndpointAnswered(String network, List<String> passed, boolean allLocalAndDown, Throwable cause) {
        String message = "No RPC endpoint" + (network.isEmpty() ? "" : " for " + network) + " answered. " + String.join(" ", passed.stream().map(p -> p.endsWith(".") ? p : p + ".").toList());
        if (allLocalAndDown) {
            return new WalletError(WalletError.Code.NETWORK_UNREACHABLE, message, "", new NextStep.StartSandbox(), cause);
        }
        return new WalletError(WalletError.Code.NETWORK_UNREACHABLE, message, "Public endpoints come and go; add one that works.",
                new NextStep.SetRpcEndpoint(network.isEmpty() ? Optional.empty() : Optional.of(network)), cause);
    }

    /** An endpoint that speaks an older JSON-RPC than the wallet does. */
    static WalletError oldSpec(String endpoint, String version) {
        return new WalletError(WalletError.Code.NETWORK_ERROR, "The RPC endpoint " + endpoint + " speaks Starknet JSON-RPC "
                + RpcException.Transport.shortened(version) + "; Cavos Desktop needs 0.10 or later.", "Use an endpoint whose address ends in /rpc/v0_10.",
                new NextStep.SetRpcEndpoint(Optional.empty()));
    }

    /** Why a session that cannot sign cannot, in the seed's words. */
    static WalletError sessionUnusable(SessionStatus status) {
        return switch (status.state()) {
            case NOT_REGISTERED -> new WalletError(WalletError.Code.SESSION_NOT_REGISTERED, "Session not registered",
                    "In the Cavos dashboard, click \"Activate Session\", then export the session again.", new NextStep.ImportSession());
            case REVOKED -> new WalletError(WalletError.Code.SESSION_REVOKED, "Session revoked" + status.revocation()
                    .map(r -> r.startsWith("revoked ") ? r.substring("revoked".length())
                            : r.contains("emergency") ? " (every session of the account was revoked)" : " (" + r + ")").orElse(""),
                    NEW_SESSION, new NextStep.ImportSession());
            case NOT_YET_ACTIVE -> new WalletError(WalletError.Code.SESSION_NOT_YET_ACTIVE, "Session not yet active (it starts "
                    + time(status.validAfter()) + ")", "Wait until then, or use another session.", new NextStep.SeeSession());
            case EXPIRED_RENEWABLE -> new WalletError(WalletError.Code.SESSION_EXPIRED, "Session expired",
                    "It can be renewed until " + time(status.renewalDeadline()) + ".", new NextStep.RenewSession(status.renewalDeadline()));
            case EXPIRED -> new WalletError(WalletError.Code.SESSION_EXPIRED, "Session expired",
                    SEED_EXPIRED, new NextStep.ImportSession());
            case ACTIVE, EXPIRING_SOON -> throw new IllegalStateException("an active session is not an error");
        };
    }

    /** A node's refusal of a transaction (nothing was sent), in the account's words when it gave any. */
    static WalletError rejected(RpcException.NodeError e) {
        return refusal(e.revertReason().orElse(e.nodeMessage()), e.is(StarknetErrorCode.INSUFFICIENT_ACCOUNT_BALANCE), e);
    }

    static WalletError refusal(String text, boolean accountBalanceTooLow, Throwable cause) {
        Optional<RevertReason> reason = RevertReason.find(text);
        if (reason.isPresent()) {
            return forReason(reason.get(), reason.get().text(), "Nothing was sent.", cause);
        }
        if (text.contains("ERC20: insufficient balance") || accountBalanceTooLow) {
            return new WalletError(WalletError.Code.INSUFFICIENT_BALANCE, "Insufficient balance: " + text, "Nothing was sent. Send less, "
                    + "or top up the wallet.", NextStep.NONE, cause);
        }
        return new WalletError(WalletError.Code.TRANSACTION_REJECTED, "The node refused the transaction: " + text, "Nothing was sent.",
                new NextStep.ReviewCalls(), cause);
    }

    /** A transaction that was included but reverted: the fee is paid. */
    static WalletError reverted(Felt hash, String reasonText) {
        Optional<RevertReason> reason = RevertReason.find(reasonText);
        String message = "Transaction " + hash.toHex() + " reverted: " + reason.map(RevertReason::text).orElse(reasonText);
        String advice = "The fee was paid; nothing else changed.";
        if (reason.isPresent()) {
            return forReason(reason.get(), message, advice, null);
        }
        return new WalletError(WalletError.Code.TRANSACTION_REVERTED, message, advice, new NextStep.ReviewCalls());
    }

    private static WalletError forReason(RevertReason reason, String message, String advice, Throwable cause) {
        WalletError.Code code = codeFor(reason);
        return switch (reason) {
            case SESSION_EXPIRED -> new WalletError(code, message, advice + " " + SEED_EXPIRED, new NextStep.SeeSession(), cause);
            case SPENDING_LIMIT_EXCEEDED, TOKEN_NOT_IN_POLICY, TOO_MANY_CALLS -> new WalletError(code, message, advice,
                    new NextStep.SeePolicy(), cause);
            case CONTRACT_NOT_ALLOWED -> new WalletError(code, message, advice
                    + " Create a session whose policy includes the contract.", new NextStep.SeePolicy(), cause);
            case SESSION_NOT_REGISTERED -> new WalletError(code, message, advice
                    + " In the Cavos dashboard, click \"Activate Session\" before exporting.", new NextStep.ImportSession(), cause);
            case SESSION_REVOKED, RENEWAL_PERIOD_EXPIRED -> new WalletError(code, message, advice + " " + NEW_SESSION,
                    new NextStep.ImportSession(), cause);
            default -> new WalletError(code, message, advice, new NextStep.SeeSession(), cause);
        };
    }

    static WalletError.Code codeFor(RevertReason reason) {
        return switch (reason) {
            case SESSION_NOT_REGISTERED, OLD_SESSION_NOT_REGISTERED -> WalletError.Code.SESSION_NOT_REGISTERED;
            case SESSION_REVOKED -> WalletError.Code.SESSION_REVOKED;
            case SESSION_NOT_YET_ACTIVE -> WalletError.Code.SESSION_NOT_YET_ACTIVE;
            case SESSION_EXPIRED -> WalletError.Code.SESSION_EXPIRED;
            case TOO_MANY_CALLS -> WalletError.Code.TOO_MANY_CALLS;
            case CONTRACT_NOT_ALLOWED, CANNOT_UPGRADE -> WalletError.Code.CONTRACT_NOT_ALLOWED;
            case TOKEN_NOT_IN_POLICY -> WalletError.Code.TOKEN_NOT_IN_POLICY;
            case SPENDING_LIMIT_EXCEEDED -> WalletError.Code.SPENDING_LIMIT_EXCEEDED;
            case INVALID_ERC20_CALLDATA -> WalletError.Code.INVALID_CALLDATA;
            case RENEWAL_PERIOD_EXPIRED -> WalletError.Code.RENEWAL_PERIOD_EXPIRED;
            case OLD_SESSION_NOT_EXPIRED -> WalletError.Code.RENEWAL_NOT_NEEDED;
            default -> WalletError.Code.TRANSACTION_REJECTED;
        };
    }

    /**
     * A transaction whose answer was lost and that no endpoint confirmed within the time given: it may still have
     * been received. Says what went wrong first and that it can land once at most.
     */
    static WalletError maybeDelivered(Felt hash, Network network, Duration timeout, RpcException.Transport lost) {
        return new WalletError(WalletError.Code.TRANSACTION_UNCONFIRMED, "Transaction " + hash.toHex() + " was sent, but " + lostAnswer(lost)
                + ", and no RPC endpoint confirmed within " + timeout.toSeconds() + " s that it arrived. It may still have been received;"
                + " it can be included once at most.", "Do not send it again until you have checked it by its hash.",
                new NextStep.CheckTransaction(hash, network.explorerLink(hash)), lost);
    }

    /** What happened to the answer, in a few words. */
    private static String lostAnswer(RpcException.Transport lost) {
        return switch (lost.kind()) {
            case TIMEOUT -> "no answer came in time";
            case HTTP_STATUS -> "the node answered HTTP " + lost.httpStatus().orElse(0) + " instead";
            case MALFORMED_RESPONSE, NOT_JSON -> "the answer could not be read";
            default -> "the connection broke before the answer came";
        };
    }

    /** A transaction refused before it reached the node (a provider's 429, a connection never made): nothing was sent. */
    static WalletError notSent(URI endpoint, RpcException.Transport e) {
        boolean unreachable = e.kind() == RpcException.Transport.Kind.UNREACHABLE;
        NextStep next = unreachable && isLoopback(endpoint) ? new NextStep.StartSandbox() : new NextStep.CheckConnection();
        return new WalletError(unreachable ? WalletError.Code.NETWORK_UNREACHABLE : WalletError.Code.NETWORK_ERROR,
                "The transaction was not sent. " + e.getMessage(), "Nothing left the wallet; it is safe to try again.", next, e);
    }

    static WalletError notIncluded(Felt hash, Network network, String message, Throwable cause) {
        return new WalletError(WalletError.Code.TRANSACTION_TIMEOUT, message, "It may still be included.",
                new NextStep.CheckTransaction(hash, network.explorerLink(hash)), cause);
    }

    /** The keychain or the session file failed. */
    /** An address added as a token that is not one: nothing there, or a contract that does not answer as an ERC-20. */
    static WalletError notAToken(Felt address, String why) {
        return new WalletError(WalletError.Code.NOT_A_TOKEN, "The contract at " + address.toPaddedHex() + " is not a token the wallet can"
                + " show: " + why + ".", "Check the address: it must be an ERC-20 token on this network.");
    }

    static WalletError stored(StoreException e) {
        return switch (e.reason()) {
            case KEYCHAIN_UNAVAILABLE -> new WalletError(WalletError.Code.KEYCHAIN_UNAVAILABLE, e.getMessage(), "",
                    new NextStep.UnlockKeychain(), e);
            case KEYCHAIN_LOCKED -> new WalletError(WalletError.Code.KEYCHAIN_LOCKED, e.getMessage(), "", new NextStep.UnlockKeychain(), e);
            case WRONG_PASSPHRASE -> new WalletError(WalletError.Code.WRONG_PASSPHRASE, e.getMessage(), e.hint(), new NextStep.TryAgain(), e);
            case IO -> new WalletError(WalletError.Code.STORAGE_ERROR, e.getMessage(), e.hint(), NextStep.NONE, e);
            case SESSION_EXISTS -> new WalletError(WalletError.Code.SESSION_EXISTS, e.getMessage(), e.hint(), NextStep.NONE, e);
            case NO_SUCH_SESSION -> new WalletError(WalletError.Code.NO_SESSION, e.getMessage(), e.hint(), NextStep.NONE, e);
            case INVALID_NAME -> new WalletError(WalletError.Code.INVALID_ARGUMENT, e.getMessage(), e.hint(), NextStep.NONE, e);
        };
    }

    /** A failure from any layer as the wallet error people see; empty for one nobody expected (a bug). */
    static Optional<WalletError> explain(Throwable e) {
        return switch (e) {
            case WalletError w -> Optional.of(w);
            case InvalidTokenException t -> Optional.of(new WalletError(WalletError.Code.INVALID_TOKEN, t.getMessage(),
                    "Copy the whole token again from the Cavos dashboard (it starts with eyJ).", new NextStep.ImportSession(), t));
            case StoreException s -> Optional.of(stored(s));
            // a node's answer no command translated: still the node's words, with a code, never "unexpected"
            case RpcException.Transport t -> Optional.of(new WalletError(t.kind() == RpcException.Transport.Kind.UNREACHABLE
                    ? WalletError.Code.NETWORK_UNREACHABLE : WalletError.Code.NETWORK_ERROR, t.getMessage(), "", new NextStep.CheckConnection(), t));
            case RpcException.NodeError n -> Optional.of(new WalletError(WalletError.Code.NETWORK_ERROR, n.getMessage(),
                    "Try again; if it keeps failing, try another RPC endpoint.", new NextStep.CheckConnection(), n));
            default -> Optional.empty();
        };
    }

    static WalletError networkNotFound(List<String> tried) {
        return new WalletError(WalletError.Code.NETWORK_NOT_FOUND, "Could not tell which network this session is on ("
                + String.join("; ", tried) + ").", "", new NextStep.ChooseNetwork());
    }

    static WalletError chainMismatch(String endpoint, Felt servedChain, Network expected) {
        return new WalletError(WalletError.Code.CHAIN_MISMATCH, "The RPC endpoint " + endpoint + " serves chain "
                + ContractNames.describeChain(servedChain) + ", not " + expected.name() + ".", "",
                new NextStep.SetRpcEndpoint(Optional.of(expected.name())));
    }

    /** The token's wallet has no account on this network: another network's token, or an account never deployed. */
    static WalletError noAccount(Felt wallet, Network network) {
        return new WalletError(WalletError.Code.ACCOUNT_NOT_FOUND, "There is no account at " + wallet.toHex() + " on " + network.name() + ".",
                "The session is most likely for another network; choose that network, or export the session again.", new NextStep.ChooseNetwork());
    }

    static WalletError transactionNotFound(Felt hash, Network network) {
        return new WalletError(WalletError.Code.TRANSACTION_NOT_FOUND, "No transaction " + hash.toHex() + " on " + network.name() + ".",
                "Check the hash, and that it was sent on this network.", new NextStep.ChooseNetwork());
    }

    static WalletError callFailed(Felt contract, String reason) {
        return new WalletError(WalletError.Code.CALL_FAILED, "The call to " + contract.toHex() + " failed: " + reason,
                "Check the contract address, entry point and calldata.");
    }
}
