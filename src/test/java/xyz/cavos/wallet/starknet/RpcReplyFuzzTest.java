package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import xyz.cavos.wallet.fuzz.Refusals;

/**
 * A node's reply as {@link RpcClient} reads it: the body (UTF-8 after the input's first byte, which picks the
 * request) parsed as JSON the way the client does, then the client's reading of one answer. The reading gives the
 * result or throws an {@link RpcException}: the node's own error ({@link RpcException.NodeError}, with the code it
 * sent) or a reply that does not have the expected shape ({@link RpcException.Transport}, malformed). Messages never
 * show the RPC URL's path, where providers put API keys.
 */
class RpcReplyFuzzTest {

    private static final String API_KEY = "k3y0f7h3pr0v1d3r";
    private static final RpcClient CLIENT = RpcClient.of(URI.create("http://127.0.0.1:9/rpc/v0_10/" + API_KEY));
    private static final Felt ADDRESS = Felt.parse("0x4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f");
    private static final List<RpcRequest<?>> REQUESTS = List.of(
            RpcRequest.specVersion(),
            RpcRequest.chainId(),
            RpcRequest.blockNumber(),
            RpcRequest.getBlockWithTxHashes(BlockId.PRE_CONFIRMED),
            RpcRequest.call(Call.of(ADDRESS, "balance_of", List.of(ADDRESS)), BlockId.LATEST),
            RpcRequest.getNonce(ADDRESS, BlockId.LATEST),
            RpcRequest.getClassHashAt(ADDRESS, BlockId.LATEST),
            RpcRequest.getStorageAt(ADDRESS, Felt.ONE, BlockId.LATEST),
            RpcRequest.estimateFee(List.of(), true, BlockId.LATEST),
            RpcRequest.addInvokeTransaction(InvokeV3.of(ADDRESS, List.of(), Felt.ZERO, ResourceBoundsMapping.ZERO, false)),
            RpcRequest.getTransactionReceipt(Felt.ONE),
            RpcRequest.getTransactionStatus(Felt.ONE),
            RpcRequest.getEvents(new EventFilter(BlockId.number(1), BlockId.LATEST, Optional.of(ADDRESS), List.of(), 100, Optional.empty())));

    @FuzzTest(maxDuration = "5m")
    void answer(byte[] input) {
        if (input.length == 0) {
            return;
        }
        RpcRequest<?> request = REQUESTS.get((input[0] & 0xFF) % REQUESTS.size());
        String body = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        JsonNode reply = NodeConnection.parseBody(body);
        if (reply == null) {
            return; // not JSON: the connection asks again, then reports a malformed reply
        }
        String shown = request.method() + " answered with " + body;
        AtomicReference<Object> result = new AtomicReference<>();
        RuntimeException refusal = Refusals.check(shown, () -> result.set(CLIENT.answer(request, reply)), RpcException.class);
        if (refusal == null) {
            assertNotNull(result.get(), shown);
            assertTrue(reply.has("result") && !reply.hasNonNull("error"), "a result only from a reply with one: " + shown);
            assertFollowsTheSpec(result.get(), shown);
            return;
        }
        String message = refusal.getMessage();
        assertFalse(message.contains(API_KEY) && !body.contains(API_KEY), "shows the RPC URL's path: " + message);
        assertTrue(message.contains(request.method()), "names the call: " + message);
        if (reply.isObject() && reply.hasNonNull("error")) {
            RpcException.NodeError error = (RpcException.NodeError) refusal;
            assertEquals(reply.get("error").path("code").asInt(), error.code(), "keeps the node's code");
        } else {
            assertEquals(RpcException.Transport.Kind.MALFORMED_RESPONSE, ((RpcException.Transport) refusal).kind(), message);
            // the safety net turns a slip of a parser into a malformed reply too; here it must be a rule that refused
            Throwable cause = refusal.getCause();
            assertFalse(cause instanceof NullPointerException || cause instanceof IndexOutOfBoundsException
                    || cause instanceof java.util.NoSuchElementException || cause instanceof ClassCastException,
                    "a parser slipped (" + cause + ") on " + shown);
        }
    }

    /** What the wallet shows of a reply: block numbers from 0 (as the spec has them), and the chain time as a date. */
    private static void assertFollowsTheSpec(Object result, String shown) {
        switch (result) {
            case Block block -> {
                assertTrue(block.blockNumber() >= 0, "block number " + block.blockNumber() + " from " + shown);
                assertTrue(block.timestamp() >= 0 && block.timestamp() <= Instant.MAX.getEpochSecond(),
                        "the chain time is shown as a date, timestamp " + block.timestamp() + " from " + shown);
            }
            case TransactionReceipt receipt ->
                    assertTrue(receipt.blockNumber() >= 0, "block number " + receipt.blockNumber() + " from " + shown);
            case EventsPage page -> page.events().forEach(event -> event.blockNumber().ifPresent(
                    number -> assertTrue(number >= 0, "block number " + number + " from " + shown)));
            case Long number -> assertTrue(number >= 0, "block number " + number + " from " + shown);
            default -> {
            }
        }
    }
}
