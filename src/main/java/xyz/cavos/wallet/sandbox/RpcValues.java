package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.starknet.DataAvailabilityMode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;
import xyz.cavos.wallet.starknet.StarknetErrorCode;

/** Values as JSON-RPC carries them: felts as hex strings, lists of felts, INVOKE v3 transactions, events. */
final class RpcValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RpcValues() {
    }

    /** An INVOKE v3 (or its query version) from a request; any other type or version is refused. */
    static InvokeV3 invoke(JsonNode tx) {
        if (!"INVOKE".equals(tx.path("type").asText())) {
            throw new RpcFailure(StarknetErrorCode.UNSUPPORTED_TX_VERSION.code(), "the transaction version is not supported",
                    NODES.textNode("The Cavos sandbox accepts INVOKE v3 transactions only"));
        }
        Felt version = felt(tx, "version");
        boolean query;
        if (version.equals(InvokeV3.VERSION)) {
            query = false;
        } else if (version.equals(InvokeV3.QUERY_VERSION)) {
            query = true;
        } else {
            throw new RpcFailure(StarknetErrorCode.UNSUPPORTED_TX_VERSION.code(), "the transaction version is not supported",
                    NODES.textNode("Only INVOKE v3 is supported, got version " + version.toHex()));
        }
        JsonNode bounds = tx.path("resource_bounds");
        return new InvokeV3(felt(tx, "sender_address"), felts(tx.get("calldata")), felt(tx, "nonce"),
                new ResourceBoundsMapping(bounds(bounds, "l1_gas"), bounds(bounds, "l2_gas"), bounds(bounds, "l1_data_gas")),
                felt(tx, "tip").value(), felts(tx.get("paymaster_data")), felts(tx.get("account_deployment_data")),
                DataAvailabilityMode.valueOf(tx.path("nonce_data_availability_mode").asText("L1")),
                DataAvailabilityMode.valueOf(tx.path("fee_data_availability_mode").asText("L1")),
                query, felts(tx.get("signature")));
    }

    private static ResourceBounds bounds(JsonNode mapping, String name) {
        JsonNode node = mapping.get(name);
        if (node == null) {
            throw new IllegalArgumentException("resource_bounds." + name + " is missing");
        }
        return new ResourceBounds(felt(node, "max_amount").value(), felt(node, "max_price_per_unit").value());
    }

    static Felt felt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return Felt.parse(field, value.asText());
    }

    static List<Felt> felts(JsonNode array) {
        List<Felt> out = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> out.add(Felt.parse("felt", item.asText())));
        }
        return out;
    }

    static ArrayNode hexes(List<Felt> felts) {
        ArrayNode out = NODES.arrayNode();
        felts.forEach(f -> out.add(f.toHex()));
        return out;
    }

    /** An event's address, keys and data, written into {@code out}. */
    static ObjectNode event(ObjectNode out, Execution.Event event) {
        out.put("from_address", event.fromAddress().toHex());
        out.set("keys", hexes(event.keys()));
        out.set("data", hexes(event.data()));
        return out;
    }
}
