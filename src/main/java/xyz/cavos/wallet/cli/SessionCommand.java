package xyz.cavos.wallet.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.PositionalParamSpec;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cli.CommandResult.ClearResult;
import xyz.cavos.wallet.cli.CommandResult.ExportResult;
import xyz.cavos.wallet.cli.CommandResult.ImportResult;
import xyz.cavos.wallet.cli.CommandResult.SessionListResult;
import xyz.cavos.wallet.cli.CommandResult.SessionStatusResult;
import xyz.cavos.wallet.cli.CommandResult.SessionSummary;
import xyz.cavos.wallet.cli.CommandResult.SessionUseResult;
import xyz.cavos.wallet.wallet.PolicyUsage;
import xyz.cavos.wallet.wallet.SessionStatus;
import xyz.cavos.wallet.wallet.NextStep;
import xyz.cavos.wallet.wallet.SessionStorage;
import xyz.cavos.wallet.wallet.StoredSession;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/** {@code cavos session import|list|use|status|clear|export}. */
final class SessionCommand extends CommandGroup {

    SessionCommand(CavosCommand root) {
        super("session", "Import, list, switch, inspect, export or forget sessions.", "Sessions are kept side by side under their"
                + " names; one is current, and --session NAME picks another for one command.");
        for (CliCommand command : List.of(new Import(root), new ListSessions(root), new Use(root), new Status(root), new Clear(root),
                new Export(root), new HelpCommand())) {
            subcommand(command);
        }
    }

    static final class Import extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        private final Arg<String> nameGiven = option("--name", "NAME", "The session's name: " + SessionStorage.NAME_RULE + ".");

        private final Arg<Boolean> replaceGiven = flag("--replace", "Replace the session already stored under --name (without --name:"
                + " the current session) when it holds another session key.");

        private final Arg<String> tokenGiven = add(PositionalParamSpec.builder().arity("0..1").type(String.class).paramLabel("TOKEN")
                .description("The token exported from the Cavos dashboard. Better left out: an argument is visible to other users of"
                        + " this computer in the process list."));

