package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/** A request's params by name, or by position in the spec's order. */
final class RpcParams {

    private final List<String> names;
    private final JsonNode params;

    RpcParams(List<String> names, JsonNode params) {
        this.names = names;
        this.params = params == null || params.isNull() ? JsonNodeFactory.instance.objectNode() : params;
    }

    Optional<JsonNode> optional(String name) {
        JsonNode value;
        if (params.isArray()) {
            int index = names.indexOf(name);
            value = index >= 0 && index < params.size() ? params.get(index) : null;
        } else {
            value = params.get(name);
        }
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    JsonNode required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("missing param " + name));
    }

    Felt felt(String name) {
        return Felt.parse(name, required(name).asText());
    }
}
