package xyz.cavos.wallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.wallet.PolicyUsage;
import xyz.cavos.wallet.wallet.SessionStatus;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/** {@code cavos session import|status|clear|export}. */
@Command(name = "session", description = "Import, inspect, export or forget the session.",
        subcommands = {SessionCommand.Import.class, SessionCommand.Status.class, SessionCommand.Clear.class,
                SessionCommand.Export.class, CommandLine.HelpCommand.class})
final class SessionCommand implements Runnable {

    @ParentCommand
    CavosCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", description = {"Checks a session token and stores it in the OS keychain.",
            "Without TOKEN (or with -), reads it from standard input, hidden when typed in a terminal."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        SessionCommand session;

        @Parameters(arity = "0..1", paramLabel = "TOKEN", description = "The token exported from the Cavos dashboard.")
        String token;

        @Override
        public Integer call() {
            CavosCommand root = session.root;
            SessionToken parsed = SessionToken.decode(token == null || token.equals("-") ? readToken() : token);
            var options = root.connectionOptions();
            Optional<String> network = options.network().or(parsed::network);
            Optional<String> rpcUrl = options.rpcUrl().or(parsed::rpcUrl);
            SessionStore store = root.sessionStore();
            store.save(parsed, network, rpcUrl);

            ObjectNode data = Render.sessionSummary(parsed);
            data.put("store", store.kind());
            network.ifPresent(n -> data.put("network", n));
            var warnings = WalletService.tokenWarnings(parsed);
            Render.warnings(data, warnings);
            String text = "Session imported into the " + (store.kind().equals("keychain") ? "OS keychain" : "encrypted file "
                    + store.home().resolve("session.enc")) + ".\n"
                    + "  wallet       " + parsed.walletAddress().toHex() + "\n"
                    + "  session key  " + parsed.sessionPublicKey().toHex() + "\n"
                    + "  valid until  " + Render.time(parsed.validUntil()) + "\n"
                    + "  network      " + network.orElse("detected on first use (or pass --network)") + "\n"
                    + "Next: cavos session status";
            Render.printWarnings(root.output(), warnings);
            root.output().success(data, text);
            return 0;
        }

        private String readToken() {
            if (System.console() != null) {
                char[] typed = System.console().readPassword("Paste the session token (input hidden): ");
                return typed == null ? "" : new String(typed);
            }
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                StringBuilder text = new StringBuilder();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    text.append(line);
                }
                return text.toString();
            } catch (IOException e) {
                throw new WalletError(WalletError.Code.INVALID_TOKEN, "Could not read the token from standard input.",
                        "Pass it as an argument: cavos session import <token>");
            }
        }
    }

    @Command(name = "status", description = "The session's on-chain state: registration, validity, renewal, calls made.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        SessionCommand session;

        @Override
        public Integer call() {
            CavosCommand root = session.root;
            WalletService wallet = root.wallet();
            WalletSnapshot snapshot = wallet.snapshot();
            SessionStatus status = wallet.status(snapshot);
            PolicyUsage policy = wallet.policyUsage(snapshot);

            ObjectNode data = Output.JSON.createObjectNode();
            data.put("sessionKey", status.sessionKey().toHex());
            data.put("isRegistered", status.registered());
            data.put("validUntil", Render.iso(status.validUntil()));
            data.put("isRenewable", status.isRenewable());
            data.put("callsMade", status.callsMade());
            data.put("callsMadeNote", "calls sent from this installation; the chain does not count calls");
            data.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
            data.put("validAfter", Render.iso(status.validAfter()));
            data.put("renewalDeadline", Render.iso(status.renewalDeadline()));
            data.put("secondsLeft", Math.max(0, status.secondsLeft()));
            data.put("chainTime", Render.iso(status.chainTime()));
            data.put("blockNumber", status.blockNumber());
            data.put("walletAddress", status.walletAddress().toHex());
            data.put("network", wallet.network().name());
            status.revocation().ifPresent(r -> data.put("revocation", r));
            Render.warnings(data, policy.warnings());

            String state = status.state().label() + switch (status.state()) {
                case ACTIVE, EXPIRING_SOON -> " (" + Render.duration(status.secondsLeft()) + " left)";
                case EXPIRED_RENEWABLE -> " (renew with: cavos renew, until " + Render.time(status.renewalDeadline()) + ")";
                case NOT_YET_ACTIVE -> " (starts " + Render.time(status.validAfter()) + ")";
                case REVOKED -> status.revocation().map(r -> " (" + r + ")").orElse("");
                default -> "";
            };
            String text = "Session Key: " + status.sessionKey().toHex() + "\n"
                    + "Registered: " + (status.registered() ? "Yes" : "No") + "\n"
                    + "State: " + state + "\n"
                    + "Valid Until: " + Render.time(status.validUntil()) + "\n"
                    + "Renewable: " + (status.isRenewable() ? "Yes" : "No") + "\n"
                    + "Calls Made: " + status.callsMade() + " (from this installation; the chain does not count calls)\n"
                    + "Wallet: " + status.walletAddress().toHex() + "\n"
                    + "Network: " + wallet.network().name() + " (block " + status.blockNumber() + ", chain time "
                    + Render.time(status.chainTime()) + ")";
            Render.printWarnings(root.output(), policy.warnings());
            root.output().success(data, text);
            return 0;
        }
    }

    @Command(name = "clear", description = "Forgets the imported session (the keychain entry and its settings). Nothing changes on chain.")
    static final class Clear implements Callable<Integer> {
        @ParentCommand
        SessionCommand session;

        @Override
        public Integer call() {
            SessionStore store = session.root.sessionStore();
            boolean had = store.load().isPresent();
            store.clear();
            ObjectNode data = Output.JSON.createObjectNode().put("cleared", had);
            session.root.output().success(data, had ? "Session removed from this computer. It is still valid on chain until it expires;"
                    + " to end it there too, run cavos revoke before clearing." : "No session was stored.");
            return 0;
        }
    }

    @Command(name = "export", description = "Prints the session token, e.g. to move it to another machine. Treat it as a password.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        SessionCommand session;

        @Override
        public Integer call() {
            SessionToken token = session.root.sessionToken();
            ObjectNode data = Render.sessionSummary(token).put("token", token.encode());
            session.root.output().warning("This token can spend within the session's limits: do not share it.");
            session.root.output().success(data, token.encode());
            return 0;
        }
    }
}
