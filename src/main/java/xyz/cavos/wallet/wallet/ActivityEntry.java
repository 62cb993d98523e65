package xyz.cavos.wallet.wallet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/**
 * One line of the wallet's history: a token transfer in or out (the fee of a transaction is one too), a transaction
 * this installation sent that moved no token of its own (pending, reverted, or other calls), or an event of the
 * session (registered, renewed, revoked). {@code block} and {@code time} (the block's timestamp) are empty while
 * pending; {@code amount} and {@code token} only for transfers; {@code revertReason} only when reverted.
 */
public record ActivityEntry(
        Kind kind,
        Status status,
        OptionalLong block,
        Optional<Instant> time,
        Optional<Felt> transactionHash,
        Optional<Token> token,
        Optional<U256> raw,
        Optional<Felt> counterparty,
        String description,
        Optional<String> revertReason,
        Optional<String> explorerLink) {

    /** What happened. */
    public enum Kind {
        RECEIVED("Received", "in"),
        SENT("Sent", "out"),
        FEE("Fee", "out"),
        TRANSACTION("Transaction", ""),
        SESSION_REGISTERED("Session registered", ""),
        SESSION_RENEWED("Session renewed", ""),
        SESSION_REVOKED("Session revoked", ""),
        ALL_SESSIONS_REVOKED("All sessions revoked", "");

        private final String label;
        private final String direction;

        Kind(String label, String direction) {
            this.label = label;
            this.direction = direction;
        }

        public String label() {
            return label;
        }

        /** "in", "out", or empty for what moved no token. */
        public String direction() {
            return direction;
        }
    }

    /** Where the transaction behind the line is. */
    public enum Status {
        PENDING("Pending"),
        ACCEPTED("Accepted"),
        REVERTED("Reverted");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "in", "out", or empty. */
    public String direction() {
        return kind.direction();
    }

    /** The amount in whole tokens, exact with the token's decimals. */
    public Optional<BigDecimal> amount() {
        return token.flatMap(t -> raw.map(r -> r.toAmount(t.decimals())));
    }

    /** The amount as the wallet writes it ("1.5"), or empty. */
    public String amountText() {
        return token.flatMap(t -> raw.map(r -> r.toAmountString(t.decimals()))).orElse("");
    }

    /** The token's symbol, or empty. */
    public String symbol() {
        return token.map(Token::symbol).orElse("");
    }
}
