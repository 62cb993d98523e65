package xyz.cavos.wallet.store;

/** Storage could not do what was asked; the message and hint are meant for people. */
public final class StoreException extends RuntimeException {

    /** What went wrong, for callers that map it to their own error codes. */
    public enum Reason { KEYCHAIN_UNAVAILABLE, KEYCHAIN_LOCKED, WRONG_PASSPHRASE, IO }

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
