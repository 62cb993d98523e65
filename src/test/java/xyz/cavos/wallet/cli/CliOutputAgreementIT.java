package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.cli.CliSandbox.RECIPIENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;
import xyz.cavos.wallet.app.CliLauncher;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.wallet.Amounts;

/**
 * Every command, run as a person would (text) and as a script would ({@code --json}) against an in-process
 * sandbox: each value in the JSON's {@code data} must appear in the text, unless the command lists it as
 * JSON-only with a reason. A result field added without its text, or a command added without a walk here,
 * fails this test.
 */
class CliOutputAgreementIT {

    /** Leaf commands that return no result, and why. */
    private static final Map<String, String> PRINT_THEMSELVES = Map.ofEntries(
            Map.entry("help", "picocli's usage help"),
            Map.entry("session help", "picocli's usage help"),
            Map.entry("network help", "picocli's usage help"),
            Map.entry("config help", "picocli's usage help"),
            Map.entry("sandbox help", "picocli's usage help"),
            Map.entry("contacts help", "picocli's usage help"),
            Map.entry("tokens help", "picocli's usage help"),
            Map.entry("sandbox start", "a node in the foreground, or export lines for a shell with --background: not a result"),
            Map.entry("sandbox stop", "stops a process: one line on stderr, not a result"),
            Map.entry("gui", "opens the desktop window"),
            Map.entry("completion", "prints a shell script"));

