package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.StoredSession;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/**
 * The admin methods: starknet-devnet's ({@code devnet_mint}, time, blocks, dump and load) under its
 * names and reply shapes, and the sandbox's own {@code sandbox_*} extras (dashboard, fault injection,
 * request counts).
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
        Token token = p.optional("token").map(t -> Token.bySymbol(t.asText()).or(() -> node.token(Felt.parse("token", t.asText())))
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

    /**
     * Deploys another ERC-20: {@code symbol}, {@code decimals} (default 18), {@code name} (default the symbol) and
     * {@code symbol_encoding}: {@code short_string} (default) or {@code byte_array}, what its {@code symbol()} answers.
     * Answers with its address; {@code devnet_mint} then mints it by that address.
     */
    JsonNode deployToken(RpcParams p) {
        String symbol = text(p.required("symbol"), "symbol");
        int decimals = p.optional("decimals").map(v -> {
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 255) {
                throw new IllegalArgumentException("decimals is a whole number from 0 to 255, got " + v);
            }
            return v.asInt();
        }).orElse(18);
        String encoding = p.optional("symbol_encoding").map(v -> text(v, "symbol_encoding")).orElse("short_string");
        if (!encoding.equals("short_string") && !encoding.equals("byte_array")) {
            throw new IllegalArgumentException("symbol_encoding is short_string or byte_array, got " + encoding);
        }
        Token token = node.deployToken(p.optional("name").map(v -> text(v, "name")).orElse(symbol), symbol, decimals,
                encoding.equals("byte_array"));
        return NODES.objectNode().put("address", token.address().toHex()).put("symbol", symbol).put("decimals", decimals);
    }

    /**
     * A new Cavos account with the demo session. {@code balances} (optional), token symbol to an amount in token
     * units ({@code {"STRK": "0", "USDC": "100"}}), replaces the demo funding: only the tokens named are funded.
     */
    JsonNode createWallet(RpcParams p) {
        SandboxDashboard.WalletRequest request = SandboxDashboard.WalletRequest.demo();
        Optional<JsonNode> balances = p.optional("balances");
        if (balances.isPresent()) {
            request = new SandboxDashboard.WalletRequest(funding(balances.get()), request.session());
        }
        SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(request);
        return NODES.objectNode().put("wallet_address", wallet.address().toHex()).put("token", wallet.token().encode());
    }

    /**
     * Registers a token's session key on a sandbox wallet with an on-chain policy of its own (see
     * {@link SandboxDashboard#registerSession(Felt, SessionToken, SessionPolicy)}). The policy:
     * {@code allowed_contracts} (addresses), {@code spending_limits} ({@code token}: address or symbol,
     * {@code limit}: base units, decimal or hex), {@code max_calls_per_tx} (default 10, the SDK's); each may
     * be left out. Answers with what the account now stores for the key.
     */
    JsonNode registerSession(RpcParams p) {
        SessionToken token = SessionToken.decode(p.required("token").asText());
        JsonNode policy = p.required("policy");
        List<Felt> allowed = new ArrayList<>();
        policy.path("allowed_contracts").forEach(c -> allowed.add(Felt.parse("allowed_contracts", c.asText())));
        List<SpendingLimit> limits = new ArrayList<>();
        policy.path("spending_limits").forEach(l -> limits.add(new SpendingLimit(tokenAddress(l.path("token").asText()),
                U256.parse(l.path("limit").asText()))));
        int maxCalls = policy.path("max_calls_per_tx").asInt(SessionPolicy.SDK_DEFAULT.maxCallsPerTx());
        SandboxDashboard.RegisteredSession registered = node.dashboard().registerSession(p.felt("wallet_address"), token,
                new SessionPolicy(allowed, limits, maxCalls));
        StoredSession stored = registered.stored();
        ObjectNode out = NODES.objectNode()
                .put("wallet_address", registered.walletAddress().toHex())
                .put("session_key", registered.sessionKey().toHex())
                .put("nonce", stored.nonce().toHex())
                .put("valid_after", stored.validAfter())
                .put("valid_until", stored.validUntil())
                .put("renewal_deadline", stored.renewalDeadline())
                .put("registered_at", stored.registeredAt())
                .put("revocation_epoch", stored.revocationEpoch())
                .put("allowed_contracts_root", stored.allowedContractsRoot().toHex())
                .put("max_calls_per_tx", stored.maxCallsPerTx());
        out.set("allowed_contracts", RpcValues.hexes(registered.policy().allowedContracts()));
        ArrayNode spending = out.putArray("spending_limits");
        registered.policy().spendingLimits().forEach(l -> spending.addObject().put("token", l.token().toHex())
                .put("limit", l.limit().value().toString()));
        return out.put("transaction_hash", registered.transactionHash().toHex());
    }

    /** The most tokens a {@code balances} object may name. */
    private static final int MAX_BALANCES = 16;

    private static Map<Token, String> funding(JsonNode balances) {
        if (!balances.isObject() || balances.size() > MAX_BALANCES) {
            throw new IllegalArgumentException("balances is an object of at most " + MAX_BALANCES
                    + " token symbols to amounts in token units, e.g. {\"STRK\": \"0\", \"USDC\": \"100\"}");
        }
        Map<Token, String> funding = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : balances.properties()) {
            Token token = Token.bySymbol(entry.getKey()).orElseThrow(() -> new IllegalArgumentException("balances: unknown token "
                    + entry.getKey() + "; the sandbox's tokens are " + Token.KNOWN.stream().map(Token::symbol).toList()));
            if (!entry.getValue().isTextual()) {
                throw new IllegalArgumentException("balances." + entry.getKey() + " is an amount as a string, e.g. \"100\" or \"0.5\"");
            }
            String amount = entry.getValue().asText();
            U256.parseAmount(amount, token.decimals()); // refused here, with the reason, rather than half-way through funding
            funding.put(token, amount);
        }
        return funding;
    }

    private static Felt tokenAddress(String symbolOrAddress) {
        return Token.bySymbol(symbolOrAddress).map(Token::address).orElseGet(() -> Felt.parse("token", symbolOrAddress));
    }

    JsonNode setProviderLimits(RpcParams p) {
        node.setLimits(new ProviderLimits(p.optional("refuse_pre_confirmed").map(JsonNode::asBoolean).orElse(false),
                p.optional("max_event_blocks").map(JsonNode::asLong).orElse(0L)));
        return NODES.booleanNode(true);
    }

    /**
     * Sets the faults for request paths starting with {@code path} (default {@code /}: every path), replacing
     * what was set for that prefix; with no faults named, clears them. See {@link FaultPlan} for each switch.
     */
    JsonNode setFaults(RpcParams p) {
        String path = p.optional("path").map(v -> text(v, "path")).orElse("/");
        node.setFaults(path, new FaultPlan(
                p.optional("latency_ms").map(JsonNode::asLong).orElse(0L),
                p.optional("rate_429").map(JsonNode::asDouble).orElse(0.0),
                p.optional("rate_500").map(JsonNode::asDouble).orElse(0.0),
                p.optional("rate_malformed").map(JsonNode::asDouble).orElse(0.0),
                p.optional("rate_drop").map(JsonNode::asDouble).orElse(0.0),
                flag(p, "gone"),
                flag(p, "html"),
                flag(p, "rate_limited"),
                p.optional("retry_after").map(v -> seconds(v, "retry_after")).orElse(FaultPlan.DEFAULT_RETRY_AFTER_SECONDS),
                p.optional("chain_id").map(v -> FaultPlan.parseChainId(text(v, "chain_id"))),
                p.optional("spec_version").map(v -> text(v, "spec_version")),
                flag(p, "no_batches"),
                flag(p, "lose_write_replies")));
        return NODES.booleanNode(true);
    }

    /** Requests that arrived so far: {@code {"/rpc/v0_10": {"starknet_chainId": 2, ...}, ...}} by exact path. */
    JsonNode requestCounts(RpcParams p) {
        ObjectNode out = NODES.objectNode();
        node.requestCounts().forEach((path, methods) -> {
            ObjectNode counts = out.putObject(path);
            methods.forEach(counts::put);
        });
        return out;
    }

    private static boolean flag(RpcParams p, String name) {
        return p.optional(name).map(v -> {
            if (!v.isBoolean()) {
                throw new IllegalArgumentException(name + " is true or false, got " + v);
            }
            return v.booleanValue();
        }).orElse(false);
    }

    private static long seconds(JsonNode value, String name) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(name + " is a whole number of seconds, got " + value);
        }
        return value.longValue();
    }

    private static String text(JsonNode value, String name) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + " is a string, got " + value);
        }
        return value.asText();
    }
}
