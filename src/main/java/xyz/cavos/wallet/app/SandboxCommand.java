package xyz.cavos.wallet.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.cli.CliCommand;
import xyz.cavos.wallet.cli.CommandGroup;
import xyz.cavos.wallet.cli.HelpCommand;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.Amounts;
import xyz.cavos.wallet.wallet.SessionStorage;

/**
 * {@code cavos sandbox start}: a local Starknet node with a funded demo wallet, in the foreground, or in the background
 * ({@code --background}, see {@link BackgroundSandbox}) until {@code cavos sandbox stop}.
 */
final class SandboxCommand extends CommandGroup {

    SandboxCommand() {
        super("sandbox", "A local Starknet node with the Cavos account, for trying things safely.");
        subcommand(new Start());
        subcommand(new Stop());
        subcommand(new HelpCommand());
    }

    static final class Start extends CliCommand implements java.util.concurrent.Callable<Integer> {

        private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

        private final Arg<Integer> port = add(OptionSpec.builder("--port").type(int.class).paramLabel("PORT").defaultValue("5050")
                .description("Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one)."));

        private final Arg<Path> state = add(OptionSpec.builder("--state").type(Path.class).paramLabel("FILE")
                .description("Keep the chain in this file: loaded at start, saved after every block."));

        private final Arg<Boolean> background = flag("--background", "Run it in the background; print its export lines once it is"
                + " ready.");

        Start() {
            super("start", "Starts the sandbox in the foreground and prints a demo session token.", "Stop it with Ctrl+C.",
                    "With --background: starts it in a process of its own and returns once it answers, printing only the lines for"
                            + " a shell to evaluate: eval \"$(cavos sandbox start --background)\". Stop it with: cavos sandbox stop");
        }

        @Override
        public Integer call() {
            PrintWriter out = spec().commandLine().getOut();
            PrintWriter err = spec().commandLine().getErr();
            int port = this.port.value();
            if (port < 0 || port > 65535) {
                throw new CommandLine.ParameterException(spec().commandLine(), "--port must be between 0 and 65535, got " + port);
            }
            if (background.value()) {
                return inBackground(out, err, port);
            }
            SandboxNode node;
            try {
                node = SandboxNode.start(new SandboxNode.Options(port, state()));
            } catch (java.io.UncheckedIOException e) {
                if (e.getCause() instanceof BindException) {
                    err.println("Error: port " + port + " on 127.0.0.1 is already in use.");
                    err.println("Start the sandbox on another port: cavos sandbox start --port " + (port + 1));
                    return 1;
                }
                throw e;
            } catch (IllegalArgumentException e) {
                err.println("Error: " + e.getMessage());
                err.println("Use another --state file, or delete this one to start from scratch.");
                return 2;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                node.close();
                stopped.countDown();
            }, "sandbox-shutdown"));

            SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
            SessionPolicy policy = wallet.token().effectivePolicy();
            out.println("Cavos sandbox: Starknet JSON-RPC 0.10 at " + node.rpcUri());
            out.println("  chain id      SN_CAVOS_SANDBOX (block " + node.blockNumber() + ")");
            out.println("  paymaster     " + node.paymasterUri() + " (SNIP-29; relayer " + node.relayerAddress().toHex() + ")");
            state().ifPresent(file -> out.println("  state file    " + file.toAbsolutePath()));
            out.println();
            out.println("Demo wallet     " + wallet.address().toHex());
            out.println("  balances      " + Token.KNOWN.stream()
                    .map(t -> Amounts.exact(U256.of(node.balanceOf(wallet.address(), t)), t.decimals()) + " " + t.symbol())
                    .collect(Collectors.joining(", ")));
            out.println("  session       valid until " + UTC.format(Instant.ofEpochSecond(wallet.token().validUntil()))
                    + ", " + policy.maxCallsPerTx() + " calls per transaction");
            out.println("  limits        " + policy.spendingLimits().stream()
                    .map(l -> Token.byAddress(l.token()).map(t -> Amounts.exact(l.limit(), t.decimals()) + " " + t.symbol())
                            .orElse(l.limit() + " of " + l.token().toHex()))
                    .collect(Collectors.joining(", ")));
            out.println();
            out.println("Use the demo session from this shell or a script:");
            out.println();
            out.println("  export CAVOS_TOKEN=\"" + wallet.token().encode() + "\"");
            out.println("  export CAVOS_PAYMASTER_API_KEY=\"" + node.paymasterApiKey() + "\"");
            out.println();
            out.println("Press Ctrl+C to stop.");
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                node.close(); // stopped from inside the process (tests, the app): not an error
            }
            return 0;
        }

        private Optional<Path> state() {
            return state.given();
        }

        private int inBackground(PrintWriter out, PrintWriter err, int port) {
            try {
                return new BackgroundSandbox(SessionStorage.defaultHome(System.getenv()), out, err).start(port, state());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    static final class Stop extends CliCommand implements java.util.concurrent.Callable<Integer> {

        Stop() {
            super("stop", "Stops the sandbox started with --background.");
        }

        @Override
        public Integer call() throws IOException {
            return new BackgroundSandbox(SessionStorage.defaultHome(System.getenv()), spec().commandLine().getOut(),
                    spec().commandLine().getErr()).stop();
        }
    }
}
