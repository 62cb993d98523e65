package xyz.cavos.wallet.starknet.paymaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.RpcRequest;
import xyz.cavos.wallet.starknet.U256;

/**
 * A SNIP-29 paymaster client: build an outside execution for the user's calls, send the signed one for execution, and
 * track it. It speaks JSON-RPC over the same bounded transport as the node client ({@link RpcClient}: every exchange
 * within one deadline, replies size-bounded before parsing, an execute sent exactly once), with the API key in the
 * {@code x-paymaster-api-key} header. The typed data comes back unchecked: the wallet reviews it before signing.
 * Thread-safe.
 */
public final class PaymasterClient implements AutoCloseable {

    /** The header the Cavos paymaster and AVNU's read the key from. */
    public static final String API_KEY_HEADER = "x-paymaster-api-key";
    /** A typed data of the most calls a session allows is a few kilobytes; a megabyte is far more than any answer. */
    static final int MAX_REPLY_BYTES = 1024 * 1024;
    /** More tokens than any paymaster lists. */
    static final int MAX_TOKENS = 256;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RpcClient rpc;
    private final Optional<PaymasterKey> key;

    private PaymasterClient(RpcClient rpc, Optional<PaymasterKey> key) {
        this.rpc = rpc;
        this.key = key;
    }

    /** A client for the paymaster at {@code endpoint}, each exchange bounded by {@code timeout}; {@code key} when it needs one. */
    public static PaymasterClient connect(URI endpoint, Optional<PaymasterKey> key, Duration timeout) {
        RpcClient.Builder builder = RpcClient.builder(endpoint).peerName("paymaster").requestTimeout(timeout)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5))
                .maxReplyBytes(MAX_REPLY_BYTES).maxRetries(2);
        key.ifPresent(k -> builder.header(API_KEY_HEADER, k.reveal()));
        return new PaymasterClient(builder.build(), key);
    }

    /** The paymaster's address as shown to people: scheme, host and port only. */
    public String endpointForDisplay() {
        return rpc.endpointForDisplay();
    }

    @Override
    public void close() {
        rpc.close();
    }

    // ---- the SNIP-29 methods ----

    /** Whether the paymaster says it works. */
    public boolean isAvailable() {
        return send("paymaster_isAvailable", NODES.objectNode(), false, node -> {
            if (!node.isBoolean()) {
                throw new IllegalArgumentException("expected true or false");
            }
            return node.booleanValue();
        });
    }

    /** The tokens the paymaster takes fees in. */
    public List<SupportedToken> supportedTokens() {
        return send("paymaster_getSupportedTokens", NODES.objectNode(), false, node -> {
            if (!node.isArray() || node.size() > MAX_TOKENS) {
                throw new IllegalArgumentException("expected a list of at most " + MAX_TOKENS + " tokens");
            }
            List<SupportedToken> tokens = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                JsonNode decimals = item.path("decimals");
                if (!decimals.isIntegralNumber() || !decimals.canConvertToInt() || decimals.intValue() < 0 || decimals.intValue() > 77) {
                    throw new IllegalArgumentException("a token's decimals are not a whole number from 0 to 77");
                }
                tokens.add(new SupportedToken(felt(item, "token_address"), decimals.intValue(), U256.parse(text(item, "price_in_strk"))));
            }
            return List.copyOf(tokens);
        });
    }

    /** Asks the paymaster to wrap {@code calls} from {@code userAddress} into an outside execution to sign. */
    public BuiltTransaction buildTransaction(Felt userAddress, List<Call> calls, FeeMode feeMode) {
        return buildTransaction(userAddress, calls, feeMode, Optional.empty());
    }

    /** As {@link #buildTransaction(Felt, List, FeeMode)}, asking for the execution to be valid only within {@code bounds}. */
    public BuiltTransaction buildTransaction(Felt userAddress, List<Call> calls, FeeMode feeMode, Optional<TimeBounds> bounds) {
        ObjectNode params = NODES.objectNode();
        ObjectNode transaction = params.putObject("transaction").put("type", "invoke");
        ObjectNode invoke = transaction.putObject("invoke").put("user_address", userAddress.toHex());
        ArrayNode list = invoke.putArray("calls");
        for (Call call : calls) {
            ObjectNode item = list.addObject().put("to", call.to().toHex()).put("selector", call.selector().toHex());
            ArrayNode data = item.putArray("calldata");
            call.calldata().forEach(f -> data.add(f.toHex()));
        }
        params.set("parameters", parameters(feeMode, bounds));
        return send("paymaster_buildTransaction", params, false, node -> {
            if (!"invoke".equals(text(node, "type"))) {
                throw new IllegalArgumentException("expected an invoke transaction, got " + shortened(text(node, "type")));
            }
            JsonNode typedData = object(node, "typed_data");
            JsonNode parameters = object(node, "parameters");
            JsonNode fee = object(node, "fee");
            return new BuiltTransaction(typedData, parameters, new PaymasterFee(
                    felt(fee, "gas_token_price_in_strk").value(), felt(fee, "estimated_fee_in_strk").value(),
                    felt(fee, "estimated_fee_in_gas_token").value(), felt(fee, "suggested_max_fee_in_strk").value(),
                    felt(fee, "suggested_max_fee_in_gas_token").value()));
        });
    }

    /**
     * Sends the signed typed data for execution, exactly once (a lost answer is reported as possibly delivered, never
     * sent again). {@code typedData} and {@code parameters} are the ones {@link #buildTransaction} returned.
     */
    public ExecutedTransaction executeTransaction(Felt userAddress, JsonNode typedData, List<Felt> signature, JsonNode parameters) {
        ObjectNode params = NODES.objectNode();
        ObjectNode invoke = params.putObject("transaction").put("type", "invoke").putObject("invoke");
        invoke.put("user_address", userAddress.toHex());
        invoke.set("typed_data", typedData.deepCopy());
        ArrayNode felts = invoke.putArray("signature");
        signature.forEach(f -> felts.add(f.toHex()));
        params.set("parameters", parameters.deepCopy());
        return send("paymaster_executeTransaction", params, true,
                node -> new ExecutedTransaction(felt(node, "tracking_id"), felt(node, "transaction_hash")));
    }

    /** The latest transaction the paymaster sent for a request, and the request's status. */
    public TrackedTransaction trackingIdToLatestHash(Felt trackingId) {
        ObjectNode params = NODES.objectNode().put("tracking_id", trackingId.toHex());
        return send("paymaster_trackingIdToLatestHash", params, false, node -> {
            TrackedTransaction.Status status = switch (text(node, "status")) {
                case "active" -> TrackedTransaction.Status.ACTIVE;
                case "accepted" -> TrackedTransaction.Status.ACCEPTED;
                case "dropped" -> TrackedTransaction.Status.DROPPED;
                default -> throw new IllegalArgumentException("status is not active, accepted or dropped: " + shortened(text(node, "status")));
            };
            return new TrackedTransaction(felt(node, "transaction_hash"), status);
        });
    }

    // ---- sending and reading ----

    static ObjectNode parameters(FeeMode feeMode, Optional<TimeBounds> bounds) {
        ObjectNode parameters = NODES.objectNode().put("version", "0x1");
        ObjectNode mode = parameters.putObject("fee_mode");
        switch (feeMode) {
            case FeeMode.Sponsored sponsored -> mode.put("mode", "sponsored");
            case FeeMode.InGasToken token -> mode.put("mode", "default").put("gas_token", token.gasToken().toHex());
        }
        bounds.ifPresent(b -> parameters.putObject("time_bounds").put("execute_after", Long.toString(b.executeAfter()))
                .put("execute_before", Long.toString(b.executeBefore())));
        return parameters;
    }

    private <T> T send(String method, ObjectNode params, boolean write, Function<JsonNode, T> read) {
        JsonNode result;
        try {
            result = rpc.send(RpcRequest.custom(method, params, write));
        } catch (RpcException.NodeError e) {
            throw new PaymasterException.Refused(method, e.code(), redact(e.nodeMessage()), redacted(e.data()));
        } catch (RpcException.Transport e) {
            throw new PaymasterException.Failed(method, kind(e.kind()), e.httpStatus().orElse(0), e.maybeDelivered(),
                    redact(e.getMessage()));
        }
        try {
            return read.apply(result);
        } catch (RuntimeException e) {
            String detail = e instanceof IllegalArgumentException && e.getMessage() != null ? ": " + redact(e.getMessage()) : "";
            throw new PaymasterException.Failed(method, PaymasterException.Failed.Kind.MALFORMED_REPLY, 0, write,
                    "The paymaster at " + rpc.endpointForDisplay() + " answered " + method + " with a reply of the wrong shape"
                            + PaymasterException.bounded(detail) + ".");
        }
    }

    private static PaymasterException.Failed.Kind kind(RpcException.Transport.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> PaymasterException.Failed.Kind.UNREACHABLE;
            case TIMEOUT -> PaymasterException.Failed.Kind.TIMEOUT;
            case HTTP_STATUS -> PaymasterException.Failed.Kind.HTTP_STATUS;
            case INTERRUPTED -> PaymasterException.Failed.Kind.INTERRUPTED;
            case MALFORMED_RESPONSE, NOT_JSON, BATCH_REFUSED -> PaymasterException.Failed.Kind.MALFORMED_REPLY;
        };
    }

    private String redact(String text) {
        return key.map(k -> k.redact(text)).orElse(text == null ? "" : text);
    }

    /** A copy of error data with the key blotted out of every string in it. */
    private JsonNode redacted(JsonNode node) {
        if (key.isEmpty() || node == null) {
            return node;
        }
        if (node.isTextual()) {
            return NODES.textNode(redact(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(item -> out.add(redacted(item)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            node.properties().forEach(field -> out.set(redact(field.getKey()), redacted(field.getValue())));
            return out;
        }
        return node;
    }

    private static Felt felt(JsonNode node, String field) {
        return Felt.parse(field, text(node, field));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field " + field + " is missing or not a string");
        }
        return value.asText();
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("field " + field + " is missing or not an object");
        }
        return value;
    }

    private static String shortened(String said) {
        return RpcException.Transport.shortened(said);
    }
}
