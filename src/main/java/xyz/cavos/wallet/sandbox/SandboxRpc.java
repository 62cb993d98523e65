package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.DataAvailabilityMode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.starknet.U256;

/**
 * The sandbox's JSON-RPC methods: the Starknet 0.10 methods a wallet uses, starknet-devnet's admin
 * methods, and {@code sandbox_*} extras (dashboard, fault injection). Params may be named or positional.
 */
final class SandboxRpc {

    static final String SPEC_VERSION = "0.10.2";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_CHUNK = 1000;

    private record Method(List<String> params, Function<Params, JsonNode> handler) {
    }

    private final SandboxNode node;
    private final Chain chain;
    private final Map<String, Method> methods;

    SandboxRpc(SandboxNode node, Chain chain) {
        this.node = node;
        this.chain = chain;
        this.methods = Map.ofEntries(
                Map.entry("starknet_specVersion", new Method(List.of(), p -> NODES.textNode(SPEC_VERSION))),
                Map.entry("starknet_chainId", new Method(List.of(), p -> NODES.textNode(chain.chainId.toHex()))),
                Map.entry("starknet_syncing", new Method(List.of(), p -> NODES.booleanNode(false))),
                Map.entry("starknet_blockNumber", new Method(List.of(), p -> NODES.numberNode(chain.latest().number()))),
                Map.entry("starknet_blockHashAndNumber", new Method(List.of(), p -> {
                    Chain.Block b = chain.latest();
                    return NODES.objectNode().put("block_hash", b.hash().toHex()).put("block_number", b.number());
                })),
                Map.entry("starknet_getBlockWithTxHashes", new Method(List.of("block_id"), this::getBlockWithTxHashes)),
                Map.entry("starknet_getBlockTransactionCount", new Method(List.of("block_id"), p -> {
                    JsonNode id = p.required("block_id");
                    return NODES.numberNode(isPreConfirmed(id) ? 0 : block(id).transactionHashes().size());
                })),
                Map.entry("starknet_call", new Method(List.of("request", "block_id"), this::call)),
                Map.entry("starknet_getNonce", new Method(List.of("block_id", "contract_address"), p -> {
                    block(p.required("block_id"));
                    return NODES.textNode(chain.nonceOf(p.felt("contract_address")).toHex());
                })),
                Map.entry("starknet_getClassHashAt", new Method(List.of("block_id", "contract_address"), p -> {
                    block(p.required("block_id"));
                    return NODES.textNode(chain.classHashAt(p.felt("contract_address")).toHex());
                })),
                Map.entry("starknet_estimateFee", new Method(List.of("request", "simulation_flags", "block_id"), this::estimateFee)),
                Map.entry("starknet_addInvokeTransaction", new Method(List.of("invoke_transaction"), p -> NODES.objectNode()
                        .put("transaction_hash", chain.addInvoke(invoke(p.required("invoke_transaction"))).toHex()))),
                Map.entry("starknet_getTransactionReceipt", new Method(List.of("transaction_hash"),
                        p -> receipt(chain.transaction(p.felt("transaction_hash"))))),
                Map.entry("starknet_getTransactionStatus", new Method(List.of("transaction_hash"), p -> {
                    Chain.Transaction tx = chain.transaction(p.felt("transaction_hash"));
                    ObjectNode out = NODES.objectNode().put("finality_status", "ACCEPTED_ON_L2")
                            .put("execution_status", tx.succeeded() ? "SUCCEEDED" : "REVERTED");
                    if (!tx.succeeded()) {
                        out.put("failure_reason", tx.revertReason());
                    }
                    return out;
                })),
                Map.entry("starknet_getEvents", new Method(List.of("filter"), this::getEvents)),
                // starknet-devnet's admin API
                Map.entry("devnet_mint", new Method(List.of("address", "amount", "unit", "token"), this::mint)),
                Map.entry("devnet_setTime", new Method(List.of("time", "generate_block"), p -> {
                    long time = p.required("time").asLong();
                    boolean generate = p.optional("generate_block").map(JsonNode::asBoolean).orElse(true);
                    Chain.Block block = chain.setTime(time, generate);
                    ObjectNode out = NODES.objectNode().put("block_timestamp", time);
                    if (generate) {
                        out.put("block_hash", block.hash().toHex());
                    }
                    return out;
                })),
                Map.entry("devnet_increaseTime", new Method(List.of("time"), p -> {
                    Chain.Block block = chain.increaseTime(p.required("time").asLong());
                    return NODES.objectNode().put("timestamp_increased_by", p.required("time").asLong())
                            .put("block_hash", block.hash().toHex());
                })),
                Map.entry("devnet_createBlock", new Method(List.of(), p -> NODES.objectNode()
                        .put("block_hash", chain.createBlock().hash().toHex()))),
                Map.entry("devnet_dump", new Method(List.of("path"), p -> {
                    var path = p.optional("path").map(JsonNode::asText);
                    if (path.isPresent()) {
                        node.dumpTo(java.nio.file.Path.of(path.get()));
                        return NODES.nullNode();
                    }
                    return StateFile.toJson(chain);
                })),
                Map.entry("devnet_load", new Method(List.of("path"), p -> {
                    node.loadFrom(java.nio.file.Path.of(p.required("path").asText()));
                    return NODES.nullNode();
                })),
                // the sandbox's own extras
                Map.entry("sandbox_createWallet", new Method(List.of(), p -> {
                    SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
                    return NODES.objectNode().put("wallet_address", wallet.address().toHex()).put("token", wallet.token().encode());
                })),
                Map.entry("sandbox_setFaults", new Method(List.of("latency_ms", "rate_429", "rate_500", "rate_malformed", "rate_drop"), p -> {
                    node.setFaults(new FaultPlan(
                            p.optional("latency_ms").map(JsonNode::asLong).orElse(0L),
                            p.optional("rate_429").map(JsonNode::asDouble).orElse(0.0),
                            p.optional("rate_500").map(JsonNode::asDouble).orElse(0.0),
                            p.optional("rate_malformed").map(JsonNode::asDouble).orElse(0.0),
                            p.optional("rate_drop").map(JsonNode::asDouble).orElse(0.0)));
                    return NODES.booleanNode(true);
                })));
    }