    private static final String DEFAULT = "/endpoints/*/endpoints/*/default";
    private static final String SHOWN_AS_DEFAULT = "a public default is marked (default) after it";
    private static final String IN_KEYCHAIN = "/endpoints/*/endpoints/*/inKeychain";
    private static final String SHOWN_AS_IN_KEYCHAIN = "a URL kept in the keychain is marked (in keychain) after it";

    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9]*([_-][A-Za-z0-9]+)*");

    @RegisterExtension
    final CliSandbox sandbox = new CliSandbox();
    private final SandboxNode node = sandbox.node();
    private final xyz.cavos.wallet.testing.SpecCheckingProxy paymaster = new xyz.cavos.wallet.testing.SpecCheckingProxy(node.paymasterUri());
    private final SandboxDashboard.DemoWallet demo = sandbox.createWallet(SandboxDashboard.WalletRequest.demo());
    private final Token wbtc = node.deployToken("Wrapped BTC", "wBTC", 8, false);
    private int homes;

    /**
     * One command as the user types it. {@code cli} is asked once per run (text, then JSON), so a command
     * that uses its session up gets a fresh one. {@code jsonOnly}: JSON pointers (array items as *) the text
     * leaves out on purpose, each with its reason.
     */
    private record Walk(List<String> args, Supplier<Cli> cli, Map<String, String> jsonOnly) {
        Walk(Supplier<Cli> cli, String... args) {
            this(List.of(args), cli, Map.of());
        }

        Walk except(String pointer, String reason) {
            Map<String, String> more = new LinkedHashMap<>(jsonOnly);
            more.put(pointer, reason);
            return new Walk(args, cli, more);
        }
    }

    private Cli withSession(SessionToken token) {
        return sandbox.cli().with("CAVOS_TOKEN", token.encode());
    }

    /** A session of its own, expired and inside its grace window. */
    private SessionToken expiredRenewable() {
        SessionToken hour = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.of(
                SandboxDashboard.SessionRequest.demo().policy().orElseThrow(), 3600));
        node.increaseTime(3700);
        return hour;
    }

    /** A home of its own with an encrypted session file (no keychain needed). */
    private Cli storedIn(SessionToken token) {
        Cli stored = new Cli(Map.of("CAVOS_HOME", sandbox.home().resolve("stored-" + homes++).toString(), "CAVOS_PASSPHRASE", "a test passphrase"));
        Cli.Result imported = stored.run("--store", "encrypted-file", "session", "import", token.encode());
        assertEquals(0, imported.exit(), imported.toString());
        return stored;
    }

    /** A config folder of its own, with nothing in it yet. */
    private Cli freshHome() {
        return sandbox.cli().with("CAVOS_HOME", sandbox.home().resolve("contacts-" + homes++).toString());
    }

    /** The sandbox's paymaster (through a proxy checking each exchange against SNIP-29's document) and its API key, from the environment. */
    private Cli withPaymaster() {
        return sandbox.cli().with("CAVOS_PAYMASTER_URL", paymaster.uri().toString()).with("CAVOS_PAYMASTER_API_KEY", node.paymasterApiKey());
    }

    private Cli withContact(Cli cli) {
        assertEquals(0, cli.run("contacts", "add", "Bob", SandboxNode.DEMO_SWAP.toHex(), "--note", "the demo swap").exit());
        return cli;
    }

    private Cli withToken(Cli cli) {
        assertEquals(0, cli.run("tokens", "add", wbtc.address().toHex()).exit());
        return cli;
    }

    private Cli freshSession() {
        return withSession(node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.demo()));
    }

    @Test
    void everyCommandShowsInTextWhatItsJsonCarries() {
        String strk = Token.STRK.address().toHex();
        String swap = SandboxNode.DEMO_SWAP.toHex();
        String calls = "[{\"contractAddress\":\"" + strk + "\",\"entrypoint\":\"transfer\",\"calldata\":[\"" + RECIPIENT
                + "\",\"u256:1\"]},{\"contractAddress\":\"" + strk + "\",\"entrypoint\":\"approve\",\"calldata\":[\"" + swap + "\",\"u256:2\"]}]";
        assertEquals(0, sandbox.cli().run("contacts", "add", "Alice", RECIPIENT, "--note", "rent").exit(), "a contact the transfers name");
        node.mint(demo.address(), wbtc, U256.parseAmount("0.125", 8));
        assertEquals(0, sandbox.cli().run("tokens", "add", wbtc.address().toHex()).exit(), "a token added by hand");
        String sentHash = sandbox.cli().run("--json", "transfer", "--to", RECIPIENT, "--amount", "0.25", "--token", "STRK")
                .json().at("/data/transactionHash").asText();
        String raw = "base units for scripts; the text shows the decimal amount";
        String sessionOfToken = "the text is the bare token, so it can be piped";
        String checksInWords = "the warnings on stderr say each in words";

        List<Walk> walks = List.of(
                new Walk(sandbox::cli, "whoami"),
                new Walk(sandbox::cli, "balance")
                        .except("/balances/*/name", "the symbol stands for the token in text")
                        .except("/balances/*/address", "the symbol stands for the token in text")
                        .except("/balances/*/decimals", "the amount is printed with exactly these decimals")
                        .except("/balances/*/raw", raw),
                new Walk(sandbox::cli, "balance", "--token", "USDC")
                        .except("/balances/*/name", "the symbol stands for the token in text")
                        .except("/balances/*/address", "the symbol stands for the token in text")
                        .except("/balances/*/decimals", "the amount is printed with exactly these decimals")
                        .except("/balances/*/raw", raw),
                new Walk(sandbox::cli, "session", "status")
                        .except("/secondsLeft", "shown as a duration in State, e.g. (23h 59m left)"),
                new Walk(sandbox::cli, "session", "export")
                        .except("/walletAddress", sessionOfToken).except("/sessionKey", sessionOfToken)
                        .except("/validAfter", sessionOfToken).except("/validUntil", sessionOfToken).except("/network", sessionOfToken),
                new Walk(sandbox::cli, "policy", "show")
                        .except("/anyContract", "shown as \"any\" or the contracts under Allowed Contracts")
                        .except("/spendingLimits/*/token", "the symbol names the token (an unknown token's symbol is its address)")
                        .except("/spendingLimits/*/remaining", "the limit minus what was spent, both shown")
                        .except("/spendingLimits/*/spentRaw", raw)
                        .except("/spendingLimits/*/limitRaw", raw)
                        .except("/allowedContracts/*/address", "the name carries the address, shortened"),
                new Walk(sandbox::cli, "transfer", "--to", RECIPIENT, "--amount", "0.5", "--token", "STRK").except("/amountRaw", raw)
                        .except("/recipientChecks/*", checksInWords),
                new Walk(sandbox::cli, "--no-wait", "transfer", "--to", "Alice", "--amount", "0.1", "--token", "STRK").except("/amountRaw", raw)
                        .except("/recipientChecks/*", checksInWords),
                new Walk(this::withPaymaster, "--fee-mode", "sponsored", "transfer", "--to", RECIPIENT, "--amount", "0.5", "--token", "STRK")
                        .except("/amountRaw", raw).except("/recipientChecks/*", checksInWords),
                new Walk(this::withPaymaster, "--fee-mode", "token", "--gas-token", "STRK", "--max-fee", "1", "transfer", "--to", RECIPIENT, "--amount", "0.5",
                        "--token", "STRK").except("/amountRaw", raw).except("/recipientChecks/*", checksInWords)
                        .except("/estimatedFee", "the fee line shows what was paid: the fee transfer signed, at most the maximum"),
                new Walk(this::withPaymaster, "--fee-mode", "token", "--gas-token", "STRK", "simulate", "--contract", strk, "--entrypoint",
                        "transfer", "--calldata", RECIPIENT + ",u256:1"),
                new Walk(sandbox::cli, "approve", "--spender", swap, "--amount", "1", "--token", "STRK").except("/amountRaw", raw),
                new Walk(sandbox::cli, "approve", "--spender", swap, "--amount", "0", "--token", "STRK").except("/amountRaw", raw),
                new Walk(sandbox::cli, "allowances").except("/allowances/*/amountRaw", raw),
                new Walk(sandbox::cli, "tokens", "list"),
                new Walk(this::freshHome, "tokens", "add", wbtc.address().toHex()),
                new Walk(() -> withToken(freshHome()), "tokens", "remove", "wBTC"),
                new Walk(sandbox::cli, "balance", "--token", "wBTC")
                        .except("/balances/*/name", "the symbol stands for the token in text")
                        .except("/balances/*/address", "the symbol stands for the token in text")
                        .except("/balances/*/decimals", "the amount is printed with exactly these decimals")
                        .except("/balances/*/raw", raw),
                new Walk(sandbox::cli, "execute", "--contract", strk, "--entrypoint", "approve", "--calldata", swap + ",u256:5"),
                new Walk(sandbox::cli, "call", "--contract", strk, "--entrypoint", "decimals"),
                new Walk(sandbox::cli, "multicall", "--calls", calls),
                new Walk(sandbox::cli, "simulate", "--contract", strk, "--entrypoint", "transfer", "--calldata", RECIPIENT + ",u256:1"),
                new Walk(sandbox::cli, "simulate", "--calls", calls),
                new Walk(sandbox::cli, "tx", "status", sentHash),
                new Walk(sandbox::cli, "history")
                        .except("/more", "the last line says whether older entries remain")
                        .except("/entries/*/direction", "the amount's sign says it: + in, - out")
                        .except("/entries/*/amountRaw", raw)
                        .except("/entries/*/description", "the what and counterparty columns say it in the table"),
                new Walk(sandbox::cli, "history", "--csv"),
                new Walk(() -> withSession(expiredRenewable()), "renew").except("/stored", "the last line says where the new token went"),
                new Walk(() -> storedIn(expiredRenewable()), "renew").except("/stored", "the last line says where the new token went"),
                new Walk(() -> new Cli(Map.of("CAVOS_HOME", sandbox.home().resolve("import-" + homes++).toString(), "CAVOS_PASSPHRASE", "p")),
                        "--store", "encrypted-file", "session", "import", demo.token().encode()),
                new Walk(() -> storedIn(demo.token()), "session", "clear")
                        .except("/cleared", "the sentence says it: removed, or nothing was stored"),
                new Walk(() -> storedIn(demo.token()), "session", "list")
                        .except("/sessions/*/walletAddress", "the table shows it shortened, e.g. 0x4a1b…e8f")
                        .except("/sessions/*/current", "the current session is marked with * before its name"),
                new Walk(() -> storedIn(demo.token()), "session", "use", "sandbox-" + demo.address().toHex().substring(2, 8)),
                new Walk(this::freshSession, "revoke"),
                new Walk(this::freshSession, "revoke", "--all", "--yes"),
                new Walk(() -> sandbox.cli().with("CAVOS_RPC_URLS", node.rpcUri() + ",http://127.0.0.1:1/rpc/v0_10"), "network", "check"),
                new Walk(() -> sandbox.cli().with("CAVOS_RPC_URLS", node.rpcUri().toString()), "--network", "sandbox", "network", "check"),
                new Walk(sandbox::cli, "config", "set", "sandbox.rpc-urls", node.rpcUri() + ",http://localhost:" + node.port() + "/rpc/v0_10")
                        .except(DEFAULT, SHOWN_AS_DEFAULT).except(IN_KEYCHAIN, SHOWN_AS_IN_KEYCHAIN),
                new Walk(sandbox::cli, "config", "set", "network", "sandbox")
                        .except(DEFAULT, SHOWN_AS_DEFAULT).except(IN_KEYCHAIN, SHOWN_AS_IN_KEYCHAIN),
                new Walk(sandbox::cli, "config", "set", "paymaster-url", "https://paymaster.example/")
                        .except(DEFAULT, SHOWN_AS_DEFAULT).except(IN_KEYCHAIN, SHOWN_AS_IN_KEYCHAIN),
                new Walk(sandbox::cli, "config", "show")
                        .except(DEFAULT, SHOWN_AS_DEFAULT).except(IN_KEYCHAIN, SHOWN_AS_IN_KEYCHAIN),
                new Walk(sandbox::cli, "contacts", "list"),
                new Walk(this::freshHome, "contacts", "add", "Bob", SandboxNode.DEMO_SWAP.toHex(), "--note", "the demo swap"),
                new Walk(() -> withContact(freshHome()), "contacts", "remove", "bob"),
                new Walk(sandbox::cli, "config", "unset", "sandbox.rpc-urls")
                        .except(DEFAULT, SHOWN_AS_DEFAULT).except(IN_KEYCHAIN, SHOWN_AS_IN_KEYCHAIN));

        Set<String> walked = new TreeSet<>();
        Set<Class<?>> results = new java.util.HashSet<>();
        for (Walk walk : walks) {
            String[] args = walk.args().toArray(String[]::new);
            Cli.Returned text = walk.cli().get().runReturning(args);
            String[] jsonArgs = withJson(args);
            Cli.Returned json = walk.cli().get().runReturning(jsonArgs);
            String where = String.join(" ", args);
            assertEquals(0, text.printed().exit(), where + "\n" + text.printed());
            assertEquals(0, json.printed().exit(), where + " --json\n" + json.printed());
            assertTrue(text.value().isPresent() && json.value().isPresent(), where + ": returns a result");
            assertEquals(text.value().get().getClass(), json.value().get().getClass(), where);
            assertFalse(text.printed().out().startsWith("{"), where + ": text, not JSON\n" + text.printed());
            walked.add(text.command());
            results.add(text.value().get().getClass());

            JsonNode envelope = json.printed().json();
            assertEquals("success", envelope.get("status").asText(), where);
            JsonNode printedData = envelope.get("data");
            // the text run's own result as JSON: the same values the text was rendered from
            JsonNode data = Output.data(text.value().get());
            assertEquals(leaves(printedData).keySet(), leaves(data).keySet(), where + ": the same fields in both runs");
            assertAgrees(where, data, text.printed(), walk.jsonOnly());
        }

        Set<String> leafCommands = new TreeSet<>(leafCommands(CliLauncher.commandLine(Map.of())));
        leafCommands.removeAll(PRINT_THEMSELVES.keySet());
        assertEquals(leafCommands, walked, "every command that returns a result is walked here");
        Set<Class<?>> declared = Arrays.stream(CommandResult.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(declared, results, "every result type is produced by some walk");
        paymaster.close();
        assertEquals(List.of(), paymaster.specProblems(), "every paymaster exchange follows the SNIP-29 document");
        assertTrue(paymaster.methodsChecked().contains("paymaster_executeTransaction"), paymaster.methodsChecked().toString());
    }

    /** Each leaf of {@code data} is in the text (warnings: on stderr), or listed as JSON-only. */
    private static void assertAgrees(String where, JsonNode data, Cli.Result text, Map<String, String> jsonOnly) {
        Map<String, JsonNode> leaves = leaves(data);
        Set<String> patterns = leaves.keySet().stream().map(CliOutputAgreementIT::pattern).collect(Collectors.toSet());
        for (String listed : jsonOnly.keySet()) {
            assertTrue(patterns.contains(listed), where + ": JSON-only " + listed + " is not in the JSON " + data);
        }
        List<String> missing = new ArrayList<>();
        leaves.forEach((pointer, value) -> {
            if (jsonOnly.containsKey(pattern(pointer))) {
                return;
            }
            String shown = pointer.startsWith("/warnings/") ? text.err() : text.out();
            if (!shown(shown, value)) {
                missing.add(pointer + " = " + value);
            }
        });
        assertTrue(missing.isEmpty(), where + ": in the JSON but not in the text: " + missing + "\n" + text);
    }

    /**
     * Whether the text shows a JSON value: strings verbatim; numbers as they are or as amounts are written for people; ISO times as the
     * text prints times; booleans as Yes/No (yes/no in a table); codes (active, ACCEPTED_ON_L2, encrypted-file)
     * as their words.
     */
    private static boolean shown(String text, JsonNode value) {
        if (value.isBoolean()) {
            return Pattern.compile("\\b(" + (value.asBoolean() ? "Yes|yes" : "No|no") + ")\\b").matcher(text).find();
        }
        String s = value.asText();
        if (value.isNumber() || NUMBER.matcher(s).matches()) {
            // an amount is written for people in the text: 1000.0 as 1,000
            return Stream.of(s, Amounts.readable(s)).anyMatch(form ->
                    Pattern.compile("(?<![\\w.,])" + Pattern.quote(form) + "(?!\\w|[.,]\\d)").matcher(text).find());
        }
        if (ISO_INSTANT.matcher(s).matches()) {
            return text.contains(Render.time(Instant.parse(s)));
        }
        if (s.isEmpty() || text.contains(s)) {
            return true;
        }
        return CODE.matcher(s).matches()
                && Pattern.compile(String.join("[\\W_]+", s.split("[_-]")), Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    /** JSON pointer to value, for every scalar in the tree. */
    private static Map<String, JsonNode> leaves(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect("", node, out);
        return out;
    }

    private static void collect(String pointer, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.properties().forEach(field -> collect(pointer + "/" + field.getKey(), field.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(pointer + "/" + i, node.get(i), out);
            }
        } else if (!node.isNull()) {
            out.put(pointer, node);
        }
    }

    /** /balances/2/raw as /balances/{@literal *}/raw. */
    private static String pattern(String pointer) {
        return pointer.replaceAll("/\\d+(?=/|$)", "/*");
    }

    private static String[] withJson(String[] args) {
        String[] json = Arrays.copyOf(args, args.length + 1);
        json[args.length] = "--json";
        return json;
    }

    /** "session status", "balance", …: the commands picocli would run, without those that only group others. */
    static List<String> leafCommands(CommandLine command) {
        List<String> out = new ArrayList<>();
        if (command.getSubcommands().isEmpty()) {
            out.add(command.getCommandSpec().qualifiedName(" ").replaceFirst("^cavos ?", ""));
        }
        command.getSubcommands().values().forEach(sub -> out.addAll(leafCommands(sub)));
        return out;
    }
}
