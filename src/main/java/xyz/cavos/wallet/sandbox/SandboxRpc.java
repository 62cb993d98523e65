package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sandbox's JSON-RPC dispatch: which methods it serves (the Starknet 0.10 methods a wallet uses in
 * {@link StarknetMethods}, starknet-devnet's admin methods and {@code sandbox_*} extras in
 * {@link AdminMethods}), their param names in the spec's order, and the reply or error envelope.
 * Params may be named or positional.
 */
final class SandboxRpc {

    static final String SPEC_VERSION = "0.10.2";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, RpcEnvelope.Method> methods;
    private final SandboxNode node;

    SandboxRpc(SandboxNode node, Chain chain) {
        this.node = node;
        StarknetMethods starknet = new StarknetMethods(chain, node::limits);
        AdminMethods admin = new AdminMethods(node, chain);
        this.methods = Map.ofEntries(
                method("starknet_specVersion", p -> NODES.textNode(SPEC_VERSION)),
                method("starknet_chainId", starknet::chainId),
                method("starknet_syncing", p -> NODES.booleanNode(false)),
                method("starknet_blockNumber", starknet::blockNumber),
                method("starknet_blockHashAndNumber", starknet::blockHashAndNumber),
                method("starknet_getBlockWithTxHashes", starknet::getBlockWithTxHashes, "block_id"),
                method("starknet_getBlockTransactionCount", starknet::getBlockTransactionCount, "block_id"),
                method("starknet_call", starknet::call, "request", "block_id"),
                method("starknet_getNonce", starknet::getNonce, "block_id", "contract_address"),
                method("starknet_getClassHashAt", starknet::getClassHashAt, "block_id", "contract_address"),
                method("starknet_getStorageAt", starknet::getStorageAt, "contract_address", "key", "block_id", "response_flags"),
                method("starknet_estimateFee", starknet::estimateFee, "request", "simulation_flags", "block_id"),
                method("starknet_addInvokeTransaction", starknet::addInvokeTransaction, "invoke_transaction"),
                method("starknet_getTransactionReceipt", starknet::getTransactionReceipt, "transaction_hash"),
                method("starknet_getTransactionStatus", starknet::getTransactionStatus, "transaction_hash"),
                method("starknet_getEvents", starknet::getEvents, "filter"),
                // starknet-devnet's admin API
                method("devnet_mint", admin::mint, "address", "amount", "unit", "token"),
                method("devnet_setTime", admin::setTime, "time", "generate_block"),
                method("devnet_increaseTime", admin::increaseTime, "time"),
                method("devnet_createBlock", admin::createBlock),
                method("devnet_dump", admin::dump, "path"),
                method("devnet_load", admin::load, "path"),
                // the sandbox's own extras
                method("sandbox_createWallet", admin::createWallet, "balances"),
                method("sandbox_deployToken", admin::deployToken, "symbol", "decimals", "name", "symbol_encoding"),
                method("sandbox_registerSession", admin::registerSession, "wallet_address", "token", "policy"),
                method("sandbox_setFaults", admin::setFaults, "latency_ms", "rate_429", "rate_500", "rate_malformed", "rate_drop",
                        "path", "gone", "html", "rate_limited", "retry_after", "chain_id", "spec_version", "no_batches",
                        "lose_write_replies"),
                method("sandbox_requestCounts", admin::requestCounts),
                method("sandbox_setProviderLimits", admin::setProviderLimits, "refuse_pre_confirmed", "max_event_blocks"));
    }

    private static Map.Entry<String, RpcEnvelope.Method> method(String name, Function<RpcParams, JsonNode> handler, String... params) {
        return Map.entry(name, new RpcEnvelope.Method(List.of(params), handler));
    }

    /** Answers one request object (never throws): a result or an error reply. */
    ObjectNode answer(JsonNode request) {
        return RpcEnvelope.answer(request, name -> Optional.ofNullable(methods.get(name)).map(method -> isAdmin(name) ? method
                : new RpcEnvelope.Method(method.params(), params -> {
                    refuseBeyondLimits(params);
                    return method.handler().apply(params);
                })), "the Cavos sandbox");
    }

    /** A provider with {@link ProviderLimits} refuses a block tag it does not serve as invalid params (event ranges: {@link EventSearch}). */
    private void refuseBeyondLimits(RpcParams params) {
        if (node.limits().refusePreConfirmed() && params.optional("block_id").filter(BlockLookup::isPreConfirmed).isPresent()) {
            throw new IllegalArgumentException("unknown block tag pre_confirmed: this node serves latest");
        }
    }

    static boolean isAdmin(String method) {
        return method.startsWith("devnet_") || method.startsWith("sandbox_");
    }

}
