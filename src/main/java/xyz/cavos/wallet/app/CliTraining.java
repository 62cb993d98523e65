package xyz.cavos.wallet.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xyz.cavos.wallet.cli.CavosCommand;

/**
 * What the command line's AOT cache is trained on: the commands people and scripts run most, in this process,
 * against the sandbox named by {@code CAVOS_RPC_URL} with its demo session in {@code CAVOS_TOKEN} (a sandbox started
 * in another process, so that none of its classes end up in the cache). Each command runs as {@code cavos} would run
 * it, its output dropped; the configuration goes to a fresh folder, so nothing of the user's is read or changed.
 * Run by the build ({@code .mvn/cavos-cache.sh}) and by {@code installer/build.sh} with {@code -XX:AOTCacheOutput}.
 *
 * <p>Only commands that name what they run are trained: the help and a misspelt command build every command's model,
 * and a cache trained on them makes each start about 0.1 s slower (measured side by side), more than they gain.
 * Prints how many commands ran and how many failed; exits 1 when every one failed.
 */
public final class CliTraining {

    private static final String RECIPIENT = "0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b";
    private static final String STRK = "0x04718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d";

    private CliTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (System.getenv("CAVOS_TOKEN") == null || System.getenv("CAVOS_RPC_URL") == null) {
            System.err.println("CliTraining needs CAVOS_TOKEN and CAVOS_RPC_URL of a running sandbox.");
            System.exit(2);
        }
        Path home = Files.createTempDirectory("cavos-training");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("CAVOS_")); // none of the user's endpoints, sessions or paymasters
        env.put("CAVOS_TOKEN", System.getenv("CAVOS_TOKEN"));
        env.put("CAVOS_RPC_URL", System.getenv("CAVOS_RPC_URL"));
        env.put("CAVOS_HOME", home.toString());
        env.put("CAVOS_NETWORK", "sandbox");
        List<String[]> commands = List.of(
                new String[] {"--version"},
                new String[] {"balance", "--json"},
                new String[] {"balance"},
                new String[] {"whoami", "--json"},
                new String[] {"session", "status"},
                new String[] {"policy", "show", "--json"},
                new String[] {"simulate", "--contract", STRK, "--entrypoint", "transfer", "--calldata", RECIPIENT + ",u256:1000"},
                new String[] {"--json", "transfer", "--to", RECIPIENT, "--amount", "0.001", "--token", "STRK"},
                new String[] {"transfer", "--to", RECIPIENT, "--amount", "0.001", "--token", "STRK"},
                new String[] {"history", "--limit", "5"},
                new String[] {"network", "check", "--json"});
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> failed = new ArrayList<>();
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        try {
            System.setOut(nowhere);
            System.setErr(nowhere);
            for (String[] command : commands) {
                if (CavosCommand.execute(env, CliLauncher.launcherCommands(), command) != 0) {
                    failed.add(String.join(" ", command));
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        out.println("Trained on " + commands.size() + " commands" + (failed.isEmpty() ? "" : "; these failed: " + failed));
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        System.exit(failed.size() == commands.size() ? 1 : 0);
    }
}
