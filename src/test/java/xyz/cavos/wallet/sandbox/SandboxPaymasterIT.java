package xyz.cavos.wallet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.OutsideExecution;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionSignature;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.PaymasterClient;

/**
 * The sandbox's SNIP-29 paymaster over HTTP: sponsored and gas-token transactions end to end, its API key, its
 * errors, and the hooks that make it hostile. Every paymaster request and reply is checked against the paymaster
 * API's OpenRPC document ({@link PaymasterClient}), every node exchange against Starknet's.
 */
class SandboxPaymasterIT {

    private static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");

    @RegisterExtension
    final CheckedSandbox sandbox = new CheckedSandbox();
    private final SandboxNode node = sandbox.node();
    private final RpcClient rpc = sandbox.rpc();
    private final PaymasterClient withKey = new PaymasterClient(node.paymasterUri(), Optional.of(node.paymasterApiKey()));
    private final PaymasterClient withoutKey = new PaymasterClient(node.paymasterUri(), Optional.empty());
    private final SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(
            new SandboxDashboard.WalletRequest(Map.of(Token.USDC, "100"), SandboxDashboard.SessionRequest.demo()));
    private final SessionSender sender = new SessionSender(rpc, wallet.token());

    @Test
    void theServiceIsAvailableAndNamesItsGasTokens() {
        assertTrue(withoutKey.result("paymaster_isAvailable", PaymasterClient.object()).asBoolean());
        JsonNode tokens = withoutKey.result("paymaster_getSupportedTokens", PaymasterClient.object());
        assertEquals(3, tokens.size());
        assertEquals(Token.USDC.address().toHex(), tokens.get(1).path("token_address").asText());
        assertEquals("0x" + BigInteger.TWO.multiply(BigInteger.TEN.pow(18)).toString(16), tokens.get(1).path("price_in_strk").asText());
    }

    @Test
    void aSponsoredTransferNeedsNoStrk() {
        assertEquals(BigInteger.ZERO, sender.balance(Token.STRK, wallet.address()));
        Call transfer = SessionSender.transfer(Token.USDC, RECIPIENT, "10");
        JsonNode built = withKey.result("paymaster_buildTransaction", build(wallet.address(), sponsored(), transfer));

        assertEquals("invoke", built.path("type").asText());
        OutsideExecution execution = OutsideExecution.fromMessage(built.path("typed_data").path("message"));
        assertEquals(node.relayerAddress(), execution.caller());
        assertEquals(List.of(transfer), execution.calls(), "the user's calls, unchanged, and no fee call");
        JsonNode domain = built.path("typed_data").path("domain");
        assertEquals(OutsideExecution.DOMAIN_NAME, domain.path("name").asText());
        assertEquals(OutsideExecution.DOMAIN_VERSION, domain.path("version").asText());
        assertEquals(SandboxNode.CHAIN_ID, Felt.parse(domain.path("chainId").asText()));
        assertEquals(1, domain.path("revision").asInt());
        assertTrue(execution.executeAfter() < node.chainTime() && node.chainTime() < execution.executeBefore());

        JsonNode executed = withKey.result("paymaster_executeTransaction", execute(wallet.token(), built, sponsored()));
        TransactionReceipt receipt = rpc.getTransactionReceipt(Felt.parse(executed.path("transaction_hash").asText()));
        assertTrue(receipt.isSucceeded(), receipt.toString());
        assertEquals(U256.parseAmount("90", 6).value(), sender.balance(Token.USDC, wallet.address()));
        assertEquals(U256.parseAmount("10", 6).value(), sender.balance(Token.USDC, RECIPIENT));
        assertEquals(BigInteger.ZERO, sender.balance(Token.STRK, wallet.address()));
        assertEquals(U256.parseAmount("10", 6), sender.spent(Token.USDC));

        ObjectNode track = PaymasterClient.object().put("tracking_id", executed.path("tracking_id").asText());
        JsonNode latest = withoutKey.result("paymaster_trackingIdToLatestHash", track);
        assertEquals("accepted", latest.path("status").asText());
        assertEquals(executed.path("transaction_hash").asText(), latest.path("transaction_hash").asText());

        JsonNode again = withKey.error("paymaster_executeTransaction", execute(wallet.token(), built, sponsored()));
        assertEquals(PaymasterRpc.UNKNOWN_ERROR, again.path("code").asInt(), "an execution runs once");
    }

