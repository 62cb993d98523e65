package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.testing.ScriptedNode;
import xyz.cavos.wallet.testing.ScriptedNode.Fault;

/** The RPC client against a loopback node that checks every request and reply against the 0.10.2 schemas. */
class RpcClientIT {

    private static final Felt WALLET = Felt.parse("0x4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f");
    private static final Felt STRK = Felt.parse("0x04718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d");
    private static final Felt TX = Felt.parse("0x36da3c0f33d0d6849c0425c2fc637b69354eaf566ea235106ebd3c761754ad7");

    private final ScriptedNode node = new ScriptedNode();
    private final RpcClient client = RpcClient.builder(node.uri())
            .initialBackoff(Duration.ofMillis(5))
            .requestTimeout(Duration.ofSeconds(5))
            .build();

    @AfterEach
    void everythingOnTheWireMatchedTheSpec() {
        try {
            assertEquals(List.of(), node.specProblems());
        } finally {
            node.close();
        }
    }

    @Test
    void readsSendSpecParamsAndParseTheReplies() {
        node.answer("starknet_specVersion", "\"0.10.2\"")
                .answer("starknet_chainId", "\"0x534e5f5345504f4c4941\"")
                .answer("starknet_blockNumber", "812345")
                .answer("starknet_getBlockWithTxHashes", TestResources.json("rpc/block-latest.json").toString())
                .answer("starknet_call", "[\"0x56bc75e2d63100000\", \"0x0\"]")
                .answer("starknet_getNonce", "\"0x2a\"")
                .answer("starknet_getClassHashAt", "\"0x44da9541701ddd2f9ff59be13f7ef10d41577f6a828b41ff1931109faf2b984\"")
                .answer("starknet_getTransactionStatus", "{\"finality_status\":\"ACCEPTED_ON_L2\",\"execution_status\":\"SUCCEEDED\"}")
                .answer("starknet_getEvents", TestResources.json("rpc/events.json").toString());

        assertEquals("0.10.2", client.specVersion());
        assertEquals(Felt.fromShortString("SN_SEPOLIA"), client.chainId());
        assertEquals(812345L, client.blockNumber());

        Block block = client.getBlockWithTxHashes(BlockId.LATEST);
        assertEquals(812345L, block.blockNumber());
        assertEquals(1770800000L, block.timestamp());
        assertEquals(new BigInteger("2cb417800", 16), block.l2GasPrice());
        assertEquals(2, block.transactionHashes().size());
        assertFalse(block.isPreConfirmed());
        client.getBlockWithTxHashes(BlockId.number(812345));
        client.getBlockWithTxHashes(BlockId.hash(block.blockHash().orElseThrow()));

        List<Felt> balance = client.call(Call.of(STRK, "balanceOf", List.of(WALLET)), BlockId.LATEST);
        assertEquals(U256.parseAmount("100", 18), U256.ofParts(balance.get(0), balance.get(1)));
        assertEquals(Felt.of(42), client.getNonce(WALLET, BlockId.PRE_CONFIRMED));
        assertEquals(Felt.parse("0x44da9541701ddd2f9ff59be13f7ef10d41577f6a828b41ff1931109faf2b984"),
                client.getClassHashAt(WALLET, BlockId.L1_ACCEPTED));

        TransactionStatus status = client.getTransactionStatus(TX);
        assertTrue(status.isAccepted());
        assertFalse(status.isReverted());

        EventsPage page = client.getEvents(new EventFilter(BlockId.number(0), BlockId.LATEST, Optional.of(WALLET),
                List.of(List.of(Selector.of("SessionRegistered"))), 1000, Optional.empty()));
        assertEquals(1, page.events().size());
        assertEquals(Selector.of("SessionRegistered"), page.events().getFirst().keys().getFirst());
        assertEquals(Optional.of("812346-0"), page.continuationToken());
        client.getEvents(new EventFilter(BlockId.number(0), BlockId.LATEST, Optional.of(WALLET),
                List.of(), 1000, Optional.empty()).next(page.continuationToken().orElseThrow()));

        assertEquals(List.of("starknet_specVersion", "starknet_chainId", "starknet_blockNumber",
                "starknet_getBlockWithTxHashes", "starknet_getBlockWithTxHashes", "starknet_getBlockWithTxHashes",
                "starknet_call", "starknet_getNonce", "starknet_getClassHashAt", "starknet_getTransactionStatus",
                "starknet_getEvents", "starknet_getEvents"), node.methodsSeen());
    }

