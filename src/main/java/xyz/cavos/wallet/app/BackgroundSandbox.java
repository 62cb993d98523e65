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
 * {@code eval "$(cavos sandbox start --background)"} works however long the start takes on a busy machine. The
 * sandbox's own output goes to {@code sandbox.log} in the config folder; its process id and port to
 * {@code sandbox.pid}, which {@code stop} reads.
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

    /** Starts the sandbox in its own process, or finds the one started before; 0 once it answers, 1 when it cannot. */
    int start(int port, Optional<Path> state) throws IOException, InterruptedException {
        Files.createDirectories(home);
        SessionStorage.tighten(home);
        Path log = home.resolve(LOG);
        Optional<Running> running = running();
        if (running.isPresent()) {
            List<String> exports = exports(log);
            if (exports.size() == 2) {
                err.println("A sandbox started before is still running (process " + running.get().process().pid() + ", port "
                        + running.get().port() + "); its session again:");
                exports.forEach(out::println);
                out.flush();
                err.flush();
                return 0;
            }
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
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            List<String> exports = exports(log);
            if (exports.size() == 2) {
                Files.writeString(home.resolve(PID), process.pid() + " " + port(log).orElse(port) + System.lineSeparator());
                err.println("The sandbox runs in the background (process " + process.pid() + "): " + rpcUrl(log).orElse("")
                        + ". Its output: " + log + ". Stop it with: cavos sandbox stop");
                exports.forEach(out::println);
                out.flush();
                err.flush();
                return 0;
            }
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                err.println("Error: the sandbox stopped before it was ready:");
                Files.readAllLines(log, StandardCharsets.UTF_8).forEach(line -> err.println("  " + line));
                err.flush();
                return 1;
            }
        }
        process.destroyForcibly();
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
        err.println("Stopped the sandbox (process " + process.pid() + ", port " + running.get().port() + ").");
        err.flush();
        return 0;
    }

    private record Running(ProcessHandle process, int port) {
    }

    /** The sandbox {@code sandbox.pid} names, when that process is alive and is a cavos sandbox. */
    private Optional<Running> running() throws IOException {
        Path pidFile = home.resolve(PID);
        if (!Files.isRegularFile(pidFile) || Files.size(pidFile) > 64) {
            return Optional.empty();
        }
        String[] fields = Files.readString(pidFile, StandardCharsets.UTF_8).strip().split(" ");
        try {
            long pid = Long.parseLong(fields[0]);
            int port = fields.length > 1 ? Integer.parseInt(fields[1]) : 0;
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains(CliLauncher.class.getName())
                            && line.contains(" sandbox start")).orElse(false))
                    .map(handle -> new Running(handle, port));
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

    private static Optional<Integer> port(Path log) throws IOException {
        return rpcUrl(log).map(url -> url.replaceFirst("^http://[^:/]+:(\\d+).*$", "$1"))
                .filter(port -> port.matches("\\d{1,5}")).map(Integer::valueOf);
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
