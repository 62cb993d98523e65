package xyz.cavos.wallet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import xyz.cavos.wallet.cavos.SecretText;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.NextStep;
import xyz.cavos.wallet.wallet.SessionStorage;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;

/** The {@code cavos} command line: global options and what every command shares. */
public final class CavosCommand extends CliCommand implements Runnable {

    /**
     * The wallet's commands by name, in the order the help lists them. A command line builds the model of the one it
     * runs only (see {@link #commandNamed}).
     */
    static final List<Map.Entry<String, Function<CavosCommand, CliCommand>>> COMMANDS = List.of(
            Map.entry("session", SessionCommand::new), Map.entry("whoami", Commands.Whoami::new),
            Map.entry("balance", Commands.BalanceCommand::new), Map.entry("transfer", Commands.Transfer::new),
            Map.entry("approve", Commands.Approve::new), Map.entry("execute", Commands.Execute::new),
            Map.entry("call", Commands.CallCommand::new), Map.entry("multicall", Commands.Multicall::new),
            Map.entry("simulate", Commands.Simulate::new), Map.entry("tx", Commands.Tx::new),
            Map.entry("policy", Commands.Policy::new), Map.entry("revoke", Commands.Revoke::new),
            Map.entry("renew", Commands.Renew::new), Map.entry("network", NetworkCommand::new),
            Map.entry("config", ConfigCommand::new), Map.entry("contacts", ContactsCommand::new),
            Map.entry("history", HistoryCommand::new), Map.entry("tokens", TokensCommand::new),
            Map.entry("allowances", AllowancesCommand::new));

    /** The longest wait for a transaction: a day, far beyond any acceptance, short enough to add to a clock. */
    static final long MAX_TIMEOUT_SECONDS = 86_400;

    final Arg<Boolean> json = add(inherited("--json").type(boolean.class).initialValue(false)
            .description("Print results as JSON ({\"status\":\"success\",\"data\":…})."));

    final Arg<String> network = add(inherited("--network").type(String.class).paramLabel("NAME")
            .description("mainnet, sepolia or sandbox (else CAVOS_NETWORK, else the token's hint, else the one chosen with"
                    + " cavos config set network, else detected)."));

    final Arg<List<String>> rpcUrls = add(inherited("--rpc-url").type(List.class).auxiliaryTypes(String.class).paramLabel("URL")
            .description("Starknet JSON-RPC 0.10 endpoint; repeat it to give fallbacks, tried in order (else CAVOS_RPC_URLS, a"
                    + " comma-separated list, or CAVOS_RPC_URL; else the settings, else the network's public defaults)."));

    private final Arg<String> token = option("--token", "TOKEN", "Session token for this command only (before the command name).",
            "Other users of this computer can see it in the process list: prefer CAVOS_TOKEN or cavos session import.");

    private final Arg<String> session = add(inherited("--session").type(String.class).paramLabel("NAME")
            .description("Use the stored session NAME for this command only (else CAVOS_SESSION, else the current one; see:"
                    + " cavos session list)."));

    private final Arg<Boolean> noColor = add(inherited("--no-color").type(boolean.class).initialValue(false)
            .description("No colours in the output."));

    private final Arg<Boolean> wait = add(inherited("--wait").type(boolean.class).negatable(true).defaultValue("true")
            .fallbackValue("true").description("Wait for transactions to be accepted (default; --no-wait returns once sent)."));

    private final Arg<Long> timeoutSeconds = add(inherited("--timeout").type(long.class).defaultValue("120").paramLabel("SECONDS")
            .description("How long to wait for a transaction, 1 to " + MAX_TIMEOUT_SECONDS + " (default: ${DEFAULT-VALUE})."));

    private final Arg<String> store = add(inherited("--store").type(String.class).paramLabel("KIND")
            .description("Where an imported token is kept: keychain (default) or encrypted-file (asks for a passphrase)."));

    private final Arg<String> feeMode = add(inherited("--fee-mode").type(String.class).paramLabel("MODE")
            .description("Who pays a transaction's fee: self (the wallet, in STRK; the default), sponsored (the paymaster; it"
                    + " usually needs its API key) or token (the paymaster, paid in --gas-token). The paymaster's calls are"
                    + " checked before anything is signed."));

    private final Arg<String> gasToken = add(inherited("--gas-token").type(String.class).paramLabel("TOKEN")
            .description("With --fee-mode token: the token the paymaster is paid in, e.g. USDC (the session's policy must let"
                    + " it move that token; the fee counts in its limit)."));

    private final Arg<String> maxFee = add(inherited("--max-fee").type(String.class).paramLabel("AMOUNT")
            .description("With --fee-mode token: the most the paymaster may be paid, in gas-token units; needed to send"
                    + " (simulate shows what the paymaster asks)."));

