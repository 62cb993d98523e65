package xyz.cavos.wallet.store;

/** Storage could not do what was asked; the message and hint are meant for people. */
public final class StoreException extends RuntimeException {

    /**
     * What went wrong, for callers that map it to their own error codes: {@code SESSION_EXISTS}, a name already holds
     * another session; {@code NO_SUCH_SESSION}, no session has the name; {@code INVALID_NAME}, a name breaks the rules.
     */
    public enum Reason { KEYCHAIN_UNAVAILABLE, KEYCHAIN_LOCKED, WRONG_PASSPHRASE, IO, SESSION_EXISTS, NO_SUCH_SESSION, INVALID_NAME }

    private final Reason reason;
    private final String hint;

    public StoreException(Reason reason, String message, String hint) {
        super(message);
        this.reason = reason;
        this.hint = hint;
    }

    public Reason reason() {
        return reason;
    }

    public String hint() {
        return hint;
    }
}
