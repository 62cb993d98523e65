package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.StarknetErrorCode;

/**
 * {@code starknet_getEvents}: the events in a block range that match an address and keys, a page at a
 * time; the continuation token is the number of matching events already returned.
 */
final class EventSearch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_CHUNK = 1000;

    private final Chain chain;
    private final BlockLookup blocks;
    private final Supplier<ProviderLimits> limits;

    EventSearch(Chain chain, Supplier<ProviderLimits> limits) {
        this.chain = chain;
        this.blocks = new BlockLookup(chain);
        this.limits = limits;
    }

    /** A provider with {@link ProviderLimits} refuses, as invalid params, a tag it does not serve or too wide a range. */
    private void refuseBeyondLimits(JsonNode filter, long from, long to) {
        ProviderLimits limits = this.limits.get();
        if (limits.refusePreConfirmed() && (BlockLookup.isPreConfirmed(filter.path("from_block"))
                || BlockLookup.isPreConfirmed(filter.path("to_block")))) {
            throw new IllegalArgumentException("unknown block tag pre_confirmed: this node serves latest");
        }
        if (limits.maxEventBlocks() > 0 && to - from + 1 > limits.maxEventBlocks()) {
            throw new IllegalArgumentException("event search over " + (to - from + 1) + " blocks: this node allows at most "
                    + limits.maxEventBlocks());
        }
    }

    JsonNode page(JsonNode filter) {
        int chunk = filter.path("chunk_size").asInt(0);
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk_size must be at least 1");
        }
        if (chunk > MAX_CHUNK) {
            throw new RpcFailure(StarknetErrorCode.PAGE_SIZE_TOO_BIG.code(), "Requested page size is too big", null);
        }
        long from = filter.has("from_block") ? blocks.number(filter.get("from_block")) : 0;
        long to = filter.has("to_block") ? blocks.number(filter.get("to_block")) : chain.latest().number();
        refuseBeyondLimits(filter, from, to);
        List<Felt> addresses = new ArrayList<>();
        JsonNode address = filter.get("address");
        if (address != null && address.isArray()) {
            address.forEach(a -> addresses.add(Felt.parse("address", a.asText())));
        } else if (address != null) {
            addresses.add(Felt.parse("address", address.asText()));
        }
        List<List<Felt>> keys = new ArrayList<>();
        filter.path("keys").forEach(alternatives -> keys.add(RpcValues.felts(alternatives)));
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
                            ObjectNode e = RpcValues.event(events.addObject(), event);
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
}