    @Test
    void receiptsCarryFeeOutcomeAndEvents() {
        node.answer("starknet_getTransactionReceipt", params ->
                params.get("transaction_hash").asText().equals(TX.toHex())
                        ? TestResources.json("rpc/receipt-succeeded.json")
                        : TestResources.json("rpc/receipt-reverted.json"));

        TransactionReceipt ok = client.getTransactionReceipt(TX);
        assertTrue(ok.isSucceeded());
        assertEquals(new BigInteger("2386f26fc10000", 16), ok.actualFee());
        assertEquals("FRI", ok.feeUnit());
        assertEquals(1, ok.events().size());

        TransactionReceipt reverted = client.getTransactionReceipt(Felt.parse("0xd86a9f61dc3f16128c3a1111d449ada21384a674bd71c560f3b79c6bc19186"));
        assertFalse(reverted.isSucceeded());
        assertTrue(reverted.revertReason().orElseThrow().contains("Spending limit exceeded"));
        assertTrue(reverted.blockHash().isEmpty(), "a pre-confirmed receipt has no block hash");
    }

    @Test
    void estimateAndSubmitAnInvokeV3() {
        node.answer("starknet_estimateFee", TestResources.json("rpc/fee-estimate.json").toString())
                .answer("starknet_addInvokeTransaction", "{\"transaction_hash\":\"" + TX.toHex() + "\"}");

        InvokeV3 query = sampleTransfer(true);
        FeeEstimate estimate = client.estimateFee(List.of(query), true, BlockId.PRE_CONFIRMED).getFirst();
        assertEquals(new BigInteger("f4240", 16), estimate.l2GasConsumed());
        assertEquals(new BigInteger("aa9b3c6a9d5d000", 16), estimate.overallFee());

        Felt hash = client.addInvokeTransaction(sampleTransfer(false));
        assertEquals(TX, hash);
    }

    @Test
    void aBatchIsOneRoundTripAndKeepsErrorsPerCall() {
        node.answer("starknet_blockNumber", "812345")
                .answer("starknet_getNonce", "\"0x7\"")
                .answer("starknet_getBlockWithTxHashes", TestResources.json("rpc/block-latest.json").toString())
                .error("starknet_call", 40, "Contract error",
                        "{\"revert_error\":{\"contract_address\":\"0x4a1b\",\"class_hash\":\"0x44da\",\"selector\":\"0x1e5c\",\"error\":\"Session not registered\"}}");

        RpcBatch batch = client.newBatch();
        RpcBatch.Result<Long> number = batch.add(RpcRequest.blockNumber());
        RpcBatch.Result<Felt> nonce = batch.add(RpcRequest.getNonce(WALLET, BlockId.LATEST));
        RpcBatch.Result<Block> block = batch.add(RpcRequest.getBlockWithTxHashes(BlockId.LATEST));
        RpcBatch.Result<List<Felt>> session = batch.add(RpcRequest.call(Call.of(WALLET, "get_session", List.of(Felt.ONE)), BlockId.LATEST));
        long before = client.roundTrips();
        batch.send();

        assertEquals(1, client.roundTrips() - before);
        assertEquals(1, node.httpRequests());
        assertEquals(812345L, number.get());
        assertEquals(Felt.of(7), nonce.get());
        assertEquals(1770800000L, block.get().timestamp());
        assertTrue(session.isError());
        var error = assertThrows(RpcException.NodeError.class, session::get);
        assertEquals(Optional.of("Session not registered"), error.revertReason());
        assertEquals(Optional.of(StarknetErrorCode.CONTRACT_ERROR), error.starknetCode());
    }

