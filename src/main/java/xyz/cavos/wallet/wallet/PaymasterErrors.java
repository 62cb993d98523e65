package xyz.cavos.wallet.wallet;

import xyz.cavos.wallet.starknet.paymaster.PaymasterErrorCode;
import xyz.cavos.wallet.starknet.paymaster.PaymasterException;

/**
 * A paymaster's failure as the wallet error people see: what the paymaster refused and why, in its own (bounded) words,
 * with the next step. A refusal is never turned into paying in STRK behind the user's back: the advice names that as a
 * choice to make.
 */
public final class PaymasterErrors {

    private static final String NOTHING_SENT = "Nothing was sent.";
    private static final String OR_PAY_YOURSELF = "You can also send the transaction paying the fee yourself.";

    private PaymasterErrors() {
    }

    /** The wallet error for a paymaster call that failed. */
    public static WalletError of(PaymasterException e) {
        return switch (e) {
            case PaymasterException.Refused refused -> refused(refused);
            case PaymasterException.Failed failed -> failed(failed);
        };
    }

    /** The chosen gas token is one the session may not move, so the fee transfer would be refused by the account. */
    public static WalletError gasTokenNotInPolicy(String token) {
        return new WalletError(WalletError.Code.GAS_TOKEN_NOT_IN_POLICY, "This session may not move " + token + ", so it cannot pay the fee in it.",
                "Nothing was signed. Choose a gas token the session's policy includes, or a sponsored transaction.", new NextStep.SeePolicy());
    }

    /** A paymaster that needs a key, asked without one. */
    public static WalletError apiKeyMissing(String paymaster) {
        return new WalletError(WalletError.Code.PAYMASTER_API_KEY, "No API key is set for the paymaster at " + paymaster + ".",
                NOTHING_SENT + " Sponsored transactions need the paymaster's API key. " + OR_PAY_YOURSELF, new NextStep.SetPaymasterKey());
    }

    /**
     * A sponsored transaction asked without an API key: a refusal that names no reason of its own (no SNIP-29 code, or
     * UNKNOWN_ERROR) is about the missing key (a sponsor needs to know who asks); any other error stays as it is.
     */
    public static WalletError withoutKey(PaymasterException e, String paymaster) {
        WalletError refusal = of(e);
        boolean unnamed = e instanceof PaymasterException.Refused r
                && r.paymasterCode().map(code -> code == PaymasterErrorCode.UNKNOWN_ERROR).orElse(true);
        if (!unnamed) {
            return refusal;
        }
        return new WalletError(WalletError.Code.PAYMASTER_API_KEY, "No API key is set for the paymaster at " + paymaster
                + ", and it refused the sponsored transaction: " + refusal.getMessage(), NOTHING_SENT
                + " Sponsored transactions need the paymaster's API key. " + OR_PAY_YOURSELF, new NextStep.SetPaymasterKey(), refusal);
    }