        Import(CavosCommand root) {
            super("import", "Checks a session token and stores it in the OS keychain, beside the sessions already there, as the"
                    + " current session.", "Without TOKEN (or with -), reads it from standard input, hidden when typed in a terminal.",
                    "Without --name, the same session imported again keeps its name; another gets a new name (e.g. sepolia-4a1b2c).");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            String name = nameGiven.value();
            boolean replace = replaceGiven.value();
            String token = tokenGiven.value();
            List<String> rpcUrls = root.rpcUrls();
            if (rpcUrls.size() > 1) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "A session is imported with one --rpc-url at most, not "
                        + rpcUrls.size() + ".", "", new NextStep.FixArgument("Keep a list for its network with: cavos config set "
                        + root.network.given().orElse("sepolia") + ".rpc-urls URL…"));
            }
            boolean fromArgument = token != null && !token.equals("-");
            if (fromArgument) {
                root.output().warning("A token given as an argument is visible to other users of this computer in the process list."
                        + " Next time leave it out: cavos session import asks for it, or reads it from standard input.");
            }
            SessionToken parsed = SessionToken.decode(fromArgument ? token : readToken());
            var options = root.connectionOptions();
            Optional<String> network = options.network().or(parsed::network);
            Optional<String> rpcUrl = options.rpcUrl().or(parsed::rpcUrl);
            SessionStorage store = root.sessionStore();
            Optional<String> before = store.current();
            String under = Optional.ofNullable(name).or(() -> replace ? before : Optional.empty())
                    .orElseGet(() -> store.nameFor(parsed, network));
            StoredSession saved;
            try {
                saved = store.save(under, parsed, network, rpcUrl, replace);
            } catch (WalletError e) {
                if (e.code() != WalletError.Code.SESSION_EXISTS) {
                    throw e;
                }
                throw new WalletError(e.code(), e.getMessage(), "", new NextStep.FixArgument("To replace it: cavos session import --name "
                        + under + " --replace. To keep both: cavos session import --name OTHER-NAME."), e);
            }
            Optional<String> storeFile = saved.kind().equals("keychain") ? Optional.empty()
                    : Optional.of(store.encryptedFileOf(saved.name()).toString());
            Optional<String> alongside = before.filter(b -> !b.equalsIgnoreCase(saved.name()) && name == null);
            return new ImportResult(SessionSummary.of(parsed, network), saved.name(), saved.kind(), storeFile, alongside,
                    WalletService.tokenWarnings(parsed));
        }

        /** The token typed or piped in; its lines are joined (a token pasted over several lines). Too long a text is refused by the decoder. */
        private String readToken() {
            return Inputs.hiddenOrPiped("Paste the session token (input hidden): ", new WalletError(WalletError.Code.INVALID_TOKEN,
                    "Could not read the token from standard input.", "Run cavos session import in a terminal and paste the token when asked, or pipe it in: printf '%s' \"$CAVOS_TOKEN\" | cavos session import"))
                    .lines().collect(Collectors.joining());
        }
    }

    static final class ListSessions extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        ListSessions(CavosCommand root) {
            super("list", "The sessions stored on this computer, and which one is current. Nothing is read from the keychain or the"
                    + " chain.");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            SessionStorage store = root.sessionStore();
            List<SessionListResult.Entry> entries = store.sessions().stream().map(s -> new SessionListResult.Entry(s.name(),
                    s.walletAddress(), s.network(), s.rpcUrl(), s.kind(), s.importedAt(), s.current())).toList();
            return new SessionListResult(store.current(), entries);
        }
    }

    static final class Use extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        private final Arg<String> name = parameter(0, "NAME", "The session's name, as cavos session list shows it.");

        Use(CavosCommand root) {
            super("use", "Makes a stored session the current one: commands that name no session use it.");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            SessionStorage store = root.sessionStore();
            store.use(name.value());
            StoredSession current = store.sessions().stream().filter(StoredSession::current).findFirst().orElseThrow();
            return new SessionUseResult(current.name(), current.walletAddress(), current.network());
        }
    }

    static final class Status extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        Status(CavosCommand root) {
            super("status", "The session's on-chain state: registration, validity, renewal, calls made.");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            WalletService wallet = root.wallet();
            WalletSnapshot snapshot = wallet.snapshot();
            SessionStatus status = wallet.status(snapshot);
            PolicyUsage policy = wallet.policyUsage(snapshot);

            return new SessionStatusResult(status.sessionKey(), status.registered(), Instant.ofEpochSecond(status.validUntil()),
                    status.isRenewable(), status.callsMade(), SessionStatusResult.CALLS_MADE_NOTE, status.state(),
                    Instant.ofEpochSecond(status.validAfter()), Instant.ofEpochSecond(status.renewalDeadline()),
                    Math.max(0, status.secondsLeft()), Instant.ofEpochSecond(status.chainTime()), status.blockNumber(),
                    status.walletAddress(), wallet.network().name(), status.revocation(), policy.warnings(), root.storedSessionName());
        }
    }

    static final class Clear extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        Clear(CavosCommand root) {
            super("clear", "Forgets the current session, or the one --session names (its keychain entry or encrypted file, and its"
                    + " settings). Nothing changes on chain, and no network is reached.", "The other sessions are kept; if the current"
                    + " one is removed, another becomes current.");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            SessionStorage.Cleared cleared = root.sessionStore().clear();
            return new ClearResult(!cleared.removed().isEmpty(), cleared.session(), cleared.removed(), cleared.current(), cleared.warnings());
        }
    }

    static final class Export extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        Export(CavosCommand root) {
            super("export", "Prints the session token, e.g. to move it to another machine. Treat it as a password.");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            SessionToken token = root.sessionToken();
            return new ExportResult(SessionSummary.of(token, token.network()), token.encode(),
                    List.of("This token can spend within the session's limits: do not share it."));
        }
    }
}
