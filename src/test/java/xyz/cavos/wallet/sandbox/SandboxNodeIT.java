package xyz.cavos.wallet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SessionTransaction;
import xyz.cavos.wallet.cavos.StorageLayout;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Block;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.EventFilter;
import xyz.cavos.wallet.starknet.EventsPage;
import xyz.cavos.wallet.starknet.FeeEstimate;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcBatch;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.RpcRequest;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.SpecCheckingProxy;

/** The sandbox as a node: every method against the spec, concurrency, faults, persistence, the dashboard. */
class SandboxNodeIT {

    private static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyImplementedMethodAnswersWithinTheSpec() {
        try (SandboxNode node = SandboxNode.start(); SpecCheckingProxy proxy = new SpecCheckingProxy(node.rpcUri())) {
            RpcClient rpc = RpcClient.of(proxy.uri());
            SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
            SessionSender sender = new SessionSender(rpc, wallet.token());

            assertEquals("0.10.2", rpc.specVersion());
            assertEquals(SandboxNode.CHAIN_ID, rpc.chainId());
            Felt ok = sender.send(List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "2")));
            TransactionReceipt reverted = sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "500"));
            long latest = rpc.blockNumber();
            Block block = rpc.getBlockWithTxHashes(BlockId.LATEST);
            assertEquals(latest, block.blockNumber());
            assertEquals(List.of(reverted.transactionHash()), block.transactionHashes());
            assertEquals(block, rpc.getBlockWithTxHashes(BlockId.hash(block.blockHash().orElseThrow())));
            assertEquals(block, rpc.getBlockWithTxHashes(BlockId.number(latest)));
            Block pending = rpc.getBlockWithTxHashes(BlockId.PRE_CONFIRMED);
            assertTrue(pending.isPreConfirmed());
            assertEquals(latest + 1, pending.blockNumber());
            rpc.getBlockWithTxHashes(BlockId.L1_ACCEPTED);
            var missing = assertThrows(RpcException.NodeError.class, () -> rpc.getBlockWithTxHashes(BlockId.number(latest + 50)));
            assertTrue(missing.is(StarknetErrorCode.BLOCK_NOT_FOUND));

            assertEquals(xyz.cavos.wallet.cavos.CavosAccount.CLASS_HASH, rpc.getClassHashAt(wallet.address(), BlockId.LATEST));
            rpc.getClassHashAt(Token.STRK.address(), BlockId.LATEST);
            assertTrue(assertThrows(RpcException.NodeError.class, () -> rpc.getClassHashAt(RECIPIENT, BlockId.LATEST))
                    .is(StarknetErrorCode.CONTRACT_NOT_FOUND));
            StorageReader storage = new StorageReader(rpc);
            assertEquals(wallet.token().nonce(),
                    storage.at(wallet.address(), StorageLayout.session(wallet.token().sessionPublicKey()).nonce()));
            JsonNode epoch = storage.send(wallet.address(), StorageLayout.revocationEpoch(),
                    JSON.createObjectNode().put("block_number", 0), true);
            assertEquals("0x0", epoch.get("value").asText(), "a slot never written reads 0");
            assertEquals(0, epoch.get("last_update_block").asLong());
            assertEquals(Felt.ZERO, storage.at(Token.STRK.address(), Felt.ONE));
            assertTrue(assertThrows(RpcException.NodeError.class, () -> storage.at(RECIPIENT, Felt.ONE))
                    .is(StarknetErrorCode.CONTRACT_NOT_FOUND));
            assertEquals(Felt.of(3), rpc.getNonce(wallet.address(), BlockId.PRE_CONFIRMED));
            assertTrue(assertThrows(RpcException.NodeError.class, () -> rpc.getNonce(RECIPIENT, BlockId.LATEST))
                    .is(StarknetErrorCode.CONTRACT_NOT_FOUND));

            assertTrue(rpc.getTransactionStatus(ok).isAccepted());
            assertTrue(rpc.getTransactionStatus(reverted.transactionHash()).isReverted());
            assertTrue(rpc.getTransactionReceipt(ok).isSucceeded());
            assertTrue(assertThrows(RpcException.NodeError.class, () -> rpc.getTransactionReceipt(Felt.of(77)))
                    .is(StarknetErrorCode.TXN_HASH_NOT_FOUND));

            assertEquals(List.of(Felt.of(18)), rpc.call(Call.of(Token.STRK.address(), "decimals", List.of()), BlockId.LATEST));
            assertEquals(List.of(Felt.fromShortString("USDC")), rpc.call(Call.of(Token.USDC.address(), "symbol", List.of()), BlockId.LATEST));
            assertTrue(assertThrows(RpcException.NodeError.class,
                    () -> rpc.call(Call.of(Token.STRK.address(), "no_such_entry_point", List.of()), BlockId.LATEST))
                    .is(StarknetErrorCode.ENTRYPOINT_NOT_FOUND));
            var panic = assertThrows(RpcException.NodeError.class,
                    () -> rpc.call(CavosAccount.revokeSession(wallet.address(), wallet.token().sessionPublicKey()), BlockId.LATEST));
            assertTrue(panic.is(StarknetErrorCode.CONTRACT_ERROR));
            assertEquals(Optional.of(RevertReason.ONLY_SELF_REVOKE_SESSION), RevertReason.find(panic.revertReason().orElseThrow()));
            List<Felt> quote = rpc.call(Call.of(SandboxNode.DEMO_SWAP, "get_quote",
                    List.of(Token.STRK.address(), Felt.of(BigInteger.TEN.pow(18)), Felt.ZERO, Token.USDC.address())), BlockId.LATEST);
            assertEquals(U256.parseAmount("0.5", 6), U256.ofParts(quote.get(0), quote.get(1)), "1 STRK quotes 0.5 USDC");

            Felt nonce = rpc.getNonce(wallet.address(), BlockId.LATEST);
            List<Call> transfer = List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1"));
            FeeEstimate estimate = rpc.estimateFee(List.of(SessionTransaction.estimateQuery(wallet.token(), nonce, transfer)), true,
                    BlockId.PRE_CONFIRMED).getFirst();
            assertTrue(estimate.overallFee().signum() > 0);
            assertEquals("FRI", estimate.unit());
            FeeEstimate validated = rpc.estimateFee(List.of(SessionTransaction.signQuery(wallet.token(), SandboxNode.CHAIN_ID, nonce,
                    transfer, SessionSender.BOUNDS)), false, BlockId.LATEST).getFirst();
            assertTrue(validated.l2GasConsumed().signum() > 0);
            var resigned = assertThrows(RpcException.NodeError.class, () -> rpc.estimateFee(List.of(SessionTransaction.sign(
                    wallet.token(), SandboxNode.CHAIN_ID, nonce, transfer, SessionSender.BOUNDS).asQuery(true)), false, BlockId.LATEST));
            assertEquals(Optional.of(RevertReason.INVALID_SESSION_SIGNATURE), RevertReason.find(resigned.revertReason().orElseThrow()),
                    "a signature over the executable hash does not validate a query");
            var overLimit = assertThrows(RpcException.NodeError.class, () -> rpc.estimateFee(List.of(SessionTransaction.estimateQuery(
                    wallet.token(), nonce, List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "99")))), true, BlockId.LATEST));
            assertTrue(overLimit.is(StarknetErrorCode.TRANSACTION_EXECUTION_ERROR));
            assertEquals(Optional.of(RevertReason.SPENDING_LIMIT_EXCEEDED), RevertReason.find(overLimit.revertReason().orElseThrow()));

            EventFilter registrations = new EventFilter(BlockId.number(0), BlockId.LATEST, Optional.of(wallet.address()),
                    List.of(List.of(CavosAccount.SESSION_REGISTERED)), 1, Optional.empty());
            node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.demo());
            EventsPage first = rpc.getEvents(registrations);
            assertEquals(1, first.events().size());
            assertEquals(wallet.token().sessionPublicKey(), first.events().getFirst().data().getFirst());
            EventsPage second = rpc.getEvents(registrations.next(first.continuationToken().orElseThrow()));
            assertEquals(1, second.events().size());
            assertTrue(second.continuationToken().isEmpty());

            var empty = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            JsonNode hashAndNumber = rpc.send(RpcRequest.custom("starknet_blockHashAndNumber", empty, false));
            Block now = rpc.getBlockWithTxHashes(BlockId.LATEST);
            assertEquals(now.blockHash().orElseThrow().toHex(), hashAndNumber.get("block_hash").asText());
            assertEquals(now.blockNumber(), hashAndNumber.get("block_number").asLong());
            assertFalse(rpc.send(RpcRequest.custom("starknet_syncing", empty, false)).asBoolean());
            JsonNode count = rpc.send(RpcRequest.custom("starknet_getBlockTransactionCount",
                    empty.deepCopy().put("block_id", "latest"), false));
            assertEquals(1, count.asInt());

            RpcBatch batch = rpc.newBatch();
            batch.add(RpcRequest.blockNumber());
            batch.add(RpcRequest.call(CavosAccount.getSession(wallet.address(), wallet.token().sessionPublicKey()), BlockId.LATEST));
            batch.send();

            assertEquals(List.of(), proxy.specProblems());
            assertEquals(Set.of("starknet_specVersion", "starknet_chainId", "starknet_blockNumber", "starknet_getBlockWithTxHashes",
                    "starknet_getClassHashAt", "starknet_getStorageAt", "starknet_getNonce", "starknet_getTransactionStatus",
                    "starknet_getTransactionReceipt",
                    "starknet_call", "starknet_estimateFee", "starknet_addInvokeTransaction", "starknet_getEvents",
                    "starknet_blockHashAndNumber", "starknet_syncing", "starknet_getBlockTransactionCount"), proxy.methodsChecked());
        }
    }

    @Test
    void theDashboardsTokenMatchesTheSessionOnChain() {
        try (SandboxNode node = SandboxNode.start()) {
            SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
            SessionToken token = SessionToken.decode(wallet.token().encode());
            RpcClient rpc = RpcClient.of(node.rpcUri());
            OnChainSession session = OnChainSession.parse(rpc.call(CavosAccount.getSession(wallet.address(), token.sessionPublicKey()), BlockId.LATEST));
            assertEquals(token.nonce(), session.nonce());
            assertEquals(token.validUntil(), session.validUntil());
            assertEquals(token.validUntil() + CavosAccount.RENEWAL_GRACE_SECONDS, session.renewalDeadline());
            assertEquals(token.effectivePolicy().allowedContractsRoot(), session.allowedContractsRoot());
            assertEquals(5, session.maxCallsPerTx());
            assertEquals(Optional.of("sandbox"), token.network());
            assertEquals(Optional.of(node.rpcUri().toString()), token.rpcUrl());
            assertEquals(U256.parseAmount("1000", 18).value(), node.balanceOf(wallet.address(), Token.STRK));
            assertEquals(U256.parseAmount("250", 6).value(), node.balanceOf(wallet.address(), Token.USDC));
        }
    }

    @Test
    void twoClientsOnOneSessionCannotTogetherExceedTheLimit() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
            ExecutorService devices = Executors.newFixedThreadPool(2);
            List<Callable<List<TransactionReceipt>>> work = new ArrayList<>();
            for (int device = 0; device < 2; device++) {
                // each device decodes the same exported token and has its own connection
                SessionSender sender = new SessionSender(RpcClient.of(node.rpcUri()), SessionToken.decode(wallet.token().encode()));
                work.add(() -> {
                    List<TransactionReceipt> receipts = new ArrayList<>();
                    while (receipts.size() < 8) {
                        try {
                            receipts.add(sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "15")));
                        } catch (RpcException.NodeError e) {
                            if (!e.is(StarknetErrorCode.INVALID_TRANSACTION_NONCE)) {
                                throw e; // the other device took this nonce: fetch a fresh one and try again
                            }
                        }
                    }
                    return receipts;
                });
            }
            List<TransactionReceipt> all = new ArrayList<>();
            for (Future<List<TransactionReceipt>> f : devices.invokeAll(work)) {
                all.addAll(f.get());
            }
            devices.shutdown();
            long succeeded = all.stream().filter(TransactionReceipt::isSucceeded).count();
            assertEquals(6, succeeded, "6 × 15 = 90 fits in 100 STRK; a 7th would not");
            assertTrue(all.stream().filter(r -> !r.isSucceeded())
                    .allMatch(r -> RevertReason.find(r.revertReason().orElseThrow()).equals(Optional.of(RevertReason.SPENDING_LIMIT_EXCEEDED))));
            assertEquals(U256.parseAmount("90", 18).value(), node.balanceOf(RECIPIENT, Token.STRK));
        }
    }

    @Test
    void injectedFaultsLookLikeAFlakyProviderAndCanBeSwitchedOff() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            HttpClient http = HttpClient.newHttpClient();
            node.setFaults(new FaultPlan(0, 1, 0, 0, 0));
            assertEquals(429, post(http, node.rpcUri(), "starknet_blockNumber").statusCode());
            node.setFaults(new FaultPlan(0, 0, 1, 0, 0));
            assertEquals(500, post(http, node.rpcUri(), "starknet_blockNumber").statusCode());
            node.setFaults(new FaultPlan(0, 0, 0, 1, 0));
            HttpResponse<String> garbled = post(http, node.rpcUri(), "starknet_blockNumber");
            assertEquals(200, garbled.statusCode());
            assertThrows(Exception.class, () -> JSON.readTree(garbled.body()));
            node.setFaults(new FaultPlan(0, 0, 0, 0, 1));
            assertThrows(java.io.IOException.class, () -> post(http, node.rpcUri(), "starknet_blockNumber"));
            assertEquals(200, post(http, node.rpcUri(), "devnet_createBlock").statusCode(), "admin methods are never faulted");

            node.setFaults(FaultPlan.latency(300));
            long start = System.nanoTime();
            post(http, node.rpcUri(), "starknet_blockNumber");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);

            // A retrying client gets through a provider that fails a third of the time.
            node.setFaults(new FaultPlan(0, 0.1, 0.1, 0.1, 0.03));
            RpcClient patient = RpcClient.builder(node.rpcUri()).maxRetries(8).initialBackoff(Duration.ofMillis(1)).build();
            for (int i = 0; i < 30; i++) {
                assertEquals(SandboxNode.CHAIN_ID, patient.chainId());
            }

            JsonNode reply = JSON.readTree(post(http, node.rpcUri(), "sandbox_setFaults").body());
            assertTrue(reply.path("result").asBoolean(), reply.toString());
            assertEquals(FaultPlan.NONE, node.faults());
            assertEquals(200, post(http, node.rpcUri(), "starknet_blockNumber").statusCode());
        }
    }

    @Test
    void stateSurvivesARestartAndCanBeDumpedAndLoaded(@TempDir Path dir) {
        Path state = dir.resolve("sandbox.json");
        SandboxDashboard.DemoWallet wallet;
        long blocks;
        try (SandboxNode node = SandboxNode.start(new SandboxNode.Options(0, Optional.of(state)))) {
            wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
            new SessionSender(RpcClient.of(node.rpcUri()), wallet.token()).sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "3"));
            blocks = node.blockNumber();
        }
        assertTrue(Files.exists(state));
        try (SandboxNode again = SandboxNode.start(new SandboxNode.Options(0, Optional.of(state)))) {
            RpcClient rpc = RpcClient.of(again.rpcUri());
            assertEquals(blocks, again.blockNumber());
            SessionSender sender = new SessionSender(rpc, wallet.token());
            assertEquals(U256.parseAmount("3", 18), sender.spent(Token.STRK));
            assertTrue(sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1")).isSucceeded(),
                    "the session still works after the restart");
            assertEquals(U256.parseAmount("4", 18).value(), again.balanceOf(RECIPIENT, Token.STRK));

            Path dump = dir.resolve("dump.json");
            again.dumpTo(dump);
            sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1"));
            again.loadFrom(dump);
            assertEquals(U256.parseAmount("4", 18).value(), again.balanceOf(RECIPIENT, Token.STRK), "back to the dumped state");
        }
        try (SandboxNode other = SandboxNode.start()) {
            Path notAState = dir.resolve("junk.json");
            assertThrows(IllegalArgumentException.class, () -> {
                Files.writeString(notAState, "{\"hello\":1}");
                other.loadFrom(notAState);
            });
        }
    }

    @Test
    void devnetTimeMethodsMoveChainTime() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            HttpClient http = HttpClient.newHttpClient();
            long before = node.chainTime();
            JsonNode increased = JSON.readTree(post(http, node.rpcUri(), "devnet_increaseTime", "{\"time\":3600}").body());
            assertEquals(3600, increased.path("result").path("timestamp_increased_by").asLong(), increased.toString());
            assertTrue(node.chainTime() >= before + 3600);
            JsonNode set = JSON.readTree(post(http, node.rpcUri(), "devnet_setTime", "{\"time\":2000000000}").body());
            assertEquals(2000000000L, set.path("result").path("block_timestamp").asLong(), set.toString());
            assertEquals(2000000000L, RpcClient.of(node.rpcUri()).getBlockWithTxHashes(BlockId.LATEST).timestamp());
            JsonNode minted = JSON.readTree(post(http, node.rpcUri(), "devnet_mint",
                    "{\"address\":\"" + RECIPIENT.toHex() + "\",\"amount\":5000,\"unit\":\"WEI\"}").body());
            assertEquals("5000", minted.path("result").path("new_balance").asText(), minted.toString());
            assertEquals(BigInteger.valueOf(5000), node.balanceOf(RECIPIENT, Token.ETH));
            JsonNode unknown = JSON.readTree(post(http, node.rpcUri(), "starknet_getStorageProof").body());
            assertEquals(-32601, unknown.path("error").path("code").asInt());
        }
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, String method) throws Exception {
        return post(http, uri, method, "{}");
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
