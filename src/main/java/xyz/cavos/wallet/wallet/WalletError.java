package xyz.cavos.wallet.wallet;

import java.util.Locale;

/**
 * Every failure a person sees: a stable code (scripts match on it), a message that names the problem, advice
 * in words that fit every face, and a typed {@link NextStep} that each face renders as its own action. Bad
 * input is told apart from an operation that failed.
 */
public final class WalletError extends RuntimeException {

    /** Stable error codes; {@code badInput} ones exit with 2 in the CLI, the others with 1. */
    public enum Code {
        INVALID_TOKEN(true),
        NO_SESSION(true),
        /** A session name already holds another session. */
        SESSION_EXISTS(true),
        INVALID_AMOUNT(true),
        INVALID_ADDRESS(true),
        INVALID_CALLDATA(true),
        UNKNOWN_TOKEN(true),
        /** An address given as a token whose contract does not answer as an ERC-20 (or gives a symbol that cannot be shown). */
        NOT_A_TOKEN(true),
        INVALID_ARGUMENT(true),
        /** A contact's name, or its address, is in the address book already. */
        CONTACT_EXISTS(true),
        /** A name that no contact in the address book has. */
        UNKNOWN_CONTACT(true),
        /** The recipient shares its first and last digits with a known address but is another one (address poisoning). */
        RECIPIENT_LOOKALIKE(false),
        SESSION_NOT_REGISTERED(false),
        SESSION_REVOKED(false),
        SESSION_NOT_YET_ACTIVE(false),
        SESSION_EXPIRED(false),
        CONTRACT_NOT_ALLOWED(false),
        TOKEN_OUT_OF_DATE(false),
        POLICY_NOT_READABLE(false),
        TOO_MANY_CALLS(false),
        SPENDING_LIMIT_EXCEEDED(false),
        TOKEN_NOT_IN_POLICY(false),
        INSUFFICIENT_BALANCE(false),
        RENEWAL_NOT_NEEDED(false),
        ALREADY_RENEWED(false),
        RENEWAL_PERIOD_EXPIRED(false),
        TRANSACTION_REJECTED(false),
        TRANSACTION_REVERTED(false),
        TRANSACTION_TIMEOUT(false),
        /** No account at the token's wallet address on the network in use. */
        ACCOUNT_NOT_FOUND(false),
        /** Sent, but its answer was lost and no endpoint confirmed it arrived before the deadline: it may land, once at most. */
        TRANSACTION_UNCONFIRMED(false),
        TRANSACTION_NOT_FOUND(false),
        CALL_FAILED(false),
        /** The paymaster could not be reached, was too slow, answered with something else, or says it is down. */
        PAYMASTER_UNAVAILABLE(false),
        /** The paymaster refused to build or execute the transaction, and said why. */
        PAYMASTER_REFUSED(false),
        /** The paymaster's typed data is not the transaction asked for (calls, fee, domain or time bounds differ): nothing was signed. */
        PAYMASTER_TAMPERED(false),
        /** The paymaster refused the API key, or it needs one and none is set. */
        PAYMASTER_API_KEY(false),
        /** The paymaster takes no fees in the chosen gas token. */
        GAS_TOKEN_NOT_SUPPORTED(false),
        /** The session may not move the chosen gas token, so it cannot pay the fee with it. */
        GAS_TOKEN_NOT_IN_POLICY(false),
        /** The fee the paymaster asks is above the maximum accepted, or above what the paymaster was allowed. */
        FEE_ABOVE_MAXIMUM(false),
        NETWORK_UNREACHABLE(false),
        NETWORK_ERROR(false),
        NETWORK_NOT_FOUND(false),
        CHAIN_MISMATCH(false),
        KEYCHAIN_UNAVAILABLE(false),
        KEYCHAIN_LOCKED(false),
        WRONG_PASSPHRASE(false),
        STORAGE_ERROR(false),
        UNEXPECTED(false);

        private final boolean badInput;

        Code(boolean badInput) {
            this.badInput = badInput;
        }

        public boolean isBadInput() {
            return badInput;
        }

        /** The code as scripts see it: lower case with dashes, e.g. {@code spending-limit-exceeded}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Code code;
    private final String advice;
    private final NextStep next;

    /** An error with advice only, no step to take. */
    public WalletError(Code code, String message, String advice) {
        this(code, message, advice, NextStep.NONE, null);
    }

    public WalletError(Code code, String message, String advice, NextStep next) {
        this(code, message, advice, next, null);
    }

    public WalletError(Code code, String message, String advice, NextStep next, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.advice = advice == null ? "" : advice;
        this.next = next;
    }

    public Code code() {
        return code;
    }

    /** What to know or do, in words that suit the app and the command line alike; may be empty. */
    public String advice() {
        return advice;
    }

    /** The action that helps, for each face to name in its own terms. */
    public NextStep next() {
        return next;
    }

    /** The advice followed by a face's words for the next step ({@code step} may be empty), as one line. */
    public String adviceThen(String step) {
        if (advice.isBlank()) {
            return step;
        }
        return step.isEmpty() ? advice : advice + " " + step;
    }

    /**
     * Any failure as the wallet error people see: an invalid token, a keychain or session-file failure, or a
     * wallet error as it is. Empty for a failure nobody expected, which the face logs and reports as such.
     */
    public static java.util.Optional<WalletError> explain(Throwable e) {
        return ErrorTranslation.explain(e);
    }
}
