package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import xyz.cavos.wallet.cavos.StoredSession;
import xyz.cavos.wallet.cavos.StorageLayout;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcRequest;

/** Reads raw contract storage over JSON-RPC with {@code starknet_getStorageAt}, as the wallet reads a Cavos account. */
final class StorageReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RpcClient rpc;

    StorageReader(RpcClient rpc) {
        this.rpc = rpc;
    }

    /** The slot's value at the latest block. */
    Felt at(Felt contract, Felt key) {
        return Felt.parse(send(contract, key, NODES.textNode("latest"), false).asText());
    }

    /** The reply as it comes, for any block id, with or without {@code INCLUDE_LAST_UPDATE_BLOCK}. */
    JsonNode send(Felt contract, Felt key, JsonNode blockId, boolean lastUpdateBlock) {
        ObjectNode params = NODES.objectNode().put("contract_address", contract.toHex()).put("key", storageKey(key));
        params.set("block_id", blockId);
        if (lastUpdateBlock) {
            params.putArray("response_flags").add("INCLUDE_LAST_UPDATE_BLOCK");
        }
        return rpc.send(RpcRequest.custom("starknet_getStorageAt", params, false));
    }

    /**
     * A key as the spec's STORAGE_KEY pattern wants it: 63 hex digits, the first holding the top 3 bits, so a
     * key whose shortest spelling starts with 8 to f is written with leading zeros.
     */
    static String storageKey(Felt key) {
        return "0x" + "%063x".formatted(key.value());
    }

    List<Felt> slots(Felt contract, List<Felt> keys) {
        return keys.stream().map(key -> at(contract, key)).toList();
    }

    /** The session the account stores for the key, unpacked from its four slots. */
    StoredSession session(Felt account, Felt sessionKey) {
        return StoredSession.fromSlots(slots(account, StorageLayout.session(sessionKey).all()));
    }

    long policyCount(Felt account, Felt sessionKey) {
        return at(account, StorageLayout.spendingPolicyCount(sessionKey)).longValueExact();
    }
}