    private static WalletError refused(PaymasterException.Refused e) {
        String said = e.paymasterMessage() + e.reason().filter(r -> !r.equals(e.paymasterMessage())).map(r -> ": " + r).orElse("");
        PaymasterErrorCode code = e.paymasterCode().orElse(null);
        if (code == null) {
            return new WalletError(WalletError.Code.PAYMASTER_UNAVAILABLE, "The paymaster answered " + e.method() + " with error "
                    + e.code() + ": " + said, NOTHING_SENT + " Check that the paymaster URL is a SNIP-29 paymaster. " + OR_PAY_YOURSELF,
                    new NextStep.TryAgain(), e);
        }
        return switch (code) {
            case INVALID_ADDRESS -> refusal("The paymaster does not accept this account address: " + said,
                    NOTHING_SENT + " Check that the session's wallet is deployed on this network. " + OR_PAY_YOURSELF, new NextStep.SeeSession(), e);
            case TOKEN_NOT_SUPPORTED -> new WalletError(WalletError.Code.GAS_TOKEN_NOT_SUPPORTED, "The paymaster takes no fees in this gas token: "
                    + said, NOTHING_SENT + " Choose one of the tokens the paymaster lists, or a sponsored transaction.", new NextStep.TryAgain(), e);
            case INVALID_SIGNATURE -> refusal("The paymaster refused the session key's signature: " + said,
                    NOTHING_SENT + " Check that the session is registered and active.", new NextStep.SeeSession(), e);
            case MAX_AMOUNT_TOO_LOW -> new WalletError(WalletError.Code.FEE_ABOVE_MAXIMUM, "The fee is above the maximum the paymaster was allowed: "
                    + said, NOTHING_SENT + " Build the transaction again to get a current fee.", new NextStep.TryAgain(), e);
            case CLASS_HASH_NOT_SUPPORTED, INVALID_CLASS_HASH -> refusal("The paymaster does not support this account's contract class: " + said,
                    NOTHING_SENT + " " + OR_PAY_YOURSELF, NextStep.NONE, e);
            case TRANSACTION_EXECUTION_ERROR -> {
                String reason = e.reason().orElse(e.paymasterMessage());
                WalletError known = ErrorTranslation.refusal(reason, false, e); // the account's own words, e.g. "Session expired"
                yield known.code() != WalletError.Code.TRANSACTION_REJECTED ? known : refusal("The paymaster's run of the transaction failed: "
                        + reason, NOTHING_SENT + " Look at the calls again.", new NextStep.ReviewCalls(), e);
            }
            case INVALID_TIME_BOUNDS -> refusal("The paymaster refused the time window of the transaction: " + said,
                    NOTHING_SENT + " Check the computer's clock, then try again.", new NextStep.TryAgain(), e);
            case INVALID_DEPLOYMENT_DATA -> refusal("The paymaster refused the account's deployment data: " + said,
                    NOTHING_SENT + " " + OR_PAY_YOURSELF, NextStep.NONE, e);
            case INVALID_ID -> refusal("The paymaster does not know this transaction's tracking id: " + said,
                    "Look the transaction up by its hash instead.", NextStep.NONE, e);
            case UNKNOWN_ERROR -> refusal("The paymaster failed with an error it did not name: " + said,
                    NOTHING_SENT + " Try again later. " + OR_PAY_YOURSELF, new NextStep.TryAgain(), e);
        };
    }

    private static WalletError failed(PaymasterException.Failed e) {
        int status = e.httpStatus().orElse(0);
        if (status == 401 || status == 403) {
            return new WalletError(WalletError.Code.PAYMASTER_API_KEY, "The paymaster refused the API key (HTTP " + status + ").",
                    NOTHING_SENT + " Check the paymaster API key. " + OR_PAY_YOURSELF, new NextStep.SetPaymasterKey(), e);
        }
        if (e.maybeDelivered() && e.method().equals("paymaster_executeTransaction")) {
            return new WalletError(WalletError.Code.TRANSACTION_UNCONFIRMED, "The paymaster's answer was lost: " + e.getMessage(),
                    "The transaction may still be sent, once at most. Check the wallet's activity before sending it again.", NextStep.NONE, e);
        }
        return new WalletError(WalletError.Code.PAYMASTER_UNAVAILABLE, "The paymaster could not be used: " + e.getMessage(),
                NOTHING_SENT + " Try again later. " + OR_PAY_YOURSELF, e.kind() == PaymasterException.Failed.Kind.MALFORMED_REPLY
                ? new NextStep.TryAgain() : new NextStep.CheckConnection(), e);
    }

    private static WalletError refusal(String message, String advice, NextStep next, PaymasterException e) {
        return new WalletError(WalletError.Code.PAYMASTER_REFUSED, message, advice, next, e);
    }

    /** A paymaster that says it is not working. */
    public static WalletError notAvailable(String paymaster) {
        return new WalletError(WalletError.Code.PAYMASTER_UNAVAILABLE, "The paymaster at " + paymaster + " says it is not available.",
                NOTHING_SENT + " Try again later. " + OR_PAY_YOURSELF, new NextStep.TryAgain());
    }

}
