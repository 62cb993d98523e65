package xyz.cavos.wallet.app;

import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.ui.SandboxStarter;

/** "Try the sandbox" in the app: an in-process sandbox node on a free port with the demo wallet. */
public final class LocalSandbox implements SandboxStarter {

    /** A sandbox the app started, with its node for whoever needs more than the demo session. */
    public record Started(SandboxNode node, SessionToken demoSession) implements Running {
        @Override
        public void close() {
            node.close();
        }
    }

    @Override
    public Started start() {
        SandboxNode node = SandboxNode.start();
        try {
            return new Started(node, node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo()).token());
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }
}
