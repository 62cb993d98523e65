package xyz.cavos.wallet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import xyz.cavos.wallet.app.CliLauncher;

/** Runs the cavos command line in-process (fast) or as a real process (separate JVM, own files). */
final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        JsonNode errorJson() {
            try {
                return JSON.readTree(err);
            } catch (IOException e) {
                throw new AssertionError("stderr is not JSON: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env;

    Cli(Map<String, String> env) {
        this.env = new HashMap<>(env);
    }

    Cli with(String name, String value) {
        Cli copy = new Cli(env);
        if (value == null) {
            copy.env.remove(name);
        } else {
            copy.env.put(name, value);
        }
        return copy;
    }

    Result run(String... args) {
        return runReturning(args).printed();
    }

    /** The command with {@code input} as its standard input (piped, not a terminal). */
    Result runWithInput(String input, String... args) {
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(before);
        }
    }

    /**
     * What a command printed, the command that ran (e.g. "session status") and the value it returned for
     * printing (empty for commands that print themselves).
     */
    record Returned(Result printed, String command, java.util.Optional<CommandResult> value) {
    }

    Returned runReturning(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CavosCommand.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        CommandLine ran = cli.getParseResult() == null ? cli : cli.getParseResult().asCommandLineList().getLast();
        java.util.Optional<CommandResult> value = java.util.Optional.ofNullable(ran.getExecutionResult())
                .filter(CommandResult.class::isInstance).map(CommandResult.class::cast);
        String command = ran.getCommandSpec().qualifiedName(" ").replaceFirst("^cavos ?", "");
        return new Returned(new Result(exit, out.toString(), err.toString()), command, value);
    }

    /** The same command in a new JVM, with the given home and temp folders as the user's. */
    Result runProcess(Path userHome, Path tempDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Duser.home=" + userHome, "-Djava.io.tmpdir=" + tempDir,
                "-cp", System.getProperty("java.class.path"), CliLauncher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("HOME", userHome.toString());
        builder.environment().put("TMPDIR", tempDir.toString());
        Path stdout = java.nio.file.Files.createTempFile("cavos-out", ".txt");
        Path stderr = java.nio.file.Files.createTempFile("cavos-err", ".txt");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("cavos " + String.join(" ", args) + " did not finish in 120 s");
        }
        Result result = new Result(process.exitValue(), java.nio.file.Files.readString(stdout), java.nio.file.Files.readString(stderr));
        java.nio.file.Files.deleteIfExists(stdout);
        java.nio.file.Files.deleteIfExists(stderr);
        return result;
    }
}