    @Test
    void nodeErrorsKeepCodeMessageDataAndRevertReason() {
        node.error("starknet_estimateFee", 41, "Transaction execution error",
                "{\"transaction_index\":0,\"execution_error\":{\"contract_address\":\"0x4a1b\",\"class_hash\":\"0x44da\","
                        + "\"selector\":\"0x15d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad\","
                        + "\"error\":{\"contract_address\":\"0x4718\",\"class_hash\":\"0x1\",\"selector\":\"0x83afd3\",\"error\":\"Session expired\"}}}")
                .error("starknet_addInvokeTransaction", 55, "Account validation failed", "\"Invalid session key signature\"");

        var estimate = assertThrows(RpcException.NodeError.class,
                () -> client.estimateFee(List.of(sampleTransfer(true)), true, BlockId.LATEST));
        assertEquals(41, estimate.code());
        assertTrue(estimate.is(StarknetErrorCode.TRANSACTION_EXECUTION_ERROR));
        assertEquals("Transaction execution error", estimate.nodeMessage());
        assertEquals(0, estimate.data().get("transaction_index").asInt());
        assertEquals(Optional.of("Session expired"), estimate.revertReason());
        assertTrue(estimate.getMessage().contains("Session expired"), estimate.getMessage());

        var submit = assertThrows(RpcException.NodeError.class, () -> client.addInvokeTransaction(sampleTransfer(false)));
        assertEquals(Optional.of("Invalid session key signature"), submit.revertReason());
        assertEquals(1, node.httpRequests() - 1, "a node error on a write is not retried");
    }

    @Test
    void aJsonRpcErrorSentWithHttp500IsTheNodesError() {
        node.answer("starknet_blockNumber", "1").fault(Fault.RPC_ERROR_WITH_HTTP_500, 1);
        var error = assertThrows(RpcException.NodeError.class, client::blockNumber);
        assertEquals(63, error.code());
        assertEquals(Optional.of("node overloaded"), error.revertReason());
    }

    @Test
    void aProvidersRateLimitWithAJsonRpcBodyIsARateLimitNotTheNodesError() {
        node.answer("starknet_blockNumber", "7").fault(Fault.RPC_ERROR_WITH_HTTP_429, 10);
        var error = assertThrows(RpcException.Transport.class, client::blockNumber);
        assertEquals(429, error.httpStatus().orElseThrow());
        assertTrue(error.getMessage().contains("compute units per second"), error.getMessage());
        assertEquals(4, node.httpRequests(), "retried like any other 429, then given up");
    }

    @Test
    void readsRetryOnRateLimitsServerErrorsDropsAndGarbledReplies() {
        node.answer("starknet_blockNumber", "812345")
                .fault(Fault.HTTP_429, 1).fault(Fault.HTTP_503, 1).fault(Fault.DROP_CONNECTION, 1);
        assertEquals(812345L, client.blockNumber());
        assertEquals(4, node.httpRequests());

        node.fault(Fault.NOT_JSON, 1);
        assertEquals(812345L, client.blockNumber());
        assertEquals(6, node.httpRequests());
    }

    @Test
    void aPlainHttpNodeThatRedirectsIsNamedNotFollowed() {
        node.answer("starknet_blockNumber", "1").fault(Fault.REDIRECT_TO_HTTPS, 1);
        var error = assertThrows(RpcException.Transport.class, client::blockNumber);
        assertTrue(error.getMessage().contains("HTTP 301 (a redirect)"), error.getMessage());
        assertTrue(error.getMessage().contains("https://"), error.getMessage());
        assertEquals(1, node.httpRequests());
    }

    @Test
    void readsGiveUpAfterTheRetriesWithAClearMessage() {
        node.answer("starknet_blockNumber", "1").fault(Fault.HTML_502, 10);
        var error = assertThrows(RpcException.Transport.class, client::blockNumber);
        assertEquals(RpcException.Transport.Kind.HTTP_STATUS, error.kind());
        assertEquals(502, error.httpStatus().orElseThrow());
        assertEquals(4, node.httpRequests(), "one try and three retries");
        assertTrue(error.getMessage().contains("HTTP 502"), error.getMessage());
        assertTrue(error.getMessage().contains("try again later"), error.getMessage());
    }

