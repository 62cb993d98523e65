package xyz.cavos.wallet.ui;

import xyz.cavos.wallet.cavos.SessionToken;

/** Starts a local sandbox node with a funded demo wallet, for "Try the sandbox"; the launcher hands in how. */
public interface SandboxStarter {

    /** A running sandbox and the demo session on it; closing it stops the node. */
    interface Running extends AutoCloseable {
        SessionToken demoSession();

        @Override
        void close();
    }

    /** Starts one on a free loopback port; slow (a second or so), so never on the UI thread. */
    Running start();
}
