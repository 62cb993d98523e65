package xyz.cavos.wallet.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.ui.SandboxStarter;

/**
 * "Try the sandbox" in the app: an in-process sandbox node with the demo wallet. With a config folder, its chain is
 * kept in {@code sandbox-chain.json} there (saved after every block), so the next start of the app picks it up.
 */
public final class LocalSandbox implements SandboxStarter {

    /** The kept chain, in the config folder. */
    public static final String CHAIN_FILE = "sandbox-chain.json";

    private final Optional<Path> chain;

    /** A sandbox whose chain is not kept (tests). */
    public LocalSandbox() {
        this.chain = Optional.empty();
    }

    /** A sandbox whose chain is kept in the config folder {@code home}. */
    public LocalSandbox(Path home) {
        this.chain = Optional.of(home.resolve(CHAIN_FILE));
    }

    /** A sandbox the app started, with its node for whoever needs more than the demo session. */
    public record Started(SandboxNode node, SessionToken demoSession) implements Running {
        @Override
        public void close() {
            node.close();
        }
    }

    @Override
    public Started start() {
        chain.ifPresent(file -> {
            try {
                Files.deleteIfExists(file); // a new demo wallet gets a new chain
            } catch (IOException e) {
                throw new IllegalStateException("The sandbox's saved chain " + file + " could not be replaced: " + e.getMessage(), e);
            }
        });
        SandboxNode node = SandboxNode.start(new SandboxNode.Options(0, chain));
        try {
            return new Started(node, node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo()).token());
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    @Override
    public Started resume(SessionToken demo, URI url) {
        Path file = chain.filter(Files::exists).orElseThrow(() -> new IllegalStateException(
                "The sandbox's chain was not kept, so its demo wallet is gone. Remove this session and try the sandbox again."));
        if (url.getPort() <= 0) {
            throw new IllegalStateException("The demo session names no sandbox port. Remove it and try the sandbox again.");
        }
        return new Started(SandboxNode.start(new SandboxNode.Options(url.getPort(), Optional.of(file))), demo);
    }
}
