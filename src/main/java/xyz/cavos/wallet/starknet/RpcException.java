package xyz.cavos.wallet.starknet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A JSON-RPC call that did not return a result. Either the node answered with an error
 * ({@link NodeError}: the code, message and data it sent, revert reason included), or no usable answer
 * came back ({@link Transport}: unreachable, timed out, HTTP status, malformed reply). Messages name the
 * node by scheme, host and port only, since RPC URLs often carry an API key in their path.
 */
public abstract sealed class RpcException extends RuntimeException permits RpcException.NodeError, RpcException.Transport {

    private final String method;

    RpcException(String method, String message, Throwable cause) {
        super(message, cause);
        this.method = method;
    }

    /** The JSON-RPC method that failed, e.g. {@code starknet_call}. */
    public String method() {
        return method;
    }

    /** The node answered with a JSON-RPC error object. */
    public static final class NodeError extends RpcException {
        private final int code;
        private final String nodeMessage;
        private final transient JsonNode data;

        NodeError(String method, int code, String nodeMessage, JsonNode data) {
            super(method, describe(method, code, nodeMessage, data), null);
            this.code = code;
            this.nodeMessage = nodeMessage;
            this.data = data;
        }

        public int code() {
            return code;
        }

        /** The message as the node sent it. */
        public String nodeMessage() {
            return nodeMessage;
        }

        /** The error's data member, or a missing node when it had none. */
        public JsonNode data() {
            return data;
        }

        public Optional<StarknetErrorCode> starknetCode() {
            return StarknetErrorCode.of(code);
        }

        public boolean is(StarknetErrorCode expected) {
            return code == expected.code();
        }

        /**
         * The innermost error text of a contract or transaction execution error, or the data string of a
         * validation failure: where the contract's revert string (e.g. "Session expired") ends up.
         */
        public Optional<String> revertReason() {
            return innermostText(data);
        }

        private static Optional<String> innermostText(JsonNode node) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return Optional.empty();
            }
            if (node.isTextual()) {
                return Optional.of(node.asText());
            }
            for (String field : new String[] {"revert_error", "execution_error", "error"}) {
                if (node.has(field)) {
                    return innermostText(node.get(field));
                }
            }
            return Optional.empty();
        }

        /** Room for any revert reason a contract gives, not for a page of text. */
        private static final int MAX_NODE_TEXT = 600;

        private static String describe(String method, int code, String message, JsonNode data) {
            String name = StarknetErrorCode.of(code).map(Enum::name).orElse("code " + code);
            String text = "The Starknet node rejected " + method + ": " + bounded(message) + " (" + name + ")";
            Optional<String> reason = innermostText(data);
            return reason.map(r -> text + ": " + bounded(r)).orElse(text);
        }

        /** A node's own words, on one line of printable characters and at most a few lines long. */
        private static String bounded(String said) {
            String line = said.replaceAll("\\p{Cntrl}", " ").strip();
            return line.length() > MAX_NODE_TEXT ? line.substring(0, MAX_NODE_TEXT - 1) + "…" : line;
        }
    }

    /** No usable answer: the node could not be reached, was too slow, or replied with something else. */
    public static final class Transport extends RpcException {

        /**
         * What went wrong on the way: {@code NOT_JSON} is a reply that is not JSON at all (an HTML page), and
         * {@code BATCH_REFUSED} a node that answered a batch with one error instead of an answer per call.
         */
        public enum Kind { UNREACHABLE, TIMEOUT, HTTP_STATUS, MALFORMED_RESPONSE, NOT_JSON, BATCH_REFUSED, INTERRUPTED }

        private final Kind kind;
        private final int httpStatus;
        private final boolean maybeDelivered;

        Transport(String method, Kind kind, int httpStatus, boolean maybeDelivered, String message, Throwable cause) {
            super(method, message, cause);
            this.kind = kind;
            this.httpStatus = httpStatus;
            this.maybeDelivered = maybeDelivered;
        }

        public Kind kind() {
            return kind;
        }

        /** What a server said, cut to one short line of printable characters, fit to quote in a message. */
        public static String shortened(String said) {
            String line = said.replaceAll("\\p{Cntrl}", " ").strip();
            return line.length() > 120 ? line.substring(0, 119) + "…" : line;
        }

        public OptionalInt httpStatus() {
            return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
        }

        /**
         * True when the request may have reached the node although no answer came back: for a write this
         * means the transaction may have been accepted, so track it by hash before sending anything again.
         */
        public boolean maybeDelivered() {
            return maybeDelivered;
        }
    }
}
