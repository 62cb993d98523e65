package xyz.cavos.wallet.starknet.paymaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import java.util.OptionalInt;
import xyz.cavos.wallet.starknet.Json;

/**
 * A paymaster call that did not give a usable answer. Either the paymaster refused ({@link Refused}: its SNIP-29 error
 * code, message and data, each bounded), or no usable answer came back ({@link Failed}: unreachable, too slow, an HTTP
 * status, a reply of the wrong shape or size). No message holds the API key, even when the paymaster repeats it.
 */
public abstract sealed class PaymasterException extends RuntimeException permits PaymasterException.Refused, PaymasterException.Failed {

    /** Room for any reason a paymaster or a contract gives, not for a page of text. */
    static final int MAX_TEXT = 600;
    /** The most of an error's data kept, as JSON text. */
    static final int MAX_DATA_CHARS = 4096;

    private final String method;

    PaymasterException(String method, String message) {
        super(message);
        this.method = method;
    }

    /** The SNIP-29 method that failed, e.g. {@code paymaster_buildTransaction}. */
    public String method() {
        return method;
    }

    /** Whether the request may have reached the paymaster although no answer came back (an execute that may run). */
    public abstract boolean maybeDelivered();

    /** The paymaster answered with a JSON-RPC error. */
    public static final class Refused extends PaymasterException {
        private final int code;
        private final String paymasterMessage;
        private final transient JsonNode data;

        /** A refusal as the paymaster sent it; its message and data are cut to their bounds here. */
        public Refused(String method, int code, String paymasterMessage, JsonNode data) {
            this(method, code, bounded(paymasterMessage), boundedData(data), true);
        }

        private Refused(String method, int code, String paymasterMessage, JsonNode data, boolean bounded) {
            super(method, describe(method, code, paymasterMessage, data));
            this.code = code;
            this.paymasterMessage = paymasterMessage;
            this.data = data;
        }

        public int code() {
            return code;
        }

        public Optional<PaymasterErrorCode> paymasterCode() {
            return PaymasterErrorCode.of(code);
        }

        public boolean is(PaymasterErrorCode expected) {
            return code == expected.code();
        }

        /** The paymaster's message, on one line and at most {@value #MAX_TEXT} characters. */
        public String paymasterMessage() {
            return paymasterMessage;
        }

        /** The error's data (bounded), or a missing node when it had none. */
        public JsonNode data() {
            return data.deepCopy();
        }

        /**
         * The innermost text of a {@code TRANSACTION_EXECUTION_ERROR}'s {@code execution_error} (where a contract's
         * revert string, e.g. "Session expired", ends up), or the data string of another error.
         */
        public Optional<String> reason() {
            return innermostText(data, 0).map(PaymasterException::bounded);
        }

        @Override
        public boolean maybeDelivered() {
            return false;
        }

        private static String describe(String method, int code, String message, JsonNode data) {
            String name = PaymasterErrorCode.of(code).map(Enum::name).orElse("code " + code);
            String text = "The paymaster refused " + method + ": " + message + " (" + name + ")";
            return innermostText(data, 0).map(r -> text + ": " + bounded(r)).orElse(text);
        }

        private static Optional<String> innermostText(JsonNode node, int depth) {
            if (node == null || node.isMissingNode() || node.isNull() || depth > 64) {
                return Optional.empty();
            }
            if (node.isTextual()) {
                return Optional.of(node.asText());
            }
            for (String field : new String[] {"execution_error", "revert_error", "error"}) {
                if (node.has(field)) {
                    return innermostText(node.get(field), depth + 1);
                }
            }
            return Optional.empty();
        }
    }

    /** No usable answer: the paymaster could not be reached, was too slow, or replied with something else. */
    public static final class Failed extends PaymasterException {

        /** What went wrong on the way. */
        public enum Kind { UNREACHABLE, TIMEOUT, HTTP_STATUS, MALFORMED_REPLY, INTERRUPTED }

        private final Kind kind;
        private final int httpStatus;
        private final boolean maybeDelivered;

        /** {@code message} must name the paymaster by scheme, host and port only, and hold no key. */
        public Failed(String method, Kind kind, int httpStatus, boolean maybeDelivered, String message) {
            super(method, message);
            this.kind = kind;
            this.httpStatus = httpStatus;
            this.maybeDelivered = maybeDelivered;
        }

        public Kind kind() {
            return kind;
        }

        public OptionalInt httpStatus() {
            return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
        }

        @Override
        public boolean maybeDelivered() {
            return maybeDelivered;
        }
    }

    /** A paymaster's own words, on one line of printable characters and at most {@value #MAX_TEXT} characters. */
    static String bounded(String said) {
        if (said == null) {
            return "";
        }
        String line = said.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT - 1) + "…" : line;
    }

    /** Error data kept as sent when small, else as the start of its JSON text. */
    static JsonNode boundedData(JsonNode data) {
        if (data == null || data.isMissingNode() || data.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        String text = Json.write(data);
        if (text.length() <= MAX_DATA_CHARS) {
            return data.deepCopy();
        }
        return JsonNodeFactory.instance.textNode(text.substring(0, MAX_DATA_CHARS - 1) + "…");
    }
}
