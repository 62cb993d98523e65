package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/**
 * The admin methods: starknet-devnet's ({@code devnet_mint}, time, blocks, dump and load) under its
 * names and reply shapes, and the sandbox's own {@code sandbox_*} extras (dashboard, fault injection).
 */
final class AdminMethods {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SandboxNode node;
    private final Chain chain;

    AdminMethods(SandboxNode node, Chain chain) {
        this.node = node;
        this.chain = chain;
    }

    JsonNode mint(RpcParams p) {
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

    JsonNode setTime(RpcParams p) {
        long time = p.required("time").asLong();
        boolean generate = p.optional("generate_block").map(JsonNode::asBoolean).orElse(true);
        Chain.Block block = chain.setTime(time, generate);
        ObjectNode out = NODES.objectNode().put("block_timestamp", time);
        if (generate) {
            out.put("block_hash", block.hash().toHex());
        }
        return out;
    }

    JsonNode increaseTime(RpcParams p) {
        Chain.Block block = chain.increaseTime(p.required("time").asLong());
        return NODES.objectNode().put("timestamp_increased_by", p.required("time").asLong())
                .put("block_hash", block.hash().toHex());
    }

    JsonNode createBlock(RpcParams p) {
        return NODES.objectNode().put("block_hash", chain.createBlock().hash().toHex());
    }

    JsonNode dump(RpcParams p) {
        Optional<String> path = p.optional("path").map(JsonNode::asText);
        if (path.isPresent()) {
            node.dumpTo(Path.of(path.get()));
            return NODES.nullNode();
        }
        return StateFile.toJson(chain);
    }

    JsonNode load(RpcParams p) {
        node.loadFrom(Path.of(p.required("path").asText()));
        return NODES.nullNode();
    }

    JsonNode createWallet(RpcParams p) {
        SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
        return NODES.objectNode().put("wallet_address", wallet.address().toHex()).put("token", wallet.token().encode());
    }

    JsonNode setProviderLimits(RpcParams p) {
        node.setLimits(new ProviderLimits(p.optional("refuse_pre_confirmed").map(JsonNode::asBoolean).orElse(false),
                p.optional("max_event_blocks").map(JsonNode::asLong).orElse(0L)));
        return NODES.booleanNode(true);
    }

    JsonNode setFaults(RpcParams p) {
        node.setFaults(new FaultPlan(
                p.optional("latency_ms").map(JsonNode::asLong).orElse(0L),
                p.optional("rate_429").map(JsonNode::asDouble).orElse(0.0),
                p.optional("rate_500").map(JsonNode::asDouble).orElse(0.0),
                p.optional("rate_malformed").map(JsonNode::asDouble).orElse(0.0),
                p.optional("rate_drop").map(JsonNode::asDouble).orElse(0.0)));
        return NODES.booleanNode(true);
    }
}
