package xyz.cavos.wallet.app;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import xyz.cavos.wallet.wallet.SessionStorage;

/**
 * {@code cavos sandbox start --background} and {@code cavos sandbox stop}: the sandbox in a process of its own that
 * outlives the command. The command returns once the node answers, printing only the lines a shell evaluates
 * ({@code export CAVOS_TOKEN=…}, {@code export CAVOS_PAYMASTER_API_KEY=…}), so that
 * {@code eval "$(cavos sandbox start --background)"} works however long the start takes on a busy machine; with
 * them {@code export CAVOS_RPC_URL=…}, the node's address. The sandbox's own output goes to {@code sandbox.log} in the
 * config folder; its process id and start time to {@code sandbox.pid} as soon as it is started, which {@code stop}
 * and a second start read.
 */
final class BackgroundSandbox {

    static final String LOG = "sandbox.log";
    static final String PID = "sandbox.pid";
    /** How long a start may take before it is given up: far beyond a loaded machine's few seconds. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final String TOKEN_LINE = "export CAVOS_TOKEN=";
    private static final String KEY_LINE = "export CAVOS_PAYMASTER_API_KEY=";

    private final Path home;
    private final PrintWriter out;
    private final PrintWriter err;

    BackgroundSandbox(Path home, PrintWriter out, PrintWriter err) {
        this.home = home;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts the sandbox in its own process, or finds the one started before (also one still starting); 0 once it
     * answers, else the sandbox's own exit code (2 for bad input) or 1.
     */
    int start(int port, Optional<Path> state) throws IOException, InterruptedException {
        Files.createDirectories(home);
        SessionStorage.tighten(home);
        Path log = home.resolve(LOG);
        Optional<Running> running = running();
        if (running.isPresent()) {
            err.println("A sandbox started before is running (process " + running.get().process().pid() + "); its session:");
            return awaitReady(running.get().process(), log, false);
        }
        List<String> command = new ArrayList<>();
        detached().ifPresent(command::add);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CliLauncher.class.getName(), "sandbox", "start", "--port",
                Integer.toString(port)));
        state.ifPresent(file -> command.addAll(List.of("--state", file.toAbsolutePath().toString())));
        Files.deleteIfExists(log);
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // written at once, so that stop finds a sandbox that is still starting
        Files.writeString(home.resolve(PID), process.pid() + " " + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L)
                + System.lineSeparator());
        // stopped while it starts (Ctrl+C): the sandbox goes too
        Thread abandon = new Thread(() -> {
            process.destroy();
            try {
                Files.deleteIfExists(home.resolve(PID));
            } catch (IOException ignored) {
                // the next start finds no such process and starts afresh
            }
        }, "sandbox-abandoned");
        Runtime.getRuntime().addShutdownHook(abandon);
        try {
            if (awaitReady(process.toHandle(), log, true) == 0) {
                return 0;
            }
            Files.deleteIfExists(home.resolve(PID));
            if (process.isAlive()) {
                process.destroyForcibly();
                return 1;
            }
            return process.exitValue() == 0 ? 1 : process.exitValue(); // 2 for bad input, as the sandbox said
        } finally {
            Runtime.getRuntime().removeShutdownHook(abandon);
        }
    }

    /** Waits until the sandbox's log has its export lines and prints them; 0, or 1 when it stopped or took too long. */
    private int awaitReady(ProcessHandle process, Path log, boolean started) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            List<String> exports = exports(log);
            if (exports.size() == 2) {
                if (started) {
                    err.println("The sandbox runs in the background (process " + process.pid() + "): " + rpcUrl(log).orElse("")
                            + ". Its output: " + log + ". Stop it with: cavos sandbox stop");
                }
                exports.forEach(out::println);
                rpcUrl(log).ifPresent(url -> out.println("export CAVOS_RPC_URL=\"" + url + "\""));
                out.flush();
                err.flush();
                return 0;
            }
            if (!process.isAlive()) {
                err.println("Error: the sandbox stopped before it was ready:");
                lines(log).forEach(line -> err.println("  " + line));
                err.flush();
                return 1;
            }
            Thread.sleep(100);
        }
        err.println("Error: the sandbox did not answer within " + READY_WITHIN.toSeconds() + " s; what it printed is in " + log + ".");
        err.println("Try again when the computer is less busy: cavos sandbox start --background");
        err.flush();
        return 1;
    }

    /** Stops the sandbox {@code start} left running; 0 when it stopped or none was running. */
    int stop() throws IOException {
        Optional<Running> running = running();
        Files.deleteIfExists(home.resolve(PID));
        if (running.isEmpty()) {
            err.println("No sandbox started with --background is running.");
            err.flush();
            return 0;
        }
        ProcessHandle process = running.get().process();
        process.destroy();
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println("Stopped the sandbox (process " + process.pid() + ").");
        err.flush();
        return 0;
    }

    private record Running(ProcessHandle process) {
    }

    /**
     * The sandbox {@code sandbox.pid} names, when that process is alive and started when the file says (a process id
     * the system gave to another process since does not match).
     */
    private Optional<Running> running() throws IOException {
        Path pidFile = home.resolve(PID);
        if (!Files.isRegularFile(pidFile) || Files.size(pidFile) > 64) {
            return Optional.empty();
        }
        String[] fields = Files.readString(pidFile, StandardCharsets.UTF_8).strip().split(" ");
        try {
            long pid = Long.parseLong(fields[0]);
            long started = fields.length > 1 ? Long.parseLong(fields[1]) : -1;
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L) == started)
                    .map(Running::new);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The export lines the sandbox printed so far, without their indentation. */
    private static List<String> exports(Path log) throws IOException {
        return lines(log).stream().map(String::strip).filter(line -> line.startsWith(TOKEN_LINE) || line.startsWith(KEY_LINE)).toList();
    }

    private static Optional<String> rpcUrl(Path log) throws IOException {
        return lines(log).stream().filter(line -> line.contains("http://")).findFirst()
                .map(line -> line.substring(line.indexOf("http://")).split(" ")[0]);
    }

    /** The log's lines; the first few KB only (the lines wanted come first), so a long-running log stays cheap to read. */
    private static List<String> lines(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (var in = Files.newInputStream(log)) {
            String text = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
        }
    }

    /** {@code setsid}, where there is one: the sandbox then leaves the terminal's session and outlives its closing. */
    private static Optional<String> detached() {
        return isWindows() ? Optional.empty()
                : List.of("/usr/bin/setsid", "/bin/setsid").stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