    @Test
    void writesAreSentExactlyOnce() {
        node.answer("starknet_addInvokeTransaction", "{\"transaction_hash\":\"0x1\"}").fault(Fault.HTTP_503, 1);
        var error = assertThrows(RpcException.Transport.class, () -> client.addInvokeTransaction(sampleTransfer(false)));
        assertEquals(1, node.httpRequests());
        assertTrue(error.maybeDelivered(), "the caller must track the transaction before resending");

        node.fault(Fault.DROP_CONNECTION, 1);
        assertThrows(RpcException.Transport.class, () -> client.addInvokeTransaction(sampleTransfer(false)));
        assertEquals(2, node.httpRequests());
    }

    @Test
    void aBatchWithAWriteIsNotRetried() {
        node.answer("starknet_getNonce", "\"0x1\"").fault(Fault.HTTP_503, 1);
        RpcBatch batch = client.newBatch();
        batch.add(RpcRequest.getNonce(WALLET, BlockId.LATEST));
        batch.add(RpcRequest.addInvokeTransaction(sampleTransfer(false)));
        assertThrows(RpcException.Transport.class, batch::send);
        assertEquals(1, node.httpRequests());
    }

    @Test
    void aSlowNodeTimesOut() {
        RpcClient impatient = RpcClient.builder(node.uri()).requestTimeout(Duration.ofMillis(200)).build();
        node.answer("starknet_blockNumber", "1").delay(1500);
        var error = assertThrows(RpcException.Transport.class, impatient::blockNumber);
        assertEquals(RpcException.Transport.Kind.TIMEOUT, error.kind());
        assertTrue(error.getMessage().contains("did not answer"), error.getMessage());
    }

    @Test
    void anUnreachableNodeSaysWhatToCheckAndHidesTheUrlPath() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RpcClient offline = RpcClient.builder(URI.create("http://127.0.0.1:" + port + "/starknet/v0_10/SECRET-API-KEY"))
                .initialBackoff(Duration.ofMillis(1)).build();
        var error = assertThrows(RpcException.Transport.class, offline::chainId);
        assertEquals(RpcException.Transport.Kind.UNREACHABLE, error.kind());
        assertFalse(error.maybeDelivered());
        assertTrue(error.getMessage().contains("http://127.0.0.1:" + port), error.getMessage());
        assertTrue(error.getMessage().contains("Check the RPC URL"), error.getMessage());
        assertFalse(error.getMessage().contains("cavos "), error.getMessage());
        assertFalse(error.getMessage().contains("SECRET-API-KEY"), error.getMessage());
        assertEquals("http://127.0.0.1:" + port, offline.endpointForDisplay());
    }

    @Test
    void aReplyOfTheWrongShapeIsMalformedNotACrash() {
        try (ScriptedNode offSpec = new ScriptedNode()) {
            offSpec.answer("starknet_getNonce", "{\"unexpected\":true}");
            var error = assertThrows(RpcException.Transport.class,
                    () -> RpcClient.of(offSpec.uri()).getNonce(WALLET, BlockId.LATEST));
            assertEquals(RpcException.Transport.Kind.MALFORMED_RESPONSE, error.kind());
            assertEquals(1, offSpec.specProblems().size(), "the scripted node itself noticed the off-spec reply");
        }
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        var error = assertThrows(InvalidValueException.class, () -> RpcClient.of(URI.create("ftp://example.org/rpc")));
        assertTrue(error.getMessage().contains("not an http(s) URL"), error.getMessage());
    }

    private static InvokeV3 sampleTransfer(boolean query) {
        Felt recipient = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
        List<Felt> data = new java.util.ArrayList<>(List.of(recipient));
        data.addAll(U256.parseAmount("1.5", 18).toCalldata());
        InvokeV3 tx = InvokeV3.of(WALLET, List.of(Call.of(STRK, "transfer", data)), Felt.of(42),
                new ResourceBoundsMapping(ResourceBounds.of(0, 50_000_000_000_000L),
                        ResourceBounds.of(2_000_000, 12_000_000_000L), ResourceBounds.of(1024, 100_000_000L)), query);
        Felt key = Felt.parse("0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcde");
        StarkCurve.Signature signature = StarkCurve.sign(key, tx.hash(Felt.fromShortString("SN_SEPOLIA")));
        return tx.withSignature(List.of(signature.r(), signature.s()));
    }
}
