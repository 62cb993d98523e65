package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.testing.ScriptedNode;
import xyz.cavos.wallet.testing.ScriptedNode.Fault;

/**
 * Nodes that misbehave on purpose: a body that stalls halfway, a body of many megabytes, a felt of millions of digits,
 * too few values, a host that does not exist. Each ends in a clear error within the request's deadline.
 * The {@code assertTimeoutPreemptively} bounds are generous guards against a hang, not measurements.
 */
class HostileNodeIT {

    private final ScriptedNode node = new ScriptedNode();
    private final RpcClient client = RpcClient.builder(node.uri())
            .initialBackoff(Duration.ofMillis(5))
            .requestTimeout(Duration.ofSeconds(2))
            .build();

    @AfterEach
    void close() {
        client.close();
        node.close();
    }

    @Test
    void aBodyThatStallsHalfwayIsCutOffAtTheDeadline() {
        node.answer("starknet_blockNumber", "1").fault(Fault.STALL_MID_BODY, 1);
        var error = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(RpcException.Transport.class, client::blockNumber));
        assertEquals(RpcException.Transport.Kind.TIMEOUT, error.kind());
        assertTrue(error.getMessage().contains("did not answer starknet_blockNumber within 2 s"), error.getMessage());
        assertEquals(1, node.httpRequests(), "a timed-out exchange is not tried again");
    }

    @Test
    void aBodyOfMegabytesIsDroppedUnread() {
        node.answer("starknet_blockNumber", "1").fault(Fault.HUGE_BODY, 1);
        var error = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(RpcException.Transport.class, client::blockNumber));
        assertEquals(RpcException.Transport.Kind.MALFORMED_RESPONSE, error.kind());
        assertTrue(error.getMessage().contains("more than 8 MB"), error.getMessage());
        assertEquals(1, node.httpRequests(), "not asked again");
    }

    @Test
    void aFeltOfMillionsOfDigitsIsRefusedByItsLength() {
        node.answer("starknet_getNonce", "\"0x" + "1".repeat(2_000_000) + "\"");
        var error = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(RpcException.Transport.class, () -> client.getNonce(Felt.ONE, BlockId.LATEST)));
        assertEquals(RpcException.Transport.Kind.MALFORMED_RESPONSE, error.kind());
        assertTrue(error.getMessage().contains("is too long"), error.getMessage());
        assertTrue(error.getMessage().length() < 400, "the value is quoted shortened");
    }

    @Test
    void tooFewOrTooManyValuesAreTheNodesFaultNotAnUnexpectedError() {
        node.answer("starknet_estimateFee", "[]");
        InvokeV3 query = sample();
        var error = assertThrows(RpcException.Transport.class, () -> client.estimateFee(List.of(query), true, BlockId.LATEST));
        assertTrue(error.getMessage().contains("expected 1 fee estimates, got 0"), error.getMessage());

        node.answer("starknet_getBlockWithTxHashes", "{\"block_number\": 1}");
        var block = assertThrows(RpcException.Transport.class, () -> client.getBlockWithTxHashes(BlockId.LATEST));
        assertTrue(block.getMessage().contains("does not have the expected shape"), block.getMessage());
        for (RpcException e : List.of(error, block)) {
            assertFalse(e.getMessage().matches(".*[A-Z][a-z]+(Exception|Error)\\b.*"), "no class name: " + e.getMessage());
        }
    }

    @Test
    void aHostThatDoesNotResolveIsNamedAsSuch() {
        RpcClient nowhere = RpcClient.builder(URI.create("http://no-such-host.invalid:5050/rpc/v0_10")).initialBackoff(Duration.ofMillis(1))
                .requestTimeout(Duration.ofSeconds(10)).build();
        var error = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(RpcException.Transport.class, nowhere::chainId));
        assertEquals(RpcException.Transport.Kind.UNREACHABLE, error.kind());
        assertTrue(error.getMessage().contains("no-such-host.invalid") && error.getMessage().contains("does not resolve"), error.getMessage());
        assertFalse(error.getMessage().contains("refused"), error.getMessage());
    }

    @Test
    void aWriteRefusedWith429NeverReachedTheNodeButA5xxMayHave() {
        InvokeV3 tx = sample();
        node.answer("starknet_addInvokeTransaction", "{\"transaction_hash\":\"0x1\"}").fault(Fault.HTTP_429, 1);
        var refused = assertThrows(RpcException.Transport.class, () -> client.addInvokeTransaction(tx));
        assertFalse(refused.maybeDelivered(), "a provider's 429 is a refusal before the node");
        node.fault(Fault.HTTP_503, 1);
        var unknown = assertThrows(RpcException.Transport.class, () -> client.addInvokeTransaction(tx));
        assertTrue(unknown.maybeDelivered(), "a server error may come after the node took it");
    }

    @Test
    void aWritesAnswerThatCannotBeReadOrAGatewaysErrorMayMeanTheNodeTookIt() {
        InvokeV3 tx = sample();
        node.answer("starknet_addInvokeTransaction", "{}");
        var unreadable = assertThrows(RpcException.Transport.class, () -> client.addInvokeTransaction(tx));
        assertEquals(RpcException.Transport.Kind.MALFORMED_RESPONSE, unreadable.kind());
        assertTrue(unreadable.maybeDelivered(), "an answer that cannot be read is no proof that nothing arrived");

        node.answer("starknet_addInvokeTransaction", "{\"transaction_hash\":\"0x1\"}").fault(Fault.GATEWAY_ERROR_WITH_HTTP_500, 1);
        var gateway = assertThrows(RpcException.Transport.class, () -> client.addInvokeTransaction(tx));
        assertTrue(gateway.maybeDelivered(), "a gateway's generic error may come after the node took it");
        assertTrue(gateway.getMessage().contains("upstream request timed out"), gateway.getMessage());

        node.fault(Fault.RPC_ERROR_WITH_HTTP_500, 1);
        var starknet = assertThrows(RpcException.NodeError.class, () -> client.addInvokeTransaction(tx));
        assertEquals(63, starknet.code(), "a Starknet error is the node's answer, whatever the status");

        node.fault(Fault.GATEWAY_ERROR_WITH_HTTP_500, 1);
        var read = assertThrows(RpcException.NodeError.class, () -> client.getNonce(Felt.ONE, BlockId.LATEST));
        assertEquals(-32603, read.code(), "for a read, the node's words win as before");
    }

    private static InvokeV3 sample() {
        return InvokeV3.of(Felt.ONE, List.of(Call.of(Felt.ONE, "transfer", List.of())), Felt.ONE,
                new ResourceBoundsMapping(ResourceBounds.of(0, 1), ResourceBounds.of(1, 1), ResourceBounds.of(1, 1)), false);
    }
}
