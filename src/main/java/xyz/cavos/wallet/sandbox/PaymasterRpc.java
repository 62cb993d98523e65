package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import xyz.cavos.wallet.cavos.OutsideExecution;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.StarknetErrorCode;

/**
 * The SNIP-29 paymaster API (version 0x1 parameters, invoke transactions) over JSON-RPC, in front of
 * {@link SandboxPaymaster}: each request's params read and bounded before use, its errors under the codes the
 * paymaster API defines, and the API key checked for sponsored transactions.
 */
final class PaymasterRpc {

    /** The HTTP header that carries the API key. */
    static final String API_KEY_HEADER = "x-paymaster-api-key";

    static final int INVALID_ADDRESS = 150;
    static final int TOKEN_NOT_SUPPORTED = 151;
    static final int INVALID_SIGNATURE = 153;
    static final int TRANSACTION_EXECUTION_ERROR = 156;
    static final int INVALID_TIME_BOUNDS = 157;
    static final int INVALID_ID = 160;
    static final int UNKNOWN_ERROR = 163;

    /** More felts than any session signature with its proofs needs. */
    static final int MAX_SIGNATURE = 2048;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Method(List<String> params, Function<Request, JsonNode> handler) {
    }

    /** One request's params and the API key its HTTP request carried. */
    private record Request(RpcParams params, Optional<String> apiKey) {
    }

    private final SandboxPaymaster paymaster;
    private final Chain chain;
    private final Map<String, Method> methods;

    PaymasterRpc(SandboxPaymaster paymaster, Chain chain) {
        this.paymaster = paymaster;
        this.chain = chain;
        this.methods = Map.of(
                "paymaster_isAvailable", new Method(List.of(), r -> NODES.booleanNode(true)),
                "paymaster_getSupportedTokens", new Method(List.of(), r -> supportedTokens()),
                "paymaster_trackingIdToLatestHash", new Method(List.of("tracking_id"), this::trackingIdToLatestHash),
                "paymaster_buildTransaction", new Method(List.of("transaction", "parameters"), this::buildTransaction),
                "paymaster_executeTransaction", new Method(List.of("transaction", "parameters"), this::executeTransaction));
    }

    /** Answers one request object (never throws): a result or an error reply; {@code apiKey} is what its HTTP request carried. */
    ObjectNode answer(JsonNode request, Optional<String> apiKey) {
        return RpcEnvelope.answer(request, name -> Optional.ofNullable(methods.get(name)).map(method -> new RpcEnvelope.Method(
                method.params(), params -> method.handler().apply(new Request(params, apiKey)))), "the sandbox's paymaster");
    }

    private JsonNode supportedTokens() {
        ArrayNode out = NODES.arrayNode();
        for (SandboxPaymaster.GasToken token : SandboxPaymaster.GAS_TOKENS) {
            out.addObject().put("token_address", token.token().address().toHex()).put("decimals", token.token().decimals())
                    .put("price_in_strk", hex(token.priceInFri()));
        }
        return out;
    }

    private JsonNode trackingIdToLatestHash(Request request) {
        Felt id = request.params().felt("tracking_id");
        Felt hash = paymaster.latestHash(id)
                .orElseThrow(() -> new RpcFailure(INVALID_ID, "An error occurred (INVALID_ID): no request has tracking id " + id.toHex(), null));
        return NODES.objectNode().put("transaction_hash", hash.toHex())
                .put("status", isIncluded(hash) ? "accepted" : "active");
    }

    private boolean isIncluded(Felt hash) {
        try {
            chain.transaction(hash);
            return true;
        } catch (RpcFailure notFound) {
            return false;
        }
    }

