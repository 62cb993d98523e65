package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON-RPC 2.0 envelope both of the sandbox's servers answer in (the node and the paymaster): the request's id back,
 * the method looked up, its params read by name or position, and every failure as an error reply, never an exception.
 */
final class RpcEnvelope {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A method's param names, in the spec's order, and what answers it. */
    record Method(List<String> params, Function<RpcParams, JsonNode> handler) {
    }

    private RpcEnvelope() {
    }

    /** Answers one request object: {@code methods} finds a method by name; {@code server} names who does not serve the others. */
    static ObjectNode answer(JsonNode request, Function<String, Optional<Method>> methods, String server) {
        ObjectNode reply = NODES.objectNode().put("jsonrpc", "2.0");
        JsonNode id = request.get("id");
        reply.set("id", id == null ? NODES.nullNode() : id);
        if (!request.isObject() || !request.path("method").isTextual()) {
            return error(reply, -32600, "Invalid request", null);
        }
        String name = request.get("method").asText();
        Optional<Method> method = methods.apply(name);
        if (method.isEmpty()) {
            return error(reply, -32601, "Method not found", NODES.textNode(name + " is not served by " + server));
        }
        try {
            reply.set("result", method.get().handler().apply(new RpcParams(method.get().params(), request.get("params"))));
            return reply;
        } catch (RpcFailure failure) {
            return error(reply, failure.code, failure.getMessage(), failure.data);
        } catch (IllegalArgumentException e) {
            return error(reply, -32602, "Invalid params", NODES.textNode(e.getMessage()));
        }
    }

    private static ObjectNode error(ObjectNode reply, int code, String message, JsonNode data) {
        ObjectNode error = reply.putObject("error").put("code", code).put("message", message);
        if (data != null) {
            error.set("data", data);
        }
        return reply;
    }
}
