package xyz.cavos.wallet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command-line block, run verbatim by bash in this checkout with {@code ./cavos}, the way a newcomer
 * pastes it: a fresh config folder, no {@code JAVA_HOME}, the oldest Java on this machine first on {@code PATH} (Debian's
 * Java 17, where it is installed), the OS keychain of the session, and every core kept busy meanwhile, so that nothing
 * in the block may count on the sandbox being quick to start.
 */
class ReadmeCommandLineIT {

    private static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin");

    @TempDir
    Path dir;

    @Test
    void theReadmeCommandLineBlockRunsAsWrittenOnABusyMachine() throws Exception {
        String block = commandLineBlock(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertFalse(block.contains("sleep"), "the block waits for nothing by the clock");
        assertFalse(block.lines().anyMatch(line -> line.matches(".*\\./cavos\\b.*\\$CAVOS_TOKEN.*|.*\\./cavos (--\\S+ )*--token .*")),
                "the token is never an argument of cavos");
        Path script = Files.writeString(dir.resolve("readme-block.sh"), block);

        Map<String, String> env = newcomersEnvironment();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            load.add(Thread.ofPlatform().daemon().start(() -> {
                while (!done.get()) {
                    Thread.onSpinWait();
                }
            }));
        }
        Run run;
        try {
            run = bash(env, "-e", "-o", "pipefail", script.toString());
        } finally {
            done.set(true);
            for (Thread thread : load) {
                thread.join();
            }
            bash(env, "-c", "./cavos sandbox stop; ./cavos session clear > /dev/null 2>&1 || true");
        }

        assertEquals(0, run.exit(), () -> "the block failed:\n" + run);
        assertTrue(run.out().contains("STRK"), () -> "balance shows STRK:\n" + run);
        assertTrue(run.out().contains("Alice"), () -> "the contact was added and used:\n" + run);
        assertTrue(run.out().contains("\"status\" : \"success\""), () -> "session status --json:\n" + run);
        assertTrue(run.err().contains("The sandbox runs in the background"), () -> run.toString());
        assertFalse(run.out().contains("export CAVOS_TOKEN"), "the export lines went to the shell, not to the screen");
        assertFalse(run.err().contains("Error"), () -> run.toString());
    }

    /** The first bash block under "Use the command line". */
    static String commandLineBlock(String readme) {
        int section = readme.indexOf("## Use the command line");
        assertTrue(section >= 0, "README has a 'Use the command line' section");
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        int end = readme.indexOf("\n```", start);
        return readme.substring(start, end + 1);
    }

    private Map<String, String> newcomersEnvironment() throws IOException {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("CAVOS_") || name.equals("JAVA_HOME"));
        env.put("CAVOS_HOME", Files.createDirectories(dir.resolve("config")).toString());
        if (Files.isExecutable(JAVA_17.resolve("java"))) {
            env.put("PATH", JAVA_17 + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        }
        return env;
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Run bash(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bash " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