    private JsonNode buildTransaction(Request request) {
        JsonNode invoke = invokeOf(request.params().required("transaction"));
        Felt user = userAddress(invoke);
        JsonNode callsNode = invoke.get("calls");
        if (callsNode == null || !callsNode.isArray() || callsNode.size() > OutsideExecution.MAX_CALLS) {
            throw new IllegalArgumentException("transaction.invoke.calls is a list of at most " + OutsideExecution.MAX_CALLS + " calls");
        }
        List<Call> calls = new ArrayList<>();
        for (JsonNode call : callsNode) {
            JsonNode data = call.get("calldata");
            if (!call.isObject() || data == null || !data.isArray() || data.size() > OutsideExecution.MAX_CALLDATA) {
                throw new IllegalArgumentException("each call has to, selector and calldata (at most " + OutsideExecution.MAX_CALLDATA
                        + " values)");
            }
            calls.add(new Call(RpcValues.felt(call, "to"), RpcValues.felt(call, "selector"), RpcValues.felts(data)));
        }
        JsonNode parameters = request.params().required("parameters");
        Optional<SandboxPaymaster.GasToken> gasToken = feeMode(parameters);
        if (gasToken.isEmpty()) {
            checkApiKey(request.apiKey());
        }
        long now = chain.now();
        long after = now - 1;
        long before = now + SandboxPaymaster.DEFAULT_VALIDITY_SECONDS;
        JsonNode bounds = parameters.get("time_bounds");
        if (bounds != null && !bounds.isNull()) {
            after = timestamp(bounds, "execute_after");
            before = timestamp(bounds, "execute_before");
            if (after >= before || before <= now) {
                throw new RpcFailure(INVALID_TIME_BOUNDS, "An error occurred (INVALID_TIME_BOUNDS): execute_after " + after
                        + " must be before execute_before " + before + ", which must be after the chain's time " + now, null);
            }
        }
        SandboxPaymaster.Built built = paymaster.build(user, calls, gasToken, after, before);
        ObjectNode out = NODES.objectNode().put("type", "invoke");
        out.set("typed_data", built.typedData());
        out.set("parameters", parameters);
        SandboxPaymaster.Fee fee = built.fee();
        out.putObject("fee")
                .put("gas_token_price_in_strk", hex(fee.gasToken().priceInFri()))
                .put("estimated_fee_in_strk", hex(fee.estimatedFri()))
                .put("estimated_fee_in_gas_token", hex(fee.estimatedInGasToken()))
                .put("suggested_max_fee_in_strk", hex(fee.suggestedMaxFri()))
                .put("suggested_max_fee_in_gas_token", hex(fee.suggestedMaxInGasToken()));
        return out;
    }

    private JsonNode executeTransaction(Request request) {
        JsonNode invoke = invokeOf(request.params().required("transaction"));
        Felt user = userAddress(invoke);
        JsonNode signatureNode = invoke.get("signature");
        if (signatureNode == null || !signatureNode.isArray() || signatureNode.size() > MAX_SIGNATURE) {
            throw new IllegalArgumentException("transaction.invoke.signature is a list of at most " + MAX_SIGNATURE + " felts");
        }
        List<Felt> signature = RpcValues.felts(signatureNode);
        JsonNode typedData = invoke.get("typed_data");
        if (typedData == null || !typedData.isObject()) {
            throw new IllegalArgumentException("transaction.invoke.typed_data is missing");
        }
        feeMode(request.params().required("parameters"));
        OutsideExecution execution = OutsideExecution.fromMessage(typedData.get("message"));
        SandboxPaymaster.Built built = paymaster.builtFor(user, execution).orElseThrow(() -> new RpcFailure(UNKNOWN_ERROR,
                "The typed data was not built by this paymaster for this account, or was executed already",
                NODES.textNode("Call paymaster_buildTransaction, sign its typed data unchanged, and execute it once")));
        if (built.sponsored()) {
            checkApiKey(request.apiKey());
        }
        SandboxPaymaster.Executed executed;
        try {
            executed = paymaster.execute(built, signature);
        } catch (RpcFailure failure) {
            if (failure.code == StarknetErrorCode.TRANSACTION_EXECUTION_ERROR.code() && failure.data != null
                    && failure.data.has("execution_error")) {
                ObjectNode data = NODES.objectNode();
                data.set("execution_error", failure.data.get("execution_error"));
                throw new RpcFailure(TRANSACTION_EXECUTION_ERROR, "An error occurred (TRANSACTION_EXECUTION_ERROR)", data);
            }
            throw new RpcFailure(UNKNOWN_ERROR, "The relayer's transaction was refused", NODES.textNode(failure.getMessage()
                    + (failure.data == null ? "" : ": " + failure.data)));
        }
        return NODES.objectNode().put("tracking_id", executed.trackingId().toHex())
                .put("transaction_hash", executed.transactionHash().toHex());
    }