    /** Answers one request object (never throws): a result or an error reply. */
    ObjectNode answer(JsonNode request) {
        ObjectNode reply = NODES.objectNode().put("jsonrpc", "2.0");
        JsonNode id = request.get("id");
        reply.set("id", id == null ? NODES.nullNode() : id);
        if (!request.isObject() || !request.path("method").isTextual()) {
            return error(reply, -32600, "Invalid request", null);
        }
        String name = request.get("method").asText();
        Method method = methods.get(name);
        if (method == null) {
            return error(reply, -32601, "Method not found", NODES.textNode(name + " is not served by the Cavos sandbox"));
        }
        try {
            reply.set("result", method.handler().apply(new Params(method.params(), request.get("params"))));
            return reply;
        } catch (RpcFailure failure) {
            return error(reply, failure.code, failure.getMessage(), failure.data);
        } catch (IllegalArgumentException e) {
            return error(reply, -32602, "Invalid params", NODES.textNode(e.getMessage()));
        }
    }

    static boolean isAdmin(String method) {
        return method.startsWith("devnet_") || method.startsWith("sandbox_");
    }

    private static ObjectNode error(ObjectNode reply, int code, String message, JsonNode data) {
        ObjectNode error = reply.putObject("error").put("code", code).put("message", message);
        if (data != null) {
            error.set("data", data);
        }
        return reply;
    }

    // ---------------------------------------------------------------- methods

    private JsonNode getBlockWithTxHashes(Params p) {
        JsonNode id = p.required("block_id");
        if (isPreConfirmed(id)) {
            ObjectNode out = header(NODES.objectNode(), chain.pendingBlockNumber(), chain.now());
            out.putArray("transactions");
            return out;
        }
        Chain.Block block = block(id);
        ObjectNode out = NODES.objectNode();
        out.put("status", "ACCEPTED_ON_L2");
        out.put("block_hash", block.hash().toHex());
        out.put("parent_hash", block.parentHash().toHex());
        header(out, block.number(), block.timestamp());
        List<Chain.Transaction> txs = chain.transactionsIn(block);
        out.put("new_root", block.hash().toHex());
        out.put("event_commitment", "0x0");
        out.put("transaction_commitment", "0x0");
        out.put("receipt_commitment", "0x0");
        out.put("state_diff_commitment", "0x0");
        out.put("event_count", txs.stream().mapToInt(t -> t.events().size()).sum());
        out.put("transaction_count", txs.size());
        out.put("state_diff_length", 0);
        ArrayNode hashes = out.putArray("transactions");
        block.transactionHashes().forEach(h -> hashes.add(h.toHex()));
        return out;
    }

    private static ObjectNode header(ObjectNode out, long number, long timestamp) {
        out.put("block_number", number);
        out.put("timestamp", timestamp);
        out.put("sequencer_address", Chain.SEQUENCER.toHex());
        price(out.putObject("l1_gas_price"), Gas.L1_GAS_PRICE);
        price(out.putObject("l2_gas_price"), Gas.L2_GAS_PRICE);
        price(out.putObject("l1_data_gas_price"), Gas.L1_DATA_GAS_PRICE);
        out.put("l1_da_mode", "BLOB");
        out.put("starknet_version", "0.14.1");
        return out;
    }

