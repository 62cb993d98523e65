package xyz.cavos.wallet.sandbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.EventFilter;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;

/** The sandbox acting like a provider with limits: block ranges as the node resolves them, tags it does not serve. */
class ProviderLimitsIT {

    @Test
    void anEventSearchIsMeasuredOnTheBlocksItNamesAndPreConfirmedIsRefusedWhereverItIsNamed() {
        try (SandboxNode node = SandboxNode.start(); RpcClient rpc = RpcClient.of(node.rpcUri())) {
            node.setLimits(new ProviderLimits(true, 2));
            long latest = rpc.blockNumber();
            assertTrue(latest > 2, "the demo setup made a few blocks: " + latest);
            RpcException.NodeError wide = assertThrows(RpcException.NodeError.class, () -> rpc.getEvents(filter(BlockId.number(0),
                    BlockId.LATEST)));
            assertTrue(wide.getMessage().contains("at most 2"), wide.getMessage());
            assertDoesNotThrow(() -> rpc.getEvents(filter(BlockId.LATEST, BlockId.LATEST)), "one block, named by its tag");
            assertDoesNotThrow(() -> rpc.getEvents(filter(BlockId.number(latest - 1), BlockId.LATEST)));
            assertThrows(RpcException.NodeError.class, () -> rpc.getEvents(filter(BlockId.LATEST, BlockId.PRE_CONFIRMED)));
            assertThrows(RpcException.NodeError.class, () -> rpc.getBlockWithTxHashes(BlockId.PRE_CONFIRMED));
        }
    }

    private static EventFilter filter(BlockId from, BlockId to) {
        return new EventFilter(from, to, Optional.empty(), List.of(), 100, Optional.empty());
    }
}