    /** The invoke of a {@code transaction} param; deploy types are not served. */
    private static JsonNode invokeOf(JsonNode transaction) {
        String type = transaction.path("type").asText();
        if (type.equals("deploy") || type.equals("deploy_and_invoke")) {
            throw new RpcFailure(UNKNOWN_ERROR, "The sandbox's paymaster serves invoke transactions only",
                    NODES.textNode("Sandbox accounts are deployed by its dashboard (sandbox_createWallet); send type invoke"));
        }
        if (!type.equals("invoke") || !transaction.path("invoke").isObject()) {
            throw new IllegalArgumentException("transaction is {type: invoke, invoke: {...}}");
        }
        return transaction.get("invoke");
    }

    private Felt userAddress(JsonNode invoke) {
        Felt user = RpcValues.felt(invoke, "user_address");
        boolean cavosAccount = chain.read(w -> w.accounts.containsKey(user) && !w.accounts.get(user).isPlain());
        if (!cavosAccount) {
            throw new RpcFailure(INVALID_ADDRESS, "An error occurred (INVALID_ADDRESS): no Cavos account is deployed at "
                    + user.toHex(), null);
        }
        return user;
    }

    /** The gas token of {@code parameters}, empty when sponsored; refuses other versions and unknown tokens. */
    private static Optional<SandboxPaymaster.GasToken> feeMode(JsonNode parameters) {
        if (!parameters.path("version").asText().equals("0x1")) {
            throw new IllegalArgumentException("parameters.version must be 0x1");
        }
        JsonNode feeMode = parameters.path("fee_mode");
        switch (feeMode.path("mode").asText()) {
            case "sponsored" -> {
                return Optional.empty();
            }
            case "default" -> {
                Felt token = RpcValues.felt(feeMode, "gas_token");
                return Optional.of(SandboxPaymaster.gasToken(token).orElseThrow(() -> new RpcFailure(TOKEN_NOT_SUPPORTED,
                        "An error occurred (TOKEN_NOT_SUPPORTED): " + token.toHex()
                                + " is not a gas token of the sandbox's paymaster (see paymaster_getSupportedTokens)", null)));
            }
            default -> throw new IllegalArgumentException("parameters.fee_mode.mode is sponsored or default");
        }
    }

    private void checkApiKey(Optional<String> given) {
        if (given.isEmpty() || given.get().isEmpty()) {
            throw apiKeyError("Sponsored transactions need the sandbox paymaster's API key in the " + API_KEY_HEADER
                    + " header: the request has none");
        }
        byte[] expected = paymaster.apiKey().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given.get().getBytes(StandardCharsets.UTF_8))) {
            throw apiKeyError("The " + API_KEY_HEADER + " header does not hold the sandbox paymaster's API key: the key is wrong");
        }
    }

    private static RpcFailure apiKeyError(String message) {
        return new RpcFailure(UNKNOWN_ERROR, message, NODES.textNode(message));
    }

    private static long timestamp(JsonNode bounds, String field) {
        JsonNode value = bounds.get(field);
        String text = value == null ? "" : value.asText();
        if (!text.matches("[0-9]{1,19}") || new BigInteger(text).bitLength() > 63) {
            throw new RpcFailure(INVALID_TIME_BOUNDS, "An error occurred (INVALID_TIME_BOUNDS): time_bounds." + field
                    + " is not a time in seconds", null);
        }
        return Long.parseLong(text);
    }

    private static String hex(BigInteger value) {
        return "0x" + value.toString(16);
    }

}