    private final Arg<String> paymaster = add(inherited("--paymaster").type(String.class).paramLabel("URL")
            .description("SNIP-29 paymaster for --fee-mode sponsored and token (else " + FeeOptions.URL_ENV + ", else cavos"
                    + " config set paymaster).", "Its API key: " + FeeOptions.KEY_ENV + " (sent only to the paymaster "
                    + FeeOptions.URL_ENV + " names, else to the configured one), else the one kept in the keychain for the"
                    + " configured paymaster (cavos config set paymaster-api-key)."));

    private final Map<String, String> env;
    private Output output;
    private SessionStorage sessionStore;
    private final List<WalletService> opened = new java.util.ArrayList<>();

    CavosCommand(Map<String, String> env) {
        super("cavos", "Cavos session keys on Starknet: balances, transfers, policy and session management.");
        spec().usageMessage().footer("", "The session token comes from --token, else the stored session named by --session, else"
                + " CAVOS_TOKEN, else the stored session named by CAVOS_SESSION, else the current one (imported with 'cavos session"
                + " import', chosen with 'cavos session use NAME'; see them with 'cavos session list').",
                "Exit codes: 0 success, 1 the operation failed (policy, chain, network; for network check: no endpoint can be"
                        + " used), 2 bad input or usage.");
        this.env = env;
    }

    /** An option every subcommand has too: it may be given before the command's name or after it. */
    private static OptionSpec.Builder inherited(String name) {
        return OptionSpec.builder(name).scopeType(CommandLine.ScopeType.INHERIT);
    }

    /**
     * Runs one command line and releases what it opened; the exit code. {@code launcherCommands} are the
     * commands only a launcher can build (the sandbox, the window), listed after the wallet's own.
     */
    public static int execute(Map<String, String> env, List<Supplier<CliCommand>> launcherCommands, String... args) {
        CavosCommand root = new CavosCommand(env);
        try {
            return commandLine(root, launcherCommands, Optional.of(args)).execute(args);
        } finally {
            root.opened.forEach(WalletService::close);
        }
    }

