package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import xyz.cavos.wallet.starknet.Felt;

/** The block a request's {@code block_id} names: a tag, a block number or a block hash. */
final class BlockLookup {

    private final Chain chain;

    BlockLookup(Chain chain) {
        this.chain = chain;
    }

    /** The block; the tags all name the latest block, since every block is final at once. */
    Chain.Block block(JsonNode id) {
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

    /** The number of the named block; {@code pre_confirmed} is the block still to come. */
    long number(JsonNode id) {
        return isPreConfirmed(id) ? chain.pendingBlockNumber() : block(id).number();
    }

    static boolean isPreConfirmed(JsonNode id) {
        return id.isTextual() && id.asText().equals("pre_confirmed");
    }
}
