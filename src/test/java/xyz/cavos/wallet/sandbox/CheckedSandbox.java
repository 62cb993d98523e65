package xyz.cavos.wallet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.testing.SpecCheckingProxy;

/**
 * A sandbox node reached through a proxy that checks every request and reply against the Starknet OpenRPC documents;
 * after each test, the replies must have followed the spec, and the node and proxy are closed.
 */
final class CheckedSandbox implements AfterEachCallback {

    private final SandboxNode node;
    private final SpecCheckingProxy proxy;
    private final RpcClient rpc;

    CheckedSandbox() {
        this(SandboxNode.start());
    }

    CheckedSandbox(SandboxNode node) {
        this.node = node;
        this.proxy = new SpecCheckingProxy(node.rpcUri());
        this.rpc = RpcClient.of(proxy.uri());
    }

    SandboxNode node() {
        return node;
    }

    /** A client of the node through the checking proxy. */
    RpcClient rpc() {
        return rpc;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            assertEquals(List.of(), proxy.specProblems());
        } finally {
            proxy.close();
            node.close();
        }
    }
}
