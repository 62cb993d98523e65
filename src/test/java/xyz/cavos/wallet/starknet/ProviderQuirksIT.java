package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.sandbox.FaultPlan;
import xyz.cavos.wallet.sandbox.SandboxNode;

/** How the client names what real public providers do, against the sandbox playing them. */
class ProviderQuirksIT {

    private final SandboxNode node = SandboxNode.start();

    @AfterEach
    void stop() {
        node.close();
    }

    private RpcClient client(String prefix, FaultPlan faults) {
        node.setFaults(prefix, faults);
        return RpcClient.of(URI.create("http://127.0.0.1:" + node.port() + prefix + "/rpc/v0_10"));
    }

    @Test
    void aDiscontinuedEndpointIsAnHttpStatusNotANodeErrorAndIsNotAskedAgain() {
        try (RpcClient rpc = client("/gone", FaultPlan.NONE.withGone())) {
            var error = assertThrows(RpcException.Transport.class, rpc::chainId);
            assertEquals(RpcException.Transport.Kind.HTTP_STATUS, error.kind());
            assertEquals(410, error.httpStatus().orElseThrow());
            assertTrue(error.getMessage().contains("discontinued"), error.getMessage());
            assertEquals(1, node.requests("/gone", "starknet_chainId"));
        }
    }

    @Test
    void anHtmlPageIsNotJsonAtOnce() {
        try (RpcClient rpc = client("/parked", FaultPlan.NONE.withHtml())) {
            var error = assertThrows(RpcException.Transport.class, rpc::chainId);
            assertEquals(RpcException.Transport.Kind.NOT_JSON, error.kind());
            assertTrue(error.getMessage().contains("text/html"), error.getMessage());
            assertEquals(1, node.requests("/parked", "starknet_chainId"), "a page does not become JSON by asking again");
        }
    }

    @Test
    void aRefusedBatchIsNamedAndCanBeSentCallByCall() {
        try (RpcClient rpc = client("/single", FaultPlan.NONE.withNoBatches())) {
            RpcBatch refused = rpc.newBatch();
            refused.add(RpcRequest.chainId());
            refused.add(RpcRequest.blockNumber());
            var error = assertThrows(RpcException.Transport.class, refused::send);
            assertEquals(RpcException.Transport.Kind.BATCH_REFUSED, error.kind());
            assertTrue(error.getMessage().contains("Batch requests are not supported"), error.getMessage());

            rpc.sendBatchesOneByOne();
            long before = rpc.roundTrips();
            RpcBatch batch = rpc.newBatch();
            RpcBatch.Result<Felt> chain = batch.add(RpcRequest.chainId());
            RpcBatch.Result<Long> block = batch.add(RpcRequest.blockNumber());
            RpcBatch.Result<java.util.List<Felt>> missing = batch.add(RpcRequest.call(
                    Call.of(Felt.of(0xdead), "balanceOf", java.util.List.of(Felt.ONE)), BlockId.LATEST));
            batch.send();
            assertEquals(Felt.fromShortString("SN_CAVOS_SANDBOX"), chain.get());
            assertEquals(node.blockNumber(), block.get());
            assertThrows(RpcException.NodeError.class, missing::get, "a call's own error stays with that call");
            assertEquals(3, rpc.roundTrips() - before, "one request per call");
        }
    }
}
