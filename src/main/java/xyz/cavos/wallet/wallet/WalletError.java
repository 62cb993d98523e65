package xyz.cavos.wallet.wallet;

import java.util.Locale;

/**
 * Every failure a person sees: a stable code (scripts match on it), a message that names the problem, and
 * a hint that names the next step. Bad input is told apart from an operation that failed.
 */
public final class WalletError extends RuntimeException {

    /** Stable error codes; {@code badInput} ones exit with 2 in the CLI, the others with 1. */
    public enum Code {
        INVALID_TOKEN(true),
        NO_SESSION(true),
        INVALID_AMOUNT(true),
        INVALID_ADDRESS(true),
        INVALID_CALLDATA(true),
        UNKNOWN_TOKEN(true),
        INVALID_ARGUMENT(true),
        SESSION_NOT_REGISTERED(false),
        SESSION_REVOKED(false),
        SESSION_NOT_YET_ACTIVE(false),
        SESSION_EXPIRED(false),
        CONTRACT_NOT_ALLOWED(false),
        TOO_MANY_CALLS(false),
        SPENDING_LIMIT_EXCEEDED(false),
        TOKEN_NOT_IN_POLICY(false),
        INSUFFICIENT_BALANCE(false),
        RENEWAL_NOT_NEEDED(false),
        RENEWAL_PERIOD_EXPIRED(false),
        TRANSACTION_REJECTED(false),
        TRANSACTION_REVERTED(false),
        TRANSACTION_TIMEOUT(false),
        TRANSACTION_NOT_FOUND(false),
        CALL_FAILED(false),
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
    private final String hint;

    public WalletError(Code code, String message, String hint) {
        this(code, message, hint, null);
    }

    public WalletError(Code code, String message, String hint, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hint = hint;
    }

    public Code code() {
        return code;
    }

    /** What to do next, in one sentence that names a command when there is one. */
    public String hint() {
        return hint;
    }
}