    /** The wallet's commands alone; {@code env} stands for the process environment (tests pass their own). */
    public static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, List.of());
    }

    /** The configured command line with the launcher's commands. */
    public static CommandLine commandLine(Map<String, String> env, List<Supplier<CliCommand>> launcherCommands) {
        return commandLine(new CavosCommand(env), launcherCommands, Optional.empty());
    }

    /** Which of the commands a command line needs: all of them, none (for --version alone) or the one named. */
    record Needed(Optional<String> command, boolean none) {
        static final Needed ALL = new Needed(Optional.empty(), false);
        static final Needed NONE = new Needed(Optional.empty(), true);

        boolean includes(String name) {
            return !none && command.map(name::equals).orElse(true);
        }
    }

    /**
     * The command these arguments run, read the way picocli reads them: the first argument that is neither an option
     * nor the value of one of the global options. A name that is not one of the wallet's commands (help, completion,
     * the launcher's, a misspelling), a help option before the name and no name at all need every command (for the list,
     * or for the suggestion); {@code --version} alone needs none.
     */
    static Needed commandNamed(CommandLine.Model.CommandSpec global, String... args) {
        Optional<String> name = firstWord(global, args);
        if (name.isPresent()) {
            return COMMANDS.stream().anyMatch(command -> command.getKey().equals(name.get())) ? new Needed(name, false) : Needed.ALL;
        }
        boolean version = Arrays.stream(args).anyMatch(arg -> arg.equals("--version") || arg.equals("-V"));
        boolean help = Arrays.stream(args).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"));
        return version && !help ? Needed.NONE : Needed.ALL;
    }

    /**
     * The name of the command these arguments run (the wallet's or a launcher's) as {@link #commandNamed} reads it, or the
     * "--" or help option that comes before any.
     */
    public static Optional<String> commandName(String... args) {
        return firstWord(new CavosCommand(Map.of()).spec(), args);
    }

    /**
     * The first argument that is neither an option nor the value of a global option, or "--" or a help option when one
     * comes first (no command name is read after those).
     */
    private static Optional<String> firstWord(CommandLine.Model.CommandSpec global, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--") || arg.equals("--help") || arg.equals("-h")) {
                return Optional.of(arg);
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                CommandLine.Model.OptionSpec option = arg.contains("=") ? null : global.findOption(arg);
                if (option != null && option.arity().max() > 0) {
                    i++;
                }
                continue;
            }
            return Optional.of(arg);
        }
        return Optional.empty();
    }

    /** The command line with the commands {@code args} need, or all of them. */
    private static CommandLine commandLine(CavosCommand root, List<Supplier<CliCommand>> launcherCommands, Optional<String[]> args) {
        CommandLine cli = new CommandLine(root.spec());
        Needed needed = args.map(given -> commandNamed(cli.getCommandSpec(), given)).orElse(Needed.ALL);
        for (Map.Entry<String, Function<CavosCommand, CliCommand>> command : COMMANDS) {
            if (needed.includes(command.getKey())) {
                cli.addSubcommand(command.getKey(), command.getValue().apply(root).spec());
            }
        }
        if (!needed.none() && needed.command().isEmpty()) {
            for (CliCommand command : List.of(launcherCommands.stream().map(Supplier::get).toList(), List.of(new CompletionCommand(),
                    new HelpCommand())).stream().flatMap(List::stream).toList()) {
                cli.addSubcommand(command.name(), command.spec());
            }
        }
        cli.setAllowSubcommandsAsOptionParameters(true); // --network sandbox names a network, not the sandbox command
        // "@name" is a value, never a file to splice into the arguments: --calls @file reads its file itself, bounded,
        // and "--to @/etc/hostname" must not print a file
        cli.setExpandAtFiles(false);
        cli.setExecutionStrategy(parseResult -> root.runAndPrint(parseResult));
        cli.setExecutionExceptionHandler((e, command, parseResult) -> root.fail(e));
        cli.setParameterExceptionHandler((e, given) -> root.usageError(e, given));
        return cli;
    }

    @Override
    public void run() {
        spec().commandLine().usage(spec().commandLine().getOut());
    }

    /**
     * Runs the command; a command that returns a result has it printed here, in text or JSON, and exits with the
     * result's code (a check that found nothing usable is printed, then exits 1).
     */
    private int runAndPrint(CommandLine.ParseResult parseResult) {
        int code = new CommandLine.RunLast().execute(parseResult);
        List<CommandLine> invoked = parseResult.asCommandLineList();
        if (invoked.getLast().getExecutionResult() instanceof CommandResult result) {
            output().success(result);
            return code != 0 ? code : result.exitCode();
        }
        return code;
    }

    // ---------------------------------------------------------------- shared by the commands

    Map<String, String> env() {
        return env;
    }

    Output output() {
        if (output == null) {
            boolean terminal = System.console() != null;
            boolean color = !noColor.value() && terminal && !env.containsKey("NO_COLOR");
            output = new Output(spec().commandLine().getOut(), spec().commandLine().getErr(), json.value(), color, terminal);
        }
        return output;
    }

    Path home() {
        return SessionStorage.defaultHome(env);
    }

    SessionStorage sessionStore() {
        if (sessionStore == null) {
            sessionStore = SessionStorage.open(home(), store.given(), sessionName(), this::passphrase);
        }
        return sessionStore;
    }

    private char[] passphrase() {
        String fromEnv = env.get("CAVOS_PASSPHRASE");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (System.console() != null) {
            char[] typed = System.console().readPassword("Passphrase for the encrypted session file: ");
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The encrypted session file needs its passphrase.",
                "Type it when asked (run in a terminal), or set CAVOS_PASSPHRASE.");
    }

    /** The stored session named for this command: --session, else CAVOS_SESSION. */
    Optional<String> sessionName() {
        return session.given().or(() -> Optional.ofNullable(env.get("CAVOS_SESSION")).filter(s -> !s.isBlank()));
    }

    /** The session for this command: --token, else the stored one --session names, else CAVOS_TOKEN, else the stored one. */
    SessionToken sessionToken() {
        if (token.value() != null) {
            output().warning("--token is visible to other users of this computer in the process list."
                    + " Prefer CAVOS_TOKEN, or import the session once with: cavos session import");
            return SessionToken.decode(token.value());
        }
        String fromEnv = env.get("CAVOS_TOKEN");
        if (session.value() == null && fromEnv != null && !fromEnv.isBlank()) {
            return SessionToken.decode(fromEnv);
        }
        if (sessionName().isPresent()) {
            String name = sessionName().get();
            return sessionStore().load(name).orElseThrow(() -> new WalletError(WalletError.Code.NO_SESSION, "The token of the session "
                    + name + " is missing from where it was kept.", "Remove it with: cavos session clear --session " + name
                    + ", then import it again."));
        }
        WalletError none = new WalletError(WalletError.Code.NO_SESSION, "No session: nothing imported and no CAVOS_TOKEN.",
                "Import one with: cavos session import (it asks for the token, or reads it from standard input),"
                        + " or set CAVOS_TOKEN. To try things: cavos sandbox start");
        SessionStorage stored = sessionStore();
        if (!stored.hasImported()) {
            try {
                return stored.load().orElseThrow(() -> none);
            } catch (WalletError e) {
                throw none; // nothing was ever imported here: a missing keychain is not the problem yet
            }
        }
        return stored.load().orElseThrow(() -> none);
    }

    /** Whether the session comes from the store (so renewals and counts can be saved there). */
    boolean sessionIsStored() {
        return token.value() == null && (session.value() != null || env.get("CAVOS_TOKEN") == null || env.get("CAVOS_TOKEN").isBlank());
    }

    /** The name of the stored session this command uses; empty for a token from --token or CAVOS_TOKEN. */
    Optional<String> storedSessionName() {
        return sessionIsStored() ? sessionStore().inUse() : Optional.empty();
    }

    ConnectionOptions connectionOptions() {
        return ConnectionOptions.of(network.given(), rpcUrls(), env, Duration.ofSeconds(30));
    }

    /** The endpoints given with --rpc-url, in order. */
    List<String> rpcUrls() {
        return List.copyOf(Arg.values(rpcUrls));
    }

    /** Where endpoints that replace the settings' lists come from, if any: --rpc-url, CAVOS_RPC_URLS or CAVOS_RPC_URL. */
    Optional<String> rpcUrlsGiven() {
        if (!rpcUrls().isEmpty()) {
            return Optional.of("--rpc-url");
        }
        return java.util.stream.Stream.of("CAVOS_RPC_URLS", "CAVOS_RPC_URL")
                .filter(name -> env.get(name) != null && !env.get(name).isBlank()).findFirst();
    }

    WalletService wallet() {
        SessionToken session = sessionToken();
        Optional<SessionStorage> counts = optionalStore();
        WalletService wallet = WalletService.connect(session, connectionOptions(), counts);
        opened.add(wallet);
        return wallet;
    }

    /** The store for counts and settings when it opens without asking anything (no passphrase prompt). */
    Optional<SessionStorage> optionalStore() {
        if (sessionIsStored()) {
            return Optional.of(sessionStore());
        }
        String kind = store.given().orElse("keychain");
        if (kind.equals("keychain")) {
            return Optional.of(SessionStorage.open(home(), Optional.of(kind), () -> new char[0]));
        }
        return Optional.empty();
    }

    /** The fee options as given, checked and turned into a payment by {@link FeeOptions}. */
    FeeOptions feeOptions() {
        return new FeeOptions(feeMode.given(), gasToken.given(), maxFee.given(), paymaster.given());
    }

    /** Who pays the fee of the transaction this command sends; the gas token may be a listed token, read through {@code wallet}. */
    xyz.cavos.wallet.wallet.FeePayment feePayment(WalletService wallet) {
        return feeOptions().payment(env, home(), () -> wallet, true, output()::warning);
    }

    /** Who would pay the fee of a quote ({@code simulate}): paying in a token needs no --max-fee there. */
    xyz.cavos.wallet.wallet.FeePayment quotedFeePayment(WalletService wallet) {
        return feeOptions().payment(env, home(), () -> wallet, false, output()::warning);
    }

    boolean waitForReceipt() {
        return wait.value();
    }

    Duration timeout() {
        long timeoutSeconds = this.timeoutSeconds.value();
        if (timeoutSeconds <= 0 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "--timeout must be a whole number of seconds from 1 to "
                    + MAX_TIMEOUT_SECONDS + " (a day), not " + timeoutSeconds + ".", "e.g. --timeout 120");
        }
        return Duration.ofSeconds(timeoutSeconds);
    }

    // ---------------------------------------------------------------- errors

    private int fail(Exception e) {
        WalletError error = asWalletError(e);
        output().error(error);
        return error.code().isBadInput() ? 2 : 1;
    }

    private WalletError asWalletError(Exception e) {
        return WalletError.explain(e).orElseGet(() -> {
            log(e);
            return new WalletError(WalletError.Code.UNEXPECTED, "Something unexpected went wrong; the details are in the log.", "",
                    new NextStep.Report(home().resolve(SessionStorage.LOG)));
        });
    }

    private int usageError(CommandLine.ParameterException e, String[] args) {
        boolean jsonRequested = Arrays.asList(args).contains("--json");
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        // picocli quotes what it could not match: a token given in the wrong place must not be shown; its messages about
        // groups of options start with their own "Error: ", which the line below already says
        String message = SecretText.hide(e.getMessage(), Arrays.asList(args)).replaceFirst("^Error: ", "");
        if (jsonRequested) {
            new Output(command.getOut(), err, true, false).error("usage", message,
                    "See: " + command.getCommandSpec().qualifiedName(" ") + " --help");
        } else {
            err.println("Error: " + message);
            err.println("Solution: see " + command.getCommandSpec().qualifiedName() + " --help");
            err.flush();
        }
        return 2;
    }

    /** Stack traces go to the log file only; messages in this project never carry key material. */
    private void log(Throwable e) {
        try {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            SessionStorage.appendToLog(home(), Instant.now() + " " + SecretText.hide(trace.toString()) + System.lineSeparator());
        } catch (IOException ignored) {
            // nowhere to log to: the error message was already shown
        }
    }
}
