package xyz.cavos.wallet.cavos;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The Cavos account contract's revert strings, exactly as the contract raises them. */
public enum RevertReason {
    SESSION_NOT_REGISTERED("Session not registered"),
    SESSION_REVOKED("Session revoked"),
    SESSION_NOT_YET_ACTIVE("Session not yet active"),
    SESSION_EXPIRED("Session expired"),
    TOO_MANY_CALLS("Too many calls in transaction"),
    CONTRACT_NOT_ALLOWED("Contract not in allowed list"),
    CANNOT_UPGRADE("Session keys cannot upgrade contract"),
    TOKEN_NOT_IN_POLICY("Token not in spending policy"),
    SPENDING_LIMIT_EXCEEDED("Spending limit exceeded"),
    INVALID_ERC20_CALLDATA("Invalid ERC-20 calldata"),
    INVALID_SESSION_SIGNATURE("Invalid session key signature"),
    INVALID_SIGNATURE_LENGTH("Invalid session signature length"),
    RENEWAL_PERIOD_EXPIRED("Renewal period expired"),
    OLD_SESSION_NOT_REGISTERED("Old session not registered"),
    OLD_SESSION_NOT_EXPIRED("Old session not yet expired"),
    INVALID_RENEWAL_SIGNATURE("Invalid renewal signature"),
    NEW_SESSION_ALREADY_REGISTERED("New session already registered"),
    RENEWAL_DEADLINE_BEFORE_EXPIRY("Renewal deadline must be >= valid_until"),
    ONLY_SELF_REVOKE_SESSION("Only self can revoke session"),
    ONLY_SELF_REVOKE_SESSIONS("Only self can revoke sessions"),
    INVALID_CALLER("Invalid caller"),
    INVALID_TIMESTAMP("Invalid timestamp"),
    DUPLICATED_NONCE("Duplicated nonce"),
    INVALID_SIGNATURE_TYPE("Invalid signature type");

    /** Longest first, so "…revoke sessions" wins over its prefix "…revoke session". */
    private static final List<RevertReason> BY_LENGTH = Arrays.stream(values())
            .sorted(Comparator.comparingInt((RevertReason r) -> r.text.length()).reversed())
            .toList();

    private final String text;

    RevertReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The reason named in a node's error or revert text, however the node wrapped it. */
    public static Optional<RevertReason> find(String nodeText) {
        if (nodeText == null) {
            return Optional.empty();
        }
        return BY_LENGTH.stream().filter(r -> nodeText.contains(r.text)).findFirst();
    }
}