    private static void price(ObjectNode out, BigInteger fri) {
        out.put("price_in_fri", Chain.hex(fri));
        out.put("price_in_wei", Chain.hex(fri.divide(Gas.WEI_PER_FRI_DIVISOR).max(BigInteger.ONE)));
    }

    private JsonNode call(Params p) {
        block(p.required("block_id"));
        JsonNode request = p.required("request");
        Call call = new Call(felt(request, "contract_address"), felt(request, "entry_point_selector"), felts(request.get("calldata")));
        ArrayNode out = NODES.arrayNode();
        chain.call(call).forEach(f -> out.add(f.toHex()));
        return out;
    }

    private JsonNode estimateFee(Params p) {
        block(p.required("block_id"));
        List<InvokeV3> txs = new ArrayList<>();
        for (JsonNode tx : p.required("request")) {
            txs.add(invoke(tx));
        }
        boolean skipValidate = false;
        for (JsonNode flag : p.optional("simulation_flags").orElse(NODES.arrayNode())) {
            skipValidate |= flag.asText().equals("SKIP_VALIDATE");
        }
        ArrayNode out = NODES.arrayNode();
        for (Chain.Estimate estimate : chain.estimate(txs, skipValidate)) {
            out.addObject()
                    .put("l1_gas_consumed", Chain.hex(BigInteger.valueOf(estimate.gas().l1Gas())))
                    .put("l1_gas_price", Chain.hex(Gas.L1_GAS_PRICE))
                    .put("l2_gas_consumed", Chain.hex(BigInteger.valueOf(estimate.gas().l2Gas())))
                    .put("l2_gas_price", Chain.hex(Gas.L2_GAS_PRICE))
                    .put("l1_data_gas_consumed", Chain.hex(BigInteger.valueOf(estimate.gas().l1DataGas())))
                    .put("l1_data_gas_price", Chain.hex(Gas.L1_DATA_GAS_PRICE))
                    .put("overall_fee", Chain.hex(estimate.overallFee()))
                    .put("unit", "FRI");
        }
        return out;
    }

    private static ObjectNode receipt(Chain.Transaction tx) {
        ObjectNode out = NODES.objectNode();
        out.put("type", "INVOKE");
        out.put("transaction_hash", tx.hash().toHex());
        out.putObject("actual_fee").put("amount", Chain.hex(tx.actualFee())).put("unit", "FRI");
        out.put("finality_status", "ACCEPTED_ON_L2");
        out.put("execution_status", tx.succeeded() ? "SUCCEEDED" : "REVERTED");
        if (!tx.succeeded()) {
            out.put("revert_reason", tx.revertReason());
        }
        out.putArray("messages_sent");
        ArrayNode events = out.putArray("events");
        for (Execution.Event event : tx.events()) {
            ObjectNode e = events.addObject();
            e.put("from_address", event.fromAddress().toHex());
            e.set("keys", hexes(event.keys()));
            e.set("data", hexes(event.data()));
        }
        out.putObject("execution_resources").put("l1_gas", tx.gas().l1Gas()).put("l1_data_gas", tx.gas().l1DataGas())
                .put("l2_gas", tx.gas().l2Gas());
        out.put("block_hash", tx.blockHash().toHex());
        out.put("block_number", tx.blockNumber());
        return out;
    }

