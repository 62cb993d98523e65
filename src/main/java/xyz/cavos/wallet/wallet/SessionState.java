package xyz.cavos.wallet.wallet;

/** Where a session stands by chain time. */
public enum SessionState {
    ACTIVE("Active"),
    EXPIRING_SOON("Expiring soon"),
    NOT_YET_ACTIVE("Not yet active"),
    EXPIRED_RENEWABLE("Expired, renewable"),
    EXPIRED("Expired"),
    REVOKED("Revoked"),
    NOT_REGISTERED("Not registered");

    private final String label;

    SessionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a transaction signed now could pass the account's validation. */
    public boolean canTransact() {
        return this == ACTIVE || this == EXPIRING_SOON;
    }
}
