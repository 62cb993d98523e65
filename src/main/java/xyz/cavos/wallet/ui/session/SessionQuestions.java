package xyz.cavos.wallet.ui.session;

import xyz.cavos.wallet.ui.Confirmations;

/** What the Session screen asks before it revokes, renews a key again, or removes the session from this device. */
final class SessionQuestions {

    static final Confirmations.Question REVOKE = new Confirmations.Question("Revoke session", "Revoke this session?",
            "The session key stops working on chain, for good. Other sessions of the account keep working.\n"
                    + "This sends a transaction.", "Revoke", "confirm-revoke", true);
    static final Confirmations.Question REVOKE_ALL = new Confirmations.Question("Revoke all sessions",
            "Revoke every session of this account?",
            "Every app and device using a session of this wallet loses access, including this one.", "Continue",
            "confirm-revoke-all", true);
    static final Confirmations.Question REVOKE_ALL_AGAIN = new Confirmations.Question("Revoke all sessions",
            "This cannot be undone. Revoke all sessions now?",
            "You will need to create new sessions in the Cavos dashboard for every app and device.", "Revoke all",
            "confirm-revoke-all-again", true);
    static final Confirmations.Question RENEW_AGAIN = new Confirmations.Question("Renew again", "This session was renewed before.",
            "Renewing it again registers one more session with a fresh spending allowance. Use the newer session unless you mean to.",
            "Continue", "confirm-renew-again", true);
    static final Confirmations.Question RENEW_AGAIN_SURE = new Confirmations.Question("Renew again",
            "Renew this session once more?", "The old key keeps working until its renewal deadline.", "Renew again",
            "confirm-renew-again-sure", true);
    /** Renewing: the sheet with the fee and what the new session gets. */
    static Confirmations.Question renew(java.util.List<Confirmations.Detail> details) {
        return new Confirmations.Question("Renew session", "Renew this session?",
                "A new session key is registered with the same policy and spending limits, for as long as this one lasted. "
                        + "The old key signs the renewal. This sends a transaction.", "Renew", "confirm-renew", false, details);
    }

    static final Confirmations.Question FORGET = new Confirmations.Question("Remove session", "Remove this session from this device?",
            "The key is deleted from the keychain. On chain the session stays valid until it expires: "
                    + "revoke it first if the key may be exposed.", "Remove", "confirm-forget", true);

    private SessionQuestions() {
    }
}
