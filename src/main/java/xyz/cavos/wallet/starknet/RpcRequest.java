package xyz.cavos.wallet.starknet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One Starknet JSON-RPC 0.10 call and how to read its result. Build them with the factories here, then
 * send one with {@link RpcClient#send} or several in one round trip with {@link RpcClient#newBatch()}.
 * A write ({@code starknet_addInvokeTransaction}) is never retried.
 */
public final class RpcRequest<T> {

    private final String method;
    private final ObjectNode params;
    private final Function<JsonNode, T> parser;
    private final boolean write;

    private RpcRequest(String method, ObjectNode params, Function<JsonNode, T> parser, boolean write) {
        this.method = method;
        this.params = params;
        this.parser = parser;
        this.write = write;
    }

    private static <T> RpcRequest<T> read(String method, ObjectNode params, Function<JsonNode, T> parser) {
        return new RpcRequest<>(method, params, parser, false);
    }

    private static ObjectNode newParams() {
        return RpcJson.NODES.objectNode();
    }

    public static RpcRequest<String> specVersion() {
        return read("starknet_specVersion", newParams(), JsonNode::asText);
    }

    public static RpcRequest<Felt> chainId() {
        return read("starknet_chainId", newParams(), node -> Felt.parse("Chain id", node.asText()));
    }

    public static RpcRequest<Long> blockNumber() {
        return read("starknet_blockNumber", newParams(), node -> {
            if (!RpcJson.isCount(node)) {
                throw new InvalidValueException("Block number is not an integer from 0: " + Json.write(node));
            }
            return node.asLong();
        });
    }

    public static RpcRequest<Block> getBlockWithTxHashes(BlockId block) {
        ObjectNode p = newParams();
        p.set("block_id", RpcJson.blockId(block));
        return read("starknet_getBlockWithTxHashes", p, RpcJson::block);
    }

    public static RpcRequest<List<Felt>> call(Call call, BlockId block) {
        return call(call, block, felts -> felts);
    }

    /**
     * A contract call whose result {@code decode} reads (a u256, a struct): values it cannot read (too few, out of
     * range) make a malformed reply, like any other reply of the wrong shape.
     */
    public static <T> RpcRequest<T> call(Call call, BlockId block, Function<List<Felt>, T> decode) {
        ObjectNode p = newParams();
        p.set("request", RpcJson.functionCall(call));
        p.set("block_id", RpcJson.blockId(block));
        return read("starknet_call", p, node -> decode.apply(RpcJson.feltList(node)));
    }

    public static RpcRequest<Felt> getNonce(Felt contractAddress, BlockId block) {
        ObjectNode p = newParams();
        p.set("block_id", RpcJson.blockId(block));
        p.put("contract_address", contractAddress.toHex());
        return read("starknet_getNonce", p, node -> Felt.parse("Nonce", node.asText()));
    }

    public static RpcRequest<Felt> getClassHashAt(Felt contractAddress, BlockId block) {
        ObjectNode p = newParams();
        p.set("block_id", RpcJson.blockId(block));
        p.put("contract_address", contractAddress.toHex());
        return read("starknet_getClassHashAt", p, node -> Felt.parse("Class hash", node.asText()));
    }

    /** The value at a storage address of a contract (0 where nothing was written). */
    public static RpcRequest<Felt> getStorageAt(Felt contractAddress, Felt key, BlockId block) {
        ObjectNode p = newParams();
        p.put("contract_address", contractAddress.toHex());
        // the spec's STORAGE_KEY has at most 63 hex digits, the first of them 0-7: a key below 2^251 written in full
        String digits = key.value().toString(16);
        p.put("key", "0x" + "0".repeat(Math.max(0, 63 - digits.length())) + digits);
        p.set("block_id", RpcJson.blockId(block));
        return read("starknet_getStorageAt", p, node -> Felt.parse("Storage value", node.asText()));
    }

    /**
     * Fee estimates for query transactions (built with {@code query = true}), one per transaction.
     * {@code skipValidate} leaves the account's {@code __validate__} out, as wallets do with a dummy signature.
     */
    public static RpcRequest<List<FeeEstimate>> estimateFee(List<InvokeV3> transactions, boolean skipValidate, BlockId block) {
        ObjectNode p = newParams();
        ArrayNode txs = p.putArray("request");
        transactions.forEach(tx -> txs.add(RpcJson.invoke(tx)));
        ArrayNode flags = p.putArray("simulation_flags");
        if (skipValidate) {
            flags.add("SKIP_VALIDATE");
        }
        p.set("block_id", RpcJson.blockId(block));
        return read("starknet_estimateFee", p, node -> {
            if (!node.isArray() || node.size() != transactions.size()) {
                throw new InvalidValueException("expected " + transactions.size() + " fee estimates, got "
                        + (node.isArray() ? node.size() : "no list"));
            }
            List<FeeEstimate> out = new ArrayList<>();
            node.forEach(item -> out.add(RpcJson.feeEstimate(item)));
            return List.copyOf(out);
        });
    }

    /** Submits a signed INVOKE v3; returns the transaction hash the node computed. */
    public static RpcRequest<Felt> addInvokeTransaction(InvokeV3 transaction) {
        ObjectNode p = newParams();
        p.set("invoke_transaction", RpcJson.invoke(transaction));
        return new RpcRequest<>("starknet_addInvokeTransaction", p, node -> RpcJson.felt(node, "transaction_hash"), true);
    }

    public static RpcRequest<TransactionReceipt> getTransactionReceipt(Felt transactionHash) {
        ObjectNode p = newParams();
        p.put("transaction_hash", transactionHash.toHex());
        return read("starknet_getTransactionReceipt", p, RpcJson::receipt);
    }

    public static RpcRequest<TransactionStatus> getTransactionStatus(Felt transactionHash) {
        ObjectNode p = newParams();
        p.put("transaction_hash", transactionHash.toHex());
        return read("starknet_getTransactionStatus", p, RpcJson::status);
    }

    public static RpcRequest<EventsPage> getEvents(EventFilter filter) {
        ObjectNode p = newParams();
        p.set("filter", RpcJson.eventFilter(filter));
        return read("starknet_getEvents", p, RpcJson::eventsPage);
    }

    /** Any other method, for extensions such as a devnet's admin API; the result comes back as JSON. */
    public static RpcRequest<JsonNode> custom(String method, ObjectNode params, boolean write) {
        return new RpcRequest<>(method, params.deepCopy(), node -> node, write);
    }

    public String method() {
        return method;
    }

    /** A copy of the named parameters as they will be sent. */
    public ObjectNode params() {
        return paramsNode().deepCopy();
    }

    ObjectNode paramsNode() {
        return params;
    }

    public boolean isWrite() {
        return write;
    }

    /**
     * Reads the result; a reply that does not have the expected shape (a field missing, too few values, a number
     * out of range) is a malformed response, never an error of this program.
     */
    T parse(JsonNode result) {
        try {
            return parser.apply(result);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | ArithmeticException
                 | IndexOutOfBoundsException | java.util.NoSuchElementException | NullPointerException e) {
            String detail = e instanceof IllegalArgumentException && e.getMessage() != null ? ": " + e.getMessage()
                    : ": values of the wrong kind or count";
            // a write's reply that cannot be read may still mean the node took it: the caller settles that
            throw new RpcException.Transport(method, RpcException.Transport.Kind.MALFORMED_RESPONSE, 0, write,
                    "The Starknet node's reply to " + method + " does not have the expected shape" + detail, e);
        }
    }
}