    @Test
    void sponsoringNeedsTheApiKey() {
        Call transfer = SessionSender.transfer(Token.USDC, RECIPIENT, "1");
        JsonNode missing = withoutKey.error("paymaster_buildTransaction", build(wallet.address(), sponsored(), transfer));
        assertEquals(PaymasterRpc.UNKNOWN_ERROR, missing.path("code").asInt());
        assertTrue(missing.path("message").asText().contains("API key"), missing.toString());
        assertTrue(missing.path("message").asText().contains("none"), missing.toString());

        PaymasterClient wrongKey = new PaymasterClient(node.paymasterUri(), Optional.of("0123456789abcdef0123456789abcdef"));
        JsonNode wrong = wrongKey.error("paymaster_buildTransaction", build(wallet.address(), sponsored(), transfer));
        assertEquals(PaymasterRpc.UNKNOWN_ERROR, wrong.path("code").asInt());
        assertTrue(wrong.path("message").asText().contains("wrong"), wrong.toString());
        assertFalse(wrong.toString().contains(node.paymasterApiKey()), "the key is never echoed");
        assertTrue(node.paymasterApiKey().matches("[0-9a-f]{32}"));

        JsonNode built = withKey.result("paymaster_buildTransaction", build(wallet.address(), sponsored(), transfer));
        JsonNode unpaid = withoutKey.error("paymaster_executeTransaction", execute(wallet.token(), built, sponsored()));
        assertEquals(PaymasterRpc.UNKNOWN_ERROR, unpaid.path("code").asInt());
        assertEquals(BigInteger.ZERO, sender.balance(Token.USDC, RECIPIENT));
    }

    @Test
    void theDefaultModePaysTheRelayerInUsdcWithinTheSessionsLimit() {
        Call transfer = SessionSender.transfer(Token.USDC, RECIPIENT, "10");
        JsonNode built = withoutKey.result("paymaster_buildTransaction", build(wallet.address(), paidIn(Token.USDC), transfer));
        JsonNode fee = built.path("fee");
        BigInteger maxInUsdc = hex(fee.path("suggested_max_fee_in_gas_token"));
        assertEquals(BigInteger.TWO.multiply(BigInteger.TEN.pow(18)), hex(fee.path("gas_token_price_in_strk")));
        assertTrue(maxInUsdc.signum() > 0);
        assertTrue(hex(fee.path("estimated_fee_in_gas_token")).compareTo(maxInUsdc) <= 0);
        assertTrue(hex(fee.path("estimated_fee_in_strk")).compareTo(hex(fee.path("suggested_max_fee_in_strk"))) <= 0);

        OutsideExecution execution = OutsideExecution.fromMessage(built.path("typed_data").path("message"));
        assertEquals(2, execution.calls().size());
        assertEquals(transfer, execution.calls().getFirst());
        Call feeCall = execution.calls().get(1);
        assertEquals(Token.USDC.address(), feeCall.to());
        assertEquals(List.of(node.relayerAddress()), feeCall.calldata().subList(0, 1));
        assertEquals(maxInUsdc, U256.ofParts(feeCall.calldata().get(1), feeCall.calldata().get(2)).value());

        BigInteger relayerUsdc = sender.balance(Token.USDC, node.relayerAddress());
        JsonNode executed = withoutKey.result("paymaster_executeTransaction", execute(wallet.token(), built, paidIn(Token.USDC)));
        assertTrue(rpc.getTransactionReceipt(Felt.parse(executed.path("transaction_hash").asText())).isSucceeded());
        assertEquals(relayerUsdc.add(maxInUsdc), sender.balance(Token.USDC, node.relayerAddress()));
        assertEquals(U256.parseAmount("90", 6).value().subtract(maxInUsdc), sender.balance(Token.USDC, wallet.address()));
        assertEquals(U256.of(U256.parseAmount("10", 6).value().add(maxInUsdc)), sender.spent(Token.USDC), "the fee counts too");
    }

    @Test
    void aGasTokenOutsideTheSpendingPolicyIsRefusedByTheAccount() {
        SessionToken usdcOnly = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.of(
                new SessionPolicy(List.of(Token.STRK.address(), Token.USDC.address()),
                        List.of(new SpendingLimit(Token.USDC.address(), U256.parseAmount("50", 6))), 5), 3600));
        JsonNode built = withoutKey.result("paymaster_buildTransaction",
                build(wallet.address(), paidIn(Token.STRK), SessionSender.transfer(Token.USDC, RECIPIENT, "1")));
        Felt relayerNonce = rpc.getNonce(node.relayerAddress(), BlockId.LATEST);

        JsonNode error = withoutKey.error("paymaster_executeTransaction", execute(usdcOnly, built, paidIn(Token.STRK)));

