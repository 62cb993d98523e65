package xyz.cavos.wallet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import xyz.cavos.wallet.sandbox.SandboxNode;

/** An in-process sandbox node and an empty home folder for one test, via {@code @RegisterExtension}; both are gone after it. */
public class SandboxFixture implements AfterEachCallback {

    private final SandboxNode node = SandboxNode.start();
    private final Path home;

    public SandboxFixture() {
        try {
            home = Files.createTempDirectory("cavos-home");
        } catch (IOException e) {
            node.close();
            throw new UncheckedIOException(e);
        }
    }

    public SandboxNode node() {
        return node;
    }

    /** A folder of this test's own, empty at the start. */
    public Path home() {
        return home;
    }

    /** Runs after the test's own {@code @AfterEach} methods. */
    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        node.close();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
