package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;

/** The Starknet JSON-RPC 0.10 methods the sandbox serves, on its {@link Chain}, in the spec's reply shapes. */
final class StarknetMethods {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Chain chain;
    private final BlockLookup blocks;
    private final EventSearch events;

    StarknetMethods(Chain chain, java.util.function.Supplier<ProviderLimits> limits) {
        this.chain = chain;
        this.blocks = new BlockLookup(chain);
        this.events = new EventSearch(chain, limits);
    }

    JsonNode chainId(RpcParams p) {
        return NODES.textNode(chain.chainId.toHex());
    }

    JsonNode blockNumber(RpcParams p) {
        return NODES.numberNode(chain.latest().number());
    }

    JsonNode blockHashAndNumber(RpcParams p) {
        Chain.Block b = chain.latest();
        return NODES.objectNode().put("block_hash", b.hash().toHex()).put("block_number", b.number());
    }

    JsonNode getBlockWithTxHashes(RpcParams p) {
        JsonNode id = p.required("block_id");
        if (BlockLookup.isPreConfirmed(id)) {
            ObjectNode out = header(NODES.objectNode(), chain.pendingBlockNumber(), chain.now());
            out.putArray("transactions");
            return out;
        }
        Chain.Block block = blocks.block(id);
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

    JsonNode getBlockTransactionCount(RpcParams p) {
        JsonNode id = p.required("block_id");
        return NODES.numberNode(BlockLookup.isPreConfirmed(id) ? 0 : blocks.block(id).transactionHashes().size());
    }

    JsonNode call(RpcParams p) {
        blocks.block(p.required("block_id"));
        JsonNode request = p.required("request");
        Call call = new Call(RpcValues.felt(request, "contract_address"), RpcValues.felt(request, "entry_point_selector"),
                RpcValues.felts(request.get("calldata")));
        return RpcValues.hexes(chain.call(call));
    }

    JsonNode getNonce(RpcParams p) {
        blocks.block(p.required("block_id"));
        return NODES.textNode(chain.nonceOf(p.felt("contract_address")).toHex());
    }

    JsonNode getClassHashAt(RpcParams p) {
        blocks.block(p.required("block_id"));
        return NODES.textNode(chain.classHashAt(p.felt("contract_address")).toHex());
    }

    /**
     * The value of a storage slot, or with {@code INCLUDE_LAST_UPDATE_BLOCK} the value and the block that last
     * wrote it. The block must exist, but any block id is answered from the latest state, as the sandbox's
     * other reads are: it keeps no history of its state.
     */
    JsonNode getStorageAt(RpcParams p) {
        blocks.block(p.required("block_id"));
        Felt key = p.felt("key");
        if (key.value().bitLength() > 251) {
            throw new IllegalArgumentException("key " + key.toHex() + " is not a storage key: storage keys are below 2^251");
        }
        boolean withLastUpdate = false;
        for (JsonNode flag : p.optional("response_flags").orElse(NODES.arrayNode())) {
            if (!flag.asText().equals("INCLUDE_LAST_UPDATE_BLOCK")) {
                throw new IllegalArgumentException("unknown response flag " + flag.asText());
            }
            withLastUpdate = true;
        }
        Chain.StorageValue slot = chain.storageAt(p.felt("contract_address"), key);
        if (!withLastUpdate) {
            return NODES.textNode(slot.value().toHex());
        }
        return NODES.objectNode().put("value", slot.value().toHex()).put("last_update_block", slot.lastUpdateBlock());
    }

    JsonNode estimateFee(RpcParams p) {
        blocks.block(p.required("block_id"));
        List<InvokeV3> txs = new ArrayList<>();
        for (JsonNode tx : p.required("request")) {
            txs.add(RpcValues.invoke(tx));
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

    JsonNode addInvokeTransaction(RpcParams p) {
        InvokeV3 tx = RpcValues.invoke(p.required("invoke_transaction"));
        return NODES.objectNode().put("transaction_hash", chain.addInvoke(tx).toHex());
    }

    JsonNode getTransactionReceipt(RpcParams p) {
        Chain.Transaction tx = chain.transaction(p.felt("transaction_hash"));
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
        tx.events().forEach(event -> RpcValues.event(events.addObject(), event));
        out.putObject("execution_resources").put("l1_gas", tx.gas().l1Gas()).put("l1_data_gas", tx.gas().l1DataGas())
                .put("l2_gas", tx.gas().l2Gas());
        out.put("block_hash", tx.blockHash().toHex());
        out.put("block_number", tx.blockNumber());
        return out;
    }

    JsonNode getTransactionStatus(RpcParams p) {
        Chain.Transaction tx = chain.transaction(p.felt("transaction_hash"));
        ObjectNode out = NODES.objectNode().put("finality_status", "ACCEPTED_ON_L2")
                .put("execution_status", tx.succeeded() ? "SUCCEEDED" : "REVERTED");
        if (!tx.succeeded()) {
            out.put("failure_reason", tx.revertReason());
        }
        return out;
    }

    JsonNode getEvents(RpcParams p) {
        return events.page(p.required("filter"));
    }
}