        assertEquals(PaymasterRpc.TRANSACTION_EXECUTION_ERROR, error.path("code").asInt());
        assertTrue(error.path("data").path("execution_error").toString().contains("Token not in spending policy"), error.toString());
        assertEquals(relayerNonce, rpc.getNonce(node.relayerAddress(), BlockId.LATEST), "nothing was submitted");
        assertEquals(BigInteger.ZERO, sender.balance(Token.USDC, RECIPIENT));
    }

    @Test
    void badRequestsGetThePaymasterApisErrors() {
        Call transfer = SessionSender.transfer(Token.USDC, RECIPIENT, "1");
        assertEquals(PaymasterRpc.TOKEN_NOT_SUPPORTED, withoutKey.error("paymaster_buildTransaction",
                build(wallet.address(), paidIn(Token.USDT), transfer)).path("code").asInt());
        assertEquals(PaymasterRpc.INVALID_ADDRESS, withoutKey.error("paymaster_buildTransaction",
                build(RECIPIENT, paidIn(Token.USDC), transfer)).path("code").asInt());

        long now = node.chainTime();
        ObjectNode past = paidIn(Token.USDC);
        past.putObject("time_bounds").put("execute_after", Long.toString(now - 100)).put("execute_before", Long.toString(now - 10));
        assertEquals(PaymasterRpc.INVALID_TIME_BOUNDS, withoutKey.error("paymaster_buildTransaction",
                build(wallet.address(), past, transfer)).path("code").asInt());
        ObjectNode given = paidIn(Token.USDC);
        given.putObject("time_bounds").put("execute_after", Long.toString(now - 5)).put("execute_before", Long.toString(now + 300));
        OutsideExecution bounded = OutsideExecution.fromMessage(withoutKey.result("paymaster_buildTransaction",
                build(wallet.address(), given, transfer)).path("typed_data").path("message"));
        assertEquals(now - 5, bounded.executeAfter());
        assertEquals(now + 300, bounded.executeBefore());

        assertEquals(PaymasterRpc.INVALID_ID, withoutKey.error("paymaster_trackingIdToLatestHash",
                PaymasterClient.object().put("tracking_id", "0x1234")).path("code").asInt());

        // Typed data the paymaster did not build (here: another amount) is not executed.
        JsonNode built = withoutKey.result("paymaster_buildTransaction", build(wallet.address(), paidIn(Token.USDC), transfer));
        ObjectNode forged = built.deepCopy();
        ((ArrayNode) forged.path("typed_data").path("message").path("Calls").get(0).path("Calldata")).set(1, "0x5f5e100");
        JsonNode refused = withoutKey.error("paymaster_executeTransaction", execute(wallet.token(), forged, paidIn(Token.USDC)));
        assertEquals(PaymasterRpc.UNKNOWN_ERROR, refused.path("code").asInt());
        assertTrue(refused.path("message").asText().contains("not built by this paymaster"), refused.toString());
    }

    @Test
    void eachMisbehaviourVisiblyAltersTheNextReplyOnly() {
        Call transfer = SessionSender.transfer(Token.USDC, RECIPIENT, "1");
        JsonNode honest = buildPaidInUsdc(transfer);
        List<Call> honestCalls = OutsideExecution.fromMessage(honest.path("typed_data").path("message")).calls();

        node.paymaster().misbehave(SandboxPaymaster.Misbehaviour.ADD_CALL);
        List<Call> added = calls(buildPaidInUsdc(transfer));
        assertEquals(honestCalls.size() + 1, added.size());
        assertEquals(SandboxPaymaster.THIEF, added.getLast().calldata().getFirst());

        node.paymaster().misbehave(SandboxPaymaster.Misbehaviour.CHANGE_CALL);
        List<Call> changed = calls(buildPaidInUsdc(transfer));
        assertEquals(SandboxPaymaster.THIEF, changed.getFirst().calldata().getFirst());
        assertEquals(honestCalls.size(), changed.size());

        node.paymaster().misbehave(SandboxPaymaster.Misbehaviour.FEE_ABOVE_MAX);
        JsonNode greedy = buildPaidInUsdc(transfer);
        Call feeCall = calls(greedy).getLast();
        assertTrue(U256.ofParts(feeCall.calldata().get(1), feeCall.calldata().get(2)).value()
                .compareTo(hex(greedy.path("fee").path("suggested_max_fee_in_gas_token"))) > 0);

        node.paymaster().misbehave(SandboxPaymaster.Misbehaviour.WRONG_CHAIN);
        assertNotEquals(SandboxNode.CHAIN_ID, Felt.parse(buildPaidInUsdc(transfer).path("typed_data").path("domain").path("chainId").asText()));
        node.paymaster().misbehave(SandboxPaymaster.Misbehaviour.WRONG_DOMAIN);
        assertNotEquals(OutsideExecution.DOMAIN_NAME, buildPaidInUsdc(transfer).path("typed_data").path("domain").path("name").asText());
        node.paymaster().misbehave(SandboxPaymaster.Misbehaviour.WRONG_DOMAIN_VERSION);
        assertNotEquals("2", buildPaidInUsdc(transfer).path("typed_data").path("domain").path("version").asText());
        node.paymaster().misbehave(SandboxPaymaster.Misbehaviour.WRONG_DOMAIN_REVISION);
        assertNotEquals(1, buildPaidInUsdc(transfer).path("typed_data").path("domain").path("revision").asInt());

        JsonNode honestAgain = buildPaidInUsdc(transfer);
        assertEquals(honest.path("typed_data").path("domain"), honestAgain.path("typed_data").path("domain"));
        assertEquals(honestCalls, calls(honestAgain));
    }

    @Test
    void theAdminApiCreatesAWalletWithTheBalancesAsked() {
        ObjectNode params = PaymasterClient.object();
        params.putObject("balances").put("STRK", "0").put("USDC", "100.5");
        JsonNode created = admin("sandbox_createWallet", params);
        Felt address = Felt.parse(created.path("result").path("wallet_address").asText());
        assertEquals(BigInteger.ZERO, sender.balance(Token.STRK, address));
        assertEquals(U256.parseAmount("100.5", 6).value(), sender.balance(Token.USDC, address));
        assertEquals(BigInteger.ZERO, sender.balance(Token.ETH, address));

        ObjectNode unknown = PaymasterClient.object();
        unknown.putObject("balances").put("DOGE", "1");
        assertEquals(-32602, admin("sandbox_createWallet", unknown).path("error").path("code").asInt());
        ObjectNode tooPrecise = PaymasterClient.object();
        tooPrecise.putObject("balances").put("USDC", "1.0000001");
        JsonNode error = admin("sandbox_createWallet", tooPrecise).path("error");
        assertEquals(-32602, error.path("code").asInt());
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode buildPaidInUsdc(Call... calls) {
        return withoutKey.result("paymaster_buildTransaction", build(wallet.address(), paidIn(Token.USDC), calls));
    }

    private static List<Call> calls(JsonNode built) {
        return OutsideExecution.fromMessage(built.path("typed_data").path("message")).calls();
    }

    private static ObjectNode sponsored() {
        ObjectNode parameters = PaymasterClient.object().put("version", "0x1");
        parameters.putObject("fee_mode").put("mode", "sponsored");
        return parameters;
    }

    private static ObjectNode paidIn(Token token) {
        ObjectNode parameters = PaymasterClient.object().put("version", "0x1");
        parameters.putObject("fee_mode").put("mode", "default").put("gas_token", token.address().toHex());
        return parameters;
    }

    private static ObjectNode build(Felt user, ObjectNode parameters, Call... calls) {
        ObjectNode params = PaymasterClient.object();
        ObjectNode invoke = params.putObject("transaction").put("type", "invoke").putObject("invoke").put("user_address", user.toHex());
        ArrayNode list = invoke.putArray("calls");
        for (Call call : calls) {
            ObjectNode item = list.addObject().put("to", call.to().toHex()).put("selector", call.selector().toHex());
            ArrayNode data = item.putArray("calldata");
            call.calldata().forEach(f -> data.add(f.toHex()));
        }
        params.set("parameters", parameters);
        return params;
    }

    /** The execute request for a build reply, signed as a wallet signs it: the message hash of the typed data's execution. */
    private static ObjectNode execute(SessionToken token, JsonNode built, ObjectNode parameters) {
        OutsideExecution execution = OutsideExecution.fromMessage(built.path("typed_data").path("message"));
        Felt hash = execution.messageHash(token.walletAddress(), SandboxNode.CHAIN_ID);
        List<Felt> signature = SessionSignature.sign(token, hash, execution.calls()).toFelts();
        ObjectNode params = PaymasterClient.object();
        ObjectNode invoke = params.putObject("transaction").put("type", "invoke").putObject("invoke")
                .put("user_address", token.walletAddress().toHex());
        invoke.set("typed_data", built.path("typed_data"));
        ArrayNode sig = invoke.putArray("signature");
        signature.forEach(f -> sig.add(f.toHex()));
        params.set("parameters", parameters);
        return params;
    }

    private static BigInteger hex(JsonNode value) {
        return Felt.parse(value.asText()).value();
    }

    private JsonNode admin(String method, ObjectNode params) {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            ObjectNode request = PaymasterClient.object().put("jsonrpc", "2.0").put("id", 1).put("method", method);
            request.set("params", params);
            var response = client.send(java.net.http.HttpRequest.newBuilder(node.rpcUri())
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
