package xyz.cavos.wallet.ui;

import java.net.URI;
import xyz.cavos.wallet.cavos.SessionToken;

/**
 * Starts a local sandbox node with a funded demo wallet, for "Try the sandbox"; the launcher hands in how. The
 * sandbox is a profile of its own: its chain is kept, so the demo wallet and what was done with it survive a
 * restart of the app.
 */
public interface SandboxStarter {

    /** The name the demo session is kept under. */
    String PROFILE = "sandbox";

    /** A running sandbox and the demo session on it; closing it stops the node. */
    interface Running extends AutoCloseable {
        SessionToken demoSession();

        @Override
        void close();
    }

    /** Starts a fresh one (a new chain) on a free loopback port; slow (a second or so), so never on the UI thread. */
    Running start();

    /**
     * Starts the sandbox again from its kept chain, at {@code url} (the address its demo session knows), for the demo
     * session {@code demo}; fails when there is no kept chain or the port is taken.
     */
    Running resume(SessionToken demo, URI url);
}
