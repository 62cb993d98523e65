package xyz.cavos.wallet.starknet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reading and writing the JSON shapes of the RPC spec. Unknown fields are ignored on input. */
final class RpcJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RpcJson() {
    }

    // ---- writing ----

    static String hex(BigInteger value) {
        return "0x" + value.toString(16);
    }

    static ArrayNode felts(List<Felt> felts) {
        ArrayNode array = NODES.arrayNode();
        felts.forEach(f -> array.add(f.toHex()));
        return array;
    }

    /** (Tests, not a switch on the types: linking one costs a command-line start milliseconds at its first read.) */
    static JsonNode blockId(BlockId id) {
        if (id instanceof BlockId.Tag tag) {
            return NODES.textNode(tag.name());
        } else if (id instanceof BlockId.Number number) {
            return NODES.objectNode().put("block_number", number.number());
        }
        return NODES.objectNode().put("block_hash", ((BlockId.Hash) id).hash().toHex());
    }

    static ObjectNode functionCall(Call call) {
        ObjectNode node = NODES.objectNode();
        node.put("contract_address", call.to().toHex());
        node.put("entry_point_selector", call.selector().toHex());
        node.set("calldata", felts(call.calldata()));
        return node;
    }

    static ObjectNode invoke(InvokeV3 tx) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "INVOKE");
        node.put("sender_address", tx.senderAddress().toHex());
        node.set("calldata", felts(tx.calldata()));
        node.put("version", tx.version().toHex());
        node.set("signature", felts(tx.signature()));
        node.put("nonce", tx.nonce().toHex());
        ObjectNode bounds = node.putObject("resource_bounds");
        bounds.set("l1_gas", bounds(tx.resourceBounds().l1Gas()));
        bounds.set("l1_data_gas", bounds(tx.resourceBounds().l1DataGas()));
        bounds.set("l2_gas", bounds(tx.resourceBounds().l2Gas()));
        node.put("tip", hex(tx.tip()));
        node.set("paymaster_data", felts(tx.paymasterData()));
        node.set("account_deployment_data", felts(tx.accountDeploymentData()));
        node.put("nonce_data_availability_mode", tx.nonceDataAvailabilityMode().name());
        node.put("fee_data_availability_mode", tx.feeDataAvailabilityMode().name());
        return node;
    }

    private static ObjectNode bounds(ResourceBounds bounds) {
        return NODES.objectNode()
                .put("max_amount", hex(bounds.maxAmount()))
                .put("max_price_per_unit", hex(bounds.maxPricePerUnit()));
    }

    static ObjectNode eventFilter(EventFilter filter) {
        ObjectNode node = NODES.objectNode();
        node.set("from_block", blockId(filter.fromBlock()));
        node.set("to_block", blockId(filter.toBlock()));
        filter.address().ifPresent(a -> node.put("address", a.toHex()));
        if (!filter.keys().isEmpty()) {
            ArrayNode keys = node.putArray("keys");
            filter.keys().forEach(alternatives -> keys.add(felts(alternatives)));
        }
        node.put("chunk_size", filter.chunkSize());
        filter.continuationToken().ifPresent(t -> node.put("continuation_token", t));
        return node;
    }

    // ---- reading ----

    static Felt felt(JsonNode node, String field) {
        return Felt.parse(field, required(node, field).asText());
    }

    static Optional<Felt> optionalFelt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(Felt.parse(field, value.asText()));
    }

    /** A hex quantity (u64, u128, felt) as a number. */
    static BigInteger quantity(JsonNode node, String field) {
        return Felt.parseNonNegative(field, required(node, field).asText());
    }

    /** A block number or a timestamp: the spec's integers from 0. */
    static long integer(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!isCount(value)) {
            throw new InvalidValueException("Field " + field + " is not an integer from 0: " + Json.write(value));
        }
        return value.asLong();
    }

    /** A block's time: the wallet shows it as a date, so it is at most the last second {@link Instant} holds. */
    static long timestamp(JsonNode node) {
        long seconds = integer(node, "timestamp");
        if (seconds > Instant.MAX.getEpochSecond()) {
            throw new InvalidValueException("Field timestamp is not a unix time: " + seconds);
        }
        return seconds;
    }

    /** A JSON integer from 0 that fits in a long, as the spec's block numbers and times are. */
    static boolean isCount(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0;
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    static List<Felt> feltList(JsonNode node) {
        if (!node.isArray()) {
            throw new InvalidValueException("Expected an array of felts, got " + node.getNodeType());
        }
        List<Felt> out = new ArrayList<>(node.size());
        node.forEach(item -> out.add(Felt.parse("Felt", item.asText())));
        return out;
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidValueException("Field " + field + " is missing from the node's reply");
        }
        return value;
    }

    static Block block(JsonNode node) {
        List<Felt> transactions = new ArrayList<>();
        JsonNode txs = node.path("transactions");
        txs.forEach(tx -> transactions.add(Felt.parse("Transaction hash", tx.isTextual() ? tx.asText() : tx.path("transaction_hash").asText())));
        return new Block(
                optionalFelt(node, "block_hash"),
                integer(node, "block_number"),
                timestamp(node),
                node.has("status") ? text(node, "status") : "PRE_CONFIRMED",
                quantity(required(node, "l1_gas_price"), "price_in_fri"),
                quantity(required(node, "l2_gas_price"), "price_in_fri"),
                quantity(required(node, "l1_data_gas_price"), "price_in_fri"),
                optionalText(node, "starknet_version").orElse(""),
                transactions);
    }

    static FeeEstimate feeEstimate(JsonNode node) {
        return new FeeEstimate(
                quantity(node, "l1_gas_consumed"), quantity(node, "l1_gas_price"),
                quantity(node, "l2_gas_consumed"), quantity(node, "l2_gas_price"),
                quantity(node, "l1_data_gas_consumed"), quantity(node, "l1_data_gas_price"),
                quantity(node, "overall_fee"), optionalText(node, "unit").orElse("FRI"));
    }

    static TransactionReceipt receipt(JsonNode node) {
        List<TransactionReceipt.Event> events = new ArrayList<>();
        node.path("events").forEach(e -> events.add(new TransactionReceipt.Event(
                felt(e, "from_address"), feltList(e.path("keys")), feltList(e.path("data")))));
        JsonNode fee = required(node, "actual_fee");
        return new TransactionReceipt(
                felt(node, "transaction_hash"),
                text(node, "type"),
                quantity(fee, "amount"),
                text(fee, "unit"),
                text(node, "finality_status"),
                text(node, "execution_status"),
                optionalText(node, "revert_reason"),
                optionalFelt(node, "block_hash"),
                integer(node, "block_number"),
                events);
    }

    static TransactionStatus status(JsonNode node) {
        return new TransactionStatus(text(node, "finality_status"),
                optionalText(node, "execution_status"), optionalText(node, "failure_reason"));
    }

    static EventsPage eventsPage(JsonNode node) {
        List<EmittedEvent> events = new ArrayList<>();
        required(node, "events").forEach(e -> events.add(new EmittedEvent(
                felt(e, "from_address"),
                feltList(e.path("keys")),
                feltList(e.path("data")),
                optionalFelt(e, "block_hash"),
                e.hasNonNull("block_number") ? OptionalLong.of(integer(e, "block_number")) : OptionalLong.empty(),
                optionalFelt(e, "transaction_hash"))));
        return new EventsPage(events, optionalText(node, "continuation_token"));
    }
}
