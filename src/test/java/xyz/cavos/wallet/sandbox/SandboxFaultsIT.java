package xyz.cavos.wallet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.cavos.SessionTransaction;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcRequest;
import xyz.cavos.wallet.starknet.U256;

/**
 * The sandbox playing a bad public provider on some paths while other paths serve the same chain normally:
 * what a wallet's endpoint failover is tested against.
 */
class SandboxFaultsIT {

    private static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BLOCK_NUMBER = request(1, "starknet_blockNumber", "{}");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDiscontinuedEndpointAnswers410WithAJsonBody() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            admin(node, "{\"path\":\"/gone\",\"gone\":true}");
            HttpResponse<String> gone = post(at(node, "/gone/rpc/v0_10"), BLOCK_NUMBER);
            assertEquals(410, gone.statusCode());
            assertEquals(Optional.of("application/json"), gone.headers().firstValue("Content-Type"));
            assertEquals("{\"error\":\"This endpoint has been discontinued.\"}", gone.body());
            assertAnswersNormally(node, node.rpcUri());
            assertEquals(200, post(at(node, "/gone/rpc/v0_10"), request(2, "devnet_createBlock", "{}")).statusCode(),
                    "admin methods are never faulted");
            assertTrue(node.faults("/gone").gone());
            assertEquals(FaultPlan.NONE, node.faults(), "the / prefix is untouched");
        }
    }

    @Test
    void aParkedDomainAnswersAnHtmlPage() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            admin(node, "{\"path\":\"/parked\",\"html\":true}");
            HttpResponse<String> parked = post(at(node, "/parked/rpc/v0_10"), BLOCK_NUMBER);
            assertEquals(200, parked.statusCode());
            assertTrue(parked.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(parked.body().startsWith("<!DOCTYPE html>"), parked.body());
            assertThrows(IOException.class, () -> JSON.readTree(parked.body()));
            assertAnswersNormally(node, node.rpcUri());
        }
    }

    @Test
    void aRateLimitedEndpointAnswers429WithRetryAfter() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            admin(node, "{\"path\":\"/limited\",\"rate_limited\":true,\"retry_after\":7}");
            admin(node, "{\"path\":\"/limited-default\",\"rate_limited\":true}");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> limited = post(at(node, "/limited/rpc/v0_10"), BLOCK_NUMBER);
                assertEquals(429, limited.statusCode(), "every request, not a share of them");
                assertEquals(Optional.of("7"), limited.headers().firstValue("Retry-After"));
            }
            HttpResponse<String> byDefault = post(at(node, "/limited-default/rpc/v0_10"), BLOCK_NUMBER);
            assertEquals(429, byDefault.statusCode());
            assertEquals(Optional.of("1"), byDefault.headers().firstValue("Retry-After"), "the longest prefix decides");
            assertAnswersNormally(node, node.rpcUri());
        }
    }

    @Test
    void anotherNetworksNodeAnswersItsChainIdAloneAndInABatch() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            admin(node, "{\"path\":\"/mainnet\",\"chain_id\":\"SN_MAIN\"}");
            admin(node, "{\"path\":\"/sepolia\",\"chain_id\":\"0x534e5f5345504f4c4941\"}");
            URI mainnet = at(node, "/mainnet/rpc/v0_10");
            assertEquals("0x534e5f4d41494e", result(post(mainnet, request(1, "starknet_chainId", "{}"))).asText());
            assertEquals(Felt.fromShortString("SN_SEPOLIA"), RpcClient.of(at(node, "/sepolia/rpc/v0_10")).chainId());
            JsonNode batch = JSON.readTree(post(mainnet, "[" + request(1, "starknet_chainId", "{}") + ","
                    + BLOCK_NUMBER.replace("\"id\":1", "\"id\":2") + "]").body());
            assertEquals("0x534e5f4d41494e", batch.get(0).path("result").asText(), batch.toString());
            assertEquals(node.blockNumber(), batch.get(1).path("result").asLong(), "everything else answers normally");
            assertEquals(SandboxNode.CHAIN_ID.toHex(), result(post(node.rpcUri(), request(1, "starknet_chainId", "{}"))).asText());
            assertEquals(SandboxNode.CHAIN_ID, RpcClient.of(node.rpcUri()).chainId());
        }
    }

    @Test
    void aNodeOnAnotherSpecAnswersItsSpecVersion() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            node.setFaults("/old", FaultPlan.NONE.withSpecVersion("0.8.1"));
            assertEquals("0.8.1", RpcClient.of(at(node, "/old/rpc/v0_8")).specVersion());
            assertEquals(node.blockNumber(), RpcClient.of(at(node, "/old/rpc/v0_8")).blockNumber());
            assertEquals(SandboxRpc.SPEC_VERSION, RpcClient.of(node.rpcUri()).specVersion());
        }
    }

    @Test
    void anEndpointWithoutBatchesRefusesABatchWithOneErrorObject() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            admin(node, "{\"path\":\"/single\",\"no_batches\":true}");
            String batch = "[" + request(1, "starknet_chainId", "{}") + "," + BLOCK_NUMBER.replace("\"id\":1", "\"id\":2") + "]";
            HttpResponse<String> refused = post(at(node, "/single/rpc/v0_10"), batch);
            assertEquals(200, refused.statusCode());
            assertEquals(JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"
                    + "\"message\":\"Batch requests are not supported\"}}"), JSON.readTree(refused.body()));
            assertEquals(node.blockNumber(), result(post(at(node, "/single/rpc/v0_10"), BLOCK_NUMBER)).asLong(),
                    "single requests work");
            JsonNode served = JSON.readTree(post(node.rpcUri(), batch).body());
            assertTrue(served.isArray() && served.size() == 2, served.toString());
            JsonNode adminBatch = JSON.readTree(post(at(node, "/single/rpc/v0_10"), "[" + request(1, "devnet_createBlock", "{}")
                    + "]").body());
            assertTrue(adminBatch.isArray(), "admin methods are never affected: " + adminBatch);
        }
    }

    @Test
    void aLostWriteReplyStillLandsTheTransaction() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            admin(node, "{\"path\":\"/lossy\",\"lose_write_replies\":true}");
            SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
            RpcClient good = RpcClient.of(node.rpcUri());
            URI lossy = at(node, "/lossy/rpc/v0_10");
            Felt nonce = good.getNonce(wallet.address(), BlockId.LATEST);
            assertEquals(nonce, Felt.parse(result(post(lossy, request(1, "starknet_getNonce",
                    "{\"block_id\":\"latest\",\"contract_address\":\"" + wallet.address().toHex() + "\"}"))).asText()),
                    "reads on the lossy path are answered");
            InvokeV3 tx = SessionTransaction.sign(wallet.token(), SandboxNode.CHAIN_ID, nonce,
                    List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "2")), SessionSender.BOUNDS);
            String submit = request(1, "starknet_addInvokeTransaction",
                    JSON.writeValueAsString(RpcRequest.addInvokeTransaction(tx).params()));

            assertThrows(IOException.class, () -> post(lossy, submit), "the connection ends without an answer");

            assertEquals(Felt.of(nonce.value().add(BigInteger.ONE)), good.getNonce(wallet.address(), BlockId.LATEST));
            assertTrue(good.getTransactionReceipt(tx.hash(SandboxNode.CHAIN_ID)).isSucceeded(), "the transaction landed");
            assertEquals(U256.parseAmount("2", Token.STRK.decimals()).value(), node.balanceOf(RECIPIENT, Token.STRK));
            assertEquals(1, node.requests("/lossy", "starknet_addInvokeTransaction"));
            assertEquals(0, node.requests("/rpc", "starknet_addInvokeTransaction"));
        }
    }

    @Test
    void theLongestPrefixDecidesAndACallWithOnlyAPathClearsIt() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            node.setFaults(new FaultPlan(0, 0, 1, 0, 0));
            node.setFaults("/gone", FaultPlan.NONE.withGone());
            assertEquals(410, post(at(node, "/gone/rpc/v0_10"), BLOCK_NUMBER).statusCode());
            assertEquals(500, post(node.rpcUri(), BLOCK_NUMBER).statusCode());

            admin(node, "{\"path\":\"/gone\"}");
            assertEquals(FaultPlan.NONE, node.faults("/gone"));
            assertEquals(500, post(at(node, "/gone/rpc/v0_10"), BLOCK_NUMBER).statusCode(), "back to the / prefix's faults");

            admin(node, "{}");
            assertEquals(FaultPlan.NONE, node.faults());
            assertAnswersNormally(node, at(node, "/gone/rpc/v0_10"));
            assertAnswersNormally(node, node.rpcUri());
        }
    }

    @Test
    void badValuesAreRefusedAsInvalidParamsAndChangeNothing() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            assertRefused(node, "{\"rate_limited\":true,\"retry_after\":-1}", "retry_after must not be negative");
            assertRefused(node, "{\"rate_limited\":true,\"retry_after\":\"soon\"}", "retry_after is a whole number of seconds");
            assertRefused(node, "{\"chain_id\":\"0xZZ\"}", "chain_id");
            assertRefused(node, "{\"chain_id\":\"THIS_IS_FAR_TOO_LONG_FOR_A_SHORT_STRING\"}", "longer than 31 characters");
            assertRefused(node, "{\"chain_id\":\"\"}", "chain_id must not be empty");
            assertRefused(node, "{\"spec_version\":\" \"}", "spec_version must not be blank");
            assertRefused(node, "{\"gone\":\"yes\"}", "gone is true or false");
            assertRefused(node, "{\"gone\":true,\"html\":true}", "choose one");
            assertRefused(node, "{\"path\":\"gone\",\"gone\":true}", "path must start with /");
            assertTrue(node.requestCounts().isEmpty(), "admin requests are not counted: " + node.requestCounts());
            assertAnswersNormally(node, node.rpcUri());
        }
    }

    @Test
    void requestsAreCountedByPathAndMethodOnArrival() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            node.setFaults("/gone", FaultPlan.NONE.withGone());
            post(at(node, "/gone/rpc/v0_10"), BLOCK_NUMBER);
            post(at(node, "/gone/rpc/v0_10"), "[" + request(1, "starknet_chainId", "{}") + "," + BLOCK_NUMBER + "]");
            post(at(node, "/gone/other"), request(1, "starknet_chainId", "{}"));
            post(node.rpcUri(), BLOCK_NUMBER);
            post(node.rpcUri(), request(1, "devnet_createBlock", "{}"));

            assertEquals(2, node.requests("/gone", "starknet_blockNumber"), "a fault answered them, yet they arrived");
            assertEquals(2, node.requests("/gone", "starknet_chainId"));
            assertEquals(1, node.requests("/gone/other", "starknet_chainId"));
            assertEquals(3, node.requests("/", "starknet_blockNumber"));
            assertEquals(0, node.requests("/", "devnet_createBlock"), "admin methods are not counted");
            assertEquals(0, node.requests("/nowhere", "starknet_blockNumber"));

            JsonNode counts = result(post(at(node, "/gone/rpc/v0_10"), request(9, "sandbox_requestCounts", "{}")));
            assertEquals(JSON.readTree("""
                    {"/gone/other": {"starknet_chainId": 1},
                     "/gone/rpc/v0_10": {"starknet_blockNumber": 2, "starknet_chainId": 1},
                     "/rpc/v0_10": {"starknet_blockNumber": 1}}
                    """), counts);
            assertEquals(Map.of("starknet_blockNumber", 1L), node.requestCounts().get("/rpc/v0_10"));
            assertFalse(counts.has("/nowhere"));
        }
    }

    private void assertAnswersNormally(SandboxNode node, URI uri) throws Exception {
        HttpResponse<String> ok = post(uri, BLOCK_NUMBER);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(node.blockNumber(), JSON.readTree(ok.body()).path("result").asLong(), ok.body());
    }

    private void assertRefused(SandboxNode node, String params, String because) throws Exception {
        JsonNode reply = JSON.readTree(post(node.rpcUri(), request(1, "sandbox_setFaults", params)).body());
        assertEquals(-32602, reply.path("error").path("code").asInt(), reply.toString());
        assertTrue(reply.path("error").path("data").asText().contains(because), reply.toString());
        assertEquals(FaultPlan.NONE, node.faults());
    }

    private void admin(SandboxNode node, String params) throws Exception {
        JsonNode reply = JSON.readTree(post(node.rpcUri(), request(1, "sandbox_setFaults", params)).body());
        assertTrue(reply.path("result").asBoolean(), reply.toString());
    }

    private static JsonNode result(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        JsonNode reply = JSON.readTree(response.body());
        assertTrue(reply.has("result"), reply.toString());
        return reply.get("result");
    }

    private static URI at(SandboxNode node, String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    private static String request(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