    private JsonNode getEvents(Params p) {
        JsonNode filter = p.required("filter");
        int chunk = filter.path("chunk_size").asInt(0);
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk_size must be at least 1");
        }
        if (chunk > MAX_CHUNK) {
            throw new RpcFailure(StarknetErrorCode.PAGE_SIZE_TOO_BIG.code(), "Requested page size is too big", null);
        }
        long from = filter.has("from_block") ? blockNumberOf(filter.get("from_block")) : 0;
        long to = filter.has("to_block") ? blockNumberOf(filter.get("to_block")) : chain.latest().number();
        List<Felt> addresses = new ArrayList<>();
        JsonNode address = filter.get("address");
        if (address != null && address.isArray()) {
            address.forEach(a -> addresses.add(Felt.parse("address", a.asText())));
        } else if (address != null) {
            addresses.add(Felt.parse("address", address.asText()));
        }
        List<List<Felt>> keys = new ArrayList<>();
        filter.path("keys").forEach(alternatives -> keys.add(felts(alternatives)));
        int offset = 0;
        if (filter.hasNonNull("continuation_token")) {
            try {
                offset = Integer.parseInt(filter.get("continuation_token").asText());
            } catch (NumberFormatException e) {
                throw new RpcFailure(StarknetErrorCode.INVALID_CONTINUATION_TOKEN.code(),
                        "The supplied continuation token is invalid or unknown", null);
            }
        }
        ArrayNode events = NODES.arrayNode();
        int matched = 0;
        boolean more = false;
        for (Chain.Block block : chain.blocksView()) {
            if (block.number() < from || block.number() > to) {
                continue;
            }
            int txIndex = 0;
            for (Chain.Transaction tx : chain.transactionsIn(block)) {
                int eventIndex = 0;
                for (Execution.Event event : tx.events()) {
                    if (matches(event, addresses, keys)) {
                        if (matched >= offset && events.size() < chunk) {
                            ObjectNode e = events.addObject();
                            e.put("from_address", event.fromAddress().toHex());
                            e.set("keys", hexes(event.keys()));
                            e.set("data", hexes(event.data()));
                            e.put("block_hash", block.hash().toHex());
                            e.put("block_number", block.number());
                            e.put("transaction_hash", tx.hash().toHex());
                            e.put("transaction_index", txIndex);
                            e.put("event_index", eventIndex);
                        } else if (matched >= offset) {
                            more = true;
                        }
                        matched++;
                    }
                    eventIndex++;
                }
                txIndex++;
            }
        }
        ObjectNode out = NODES.objectNode();
        out.set("events", events);
        if (more) {
            out.put("continuation_token", Integer.toString(offset + events.size()));
        }
        return out;
    }

    private static boolean matches(Execution.Event event, List<Felt> addresses, List<List<Felt>> keys) {
        if (!addresses.isEmpty() && !addresses.contains(event.fromAddress())) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            List<Felt> alternatives = keys.get(i);
            if (alternatives.isEmpty()) {
                continue;
            }
            if (i >= event.keys().size() || !alternatives.contains(event.keys().get(i))) {
                return false;
            }
        }
        return true;
    }

    private JsonNode mint(Params p) {
        Felt address = p.felt("address");
        BigInteger amount = new BigInteger(p.required("amount").asText());
        String unit = p.optional("unit").map(JsonNode::asText).orElse("FRI");
        Token token = p.optional("token").map(t -> Token.bySymbol(t.asText()).or(() -> Token.byAddress(Felt.parse("token", t.asText())))
                        .orElseThrow(() -> new IllegalArgumentException("unknown token " + t.asText())))
                .orElse(unit.equals("WEI") ? Token.ETH : Token.STRK);
        Felt hash = node.mint(address, token, U256.of(amount));
        BigInteger balance = chain.read(w -> w.tokens.get(token.address()).balanceOf(address));
        return NODES.objectNode().put("new_balance", balance.toString()).put("unit", token == Token.STRK ? "FRI" : token.symbol())
                .put("tx_hash", hash.toHex());
    }

    // ---------------------------------------------------------------- parsing

    private Chain.Block block(JsonNode id) {
        if (id.isTextual()) {
            return switch (id.asText()) {
                case "latest", "l1_accepted", "pre_confirmed" -> chain.latest();
                default -> throw new IllegalArgumentException("unknown block tag " + id.asText());
            };
        }
        if (id.has("block_number")) {
            return chain.block(id.get("block_number").asLong());
        }
        if (id.has("block_hash")) {
            return chain.block(Felt.parse("block_hash", id.get("block_hash").asText()));
        }
        throw new IllegalArgumentException("block_id must be a tag, a block_number or a block_hash");
    }

    private static boolean isPreConfirmed(JsonNode id) {
        return id.isTextual() && id.asText().equals("pre_confirmed");
    }

    private long blockNumberOf(JsonNode id) {
        return isPreConfirmed(id) ? chain.pendingBlockNumber() : block(id).number();
    }

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

    private static Felt felt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return Felt.parse(field, value.asText());
    }

    private static List<Felt> felts(JsonNode array) {
        List<Felt> out = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> out.add(Felt.parse("felt", item.asText())));
        }
        return out;
    }

    private static ArrayNode hexes(List<Felt> felts) {
        ArrayNode out = NODES.arrayNode();
        felts.forEach(f -> out.add(f.toHex()));
        return out;
    }

    /** Params by name, or by position in the spec's order. */
    private static final class Params {
        private final List<String> names;
        private final JsonNode params;

        Params(List<String> names, JsonNode params) {
            this.names = names;
            this.params = params == null || params.isNull() ? NODES.objectNode() : params;
        }

        java.util.Optional<JsonNode> optional(String name) {
            JsonNode value;
            if (params.isArray()) {
                int index = names.indexOf(name);
                value = index >= 0 && index < params.size() ? params.get(index) : null;
            } else {
                value = params.get(name);
            }
            return value == null || value.isNull() ? java.util.Optional.empty() : java.util.Optional.of(value);
        }

        JsonNode required(String name) {
            return optional(name).orElseThrow(() -> new IllegalArgumentException("missing param " + name));
        }

        Felt felt(String name) {
            return Felt.parse(name, required(name).asText());
        }
    }
}
