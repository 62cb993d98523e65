package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.testing.FaultyProxy;
import xyz.cavos.wallet.testing.ScriptedNode;
import xyz.cavos.wallet.testing.ScriptedNode.Fault;
import xyz.cavos.wallet.testing.SecretScan;

/**
 * The hostile-input campaign as a test: well over a hundred bad arguments, piped inputs, files and hostile RPC
 * servers, each run through the command line, in text or JSON. Every case must end in time with exit 0, 1 or 2 and
 * a plain message: no unexpected error, no stack trace, no Java class name, no part of the session's key or token,
 * and the imported session must still be there, unchanged, at the end. The figures are printed for the record.
 */
class BadInputCampaignIT {

    private static final String RECIPIENT = "0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b";
    /** Far beyond any case's own timeouts (30 s per RPC exchange): a case still running then is a hang. */
    private static final long HANG_SECONDS = 150;
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|com|org|xyz)\\.[a-z]+\\.|\\b[A-Z][A-Za-z]*(Exception|Error)\\b");

    @TempDir
    Path home;

    @TempDir
    Path files;

    /** One command line to run: its arguments, what is piped in (null: nothing), the RPC endpoint to use (null: the token's). */
    private record Case(String name, List<String> args, String stdin, String rpcUrl, Map<String, String> env) {
        Case(String name, List<String> args, String stdin, String rpcUrl) {
            this(name, args, stdin, rpcUrl, Map.of());
        }
    }

    private record Outcome(Case c, int exit, String shown, boolean hung) {
    }

    @Test
    void everyBadInputEndsInAPlainErrorAndNothingIsLostOrShown() throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
            String token = demo.token().encode();
            Map<String, String> env = Map.of("CAVOS_HOME", home.resolve("cavos").toString(), "CAVOS_PASSPHRASE", "campaign passphrase");
            Cli cli = new Cli(env);
            assertEquals(0, cli.runWithInput(token, "--store", "encrypted-file", "session", "import").exit());

            List<Case> cases = new ArrayList<>();
            arguments(cases, token);
            inputs(cases, token);
            damagedFiles(cases, token);
            List<Outcome> outcomes = new ArrayList<>();
            for (Case c : cases) {
                Cli withEnv = cli;
                for (Map.Entry<String, String> e : c.env().entrySet()) {
                    withEnv = withEnv.with(e.getKey(), e.getValue());
                }
                outcomes.add(run(withEnv, c));
            }
            try (ScriptedNode stalls = new ScriptedNode().fault(Fault.STALL_MID_BODY, 1000);
                 ScriptedNode huge = new ScriptedNode().fault(Fault.HUGE_BODY, 1000);
                 ScriptedNode html = new ScriptedNode().fault(Fault.HTML_502, 1000);
                 ScriptedNode garbled = new ScriptedNode().fault(Fault.NOT_JSON, 1000);
                 ScriptedNode drops = new ScriptedNode().fault(Fault.DROP_CONNECTION, 1000);
                 ScriptedNode limited = new ScriptedNode().fault(Fault.HTTP_429, 1000);
                 ScriptedNode failing = new ScriptedNode().fault(Fault.HTTP_503, 1000);
                 ScriptedNode hugeFelt = new ScriptedNode().answer("starknet_chainId", "\"0x" + "1".repeat(10_000_000) + "\"")
                         .answer("starknet_specVersion", "\"0.10.2\"");
                 FaultyProxy fewFelts = FaultyProxy.rewriting(node.rpcUri(),
                         body -> body.replaceAll("\"result\":\\[(\"0x[0-9a-f]+\"),\"0x[0-9a-f]+\"\\]", "\"result\":[$1]"));
                 FaultyProxy objectsForLists = FaultyProxy.rewriting(node.rpcUri(), body -> body.replaceAll("\"result\":\\[[^\\]]*\\]", "\"result\":{}"));
                 FaultyProxy hugeNumbers = FaultyProxy.rewriting(node.rpcUri(),
                         body -> body.replaceAll("\"result\":\"0x[0-9a-f]+\"", "\"result\":\"0x" + "f".repeat(100_000) + "\""));
                 FaultyProxy otherChain = FaultyProxy.rewriting(node.rpcUri(), body -> body.replace("\"0x534e5f5345504f4c4941\"", "\"0x534e5f4d41494e\"")
                         .replace(demoChainHex(), "\"0x534e5f4d41494e\""));
                 FaultyProxy oldSpec = FaultyProxy.rewriting(node.rpcUri(), body -> body.replaceAll("\"0\\.10\\.[0-9]+\"", "\"0.7.1\""));
                 FaultyProxy healthy = new FaultyProxy(node.rpcUri(), 7, 0.0, java.time.Duration.ZERO)) {
                Map<String, String> servers = new LinkedHashMap<>();
                servers.put("a body that stalls halfway", stalls.uri().toString());
                servers.put("a 9 MB body", huge.uri().toString());
                servers.put("an HTML error page", html.uri().toString());
                servers.put("truncated JSON", garbled.uri().toString());
                servers.put("dropped connections", drops.uri().toString());
                servers.put("HTTP 429 forever", limited.uri().toString());
                servers.put("HTTP 503 forever", failing.uri().toString());
                servers.put("a felt of ten million digits", hugeFelt.uri().toString());
                servers.put("too few felts", fewFelts.uri().toString());
                servers.put("objects for lists", objectsForLists.uri().toString());
                servers.put("numbers of 100,000 digits", hugeNumbers.uri().toString());
                servers.put("another chain", otherChain.uri().toString());
                servers.put("an old spec", oldSpec.uri().toString());
                servers.put("a host that does not resolve", "http://no-such-host.invalid:5050/rpc/v0_10");
                servers.put("a closed port", "http://127.0.0.1:9/rpc/v0_10");
                servers.put("a healthy node, for contrast", healthy.uri().toString());
                List<Case> hostile = new ArrayList<>();
                servers.forEach((what, url) -> {
                    hostile.add(new Case(what + ": balance", List.of("balance"), null, url));
                    hostile.add(new Case(what + ": --json session status", List.of("--json", "session", "status"), null, url));
                    hostile.add(new Case(what + ": transfer", List.of("--json", "transfer", "--to", RECIPIENT, "--amount", "0.001", "--token", "STRK"), null, url));
                });
                ExecutorService pool = Executors.newFixedThreadPool(6);
                List<Future<Outcome>> running = new ArrayList<>();
                for (Case c : hostile) {
                    running.add(pool.submit(() -> run(cli.with("CAVOS_RPC_URL", c.rpcUrl()).with("CAVOS_NETWORK", "sandbox"), c)));
                }
                for (Future<Outcome> f : running) {
                    outcomes.add(f.get());
                }
                pool.shutdownNow();
            }

            int hangs = 0;
            int unexpected = 0;
            int traces = 0;
            int classNames = 0;
            int secrets = 0;
            int clean = 0;
            int succeeded = 0;
            List<String> accepted = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Outcome o : outcomes) {
                String label = o.c().name();
                if (o.hung()) {
                    hangs++;
                    problems.add("hung: " + label);
                    continue;
                }
                boolean bad = false;
                if (o.exit() < 0 || o.exit() > 2 || o.shown().contains("\"unexpected\"") || o.shown().contains("Something unexpected")) {
                    unexpected++;
                    bad = true;
                    Path log = home.resolve("cavos").resolve("cavos.log");
                    problems.add("unexpected: " + label + "\n" + o.shown() + (Files.exists(log) ? "\n" + Files.readString(log) : ""));
                }
                if (o.shown().contains("\tat ") || o.shown().contains("Exception in thread")) {
                    traces++;
                    bad = true;
                    problems.add("stack trace: " + label);
                }
                if (CLASS_NAME.matcher(o.shown()).find()) {
                    classNames++;
                    bad = true;
                    problems.add("class name: " + label + "\n" + o.shown());
                }
                if (o.shown().length() > 4000) {
                    bad = true;
                    problems.add("flooded the screen with " + o.shown().length() + " characters: " + label);
                }
                try {
                    SecretScan.assertNoSecretIn(o.shown(), demo.token(), label);
                } catch (AssertionError e) {
                    secrets++;
                    bad = true;
                    problems.add("secret shown: " + label);
                }
                if (!bad) {
                    if (o.exit() == 0) {
                        succeeded++;
                        accepted.add(label);
                    } else {
                        clean++;
                    }
                }
            }
            Cli.Result export = cli.run("session", "export");
            int lost = export.exit() == 0 && export.out().contains(token) ? 0 : 1;
            System.out.printf("bad-input campaign: %d cases, %d clean errors, %d accepted, %d hangs, %d unexpected errors, %d stack traces,"
                    + " %d with class names, %d with secrets, %d lost; accepted: %s%n", outcomes.size(), clean, succeeded, hangs, unexpected,
                    traces, classNames, secrets, lost, accepted);
            assertTrue(outcomes.size() >= 139, "the campaign is at least as large as the one it replays");
            assertEquals(List.of(), problems);
            assertEquals(0, lost, "the imported session is still there, unchanged");
            SecretScan.assertKeyInNoFile(home, demo.token());
        }
    }

    private static String demoChainHex() {
        return "\"" + xyz.cavos.wallet.wallet.Network.SANDBOX.chainId().toHex() + "\"";
    }

    private Outcome run(Cli cli, Case c) {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Future<Cli.Result> future = one.submit(() -> c.stdin() == null ? cli.run(c.args().toArray(String[]::new))
                    : cli.runWithInput(c.stdin(), c.args().toArray(String[]::new)));
            Cli.Result result = future.get(HANG_SECONDS, TimeUnit.SECONDS);
            return new Outcome(c, result.exit(), result.out() + result.err(), false);
        } catch (TimeoutException e) {
            return new Outcome(c, -1, "", true);
        } catch (Exception e) {
            return new Outcome(c, -1, "the command line threw: " + e, false);
        } finally {
            one.shutdownNow();
        }
    }

    private void arguments(List<Case> cases, String token) throws Exception {
        for (String timeout : List.of("0", "-1", "9223372036854775807", "86401", "abc", "1e3", "")) {
            cases.add(args("--timeout " + timeout, "--timeout", timeout, "transfer", "--to", RECIPIENT, "--amount", "1", "--token", "STRK"));
        }
        for (String amount : List.of("", "-1", "1e18", "1.0000000000000000001", "1".repeat(10_000), "NaN", "Infinity", " 1", "1,5",
                "\u0661\u0662", "0", "0.0", "9".repeat(100), "0x10", "+1", "1..0", ".", "1/2", "５")) {
            cases.add(args("amount " + shortly(amount), "transfer", "--to", RECIPIENT, "--amount", amount, "--token", "STRK"));
        }
        for (String to : List.of("", "0x", "0xg", "-0x1", "0x" + "f".repeat(65), "0x" + "0".repeat(1_000_000) + "1", "0x0", "@/etc/hostname",
                "9".repeat(79), "\uff10x1", "0x" + "f".repeat(64), token, "0X1 ", "null")) {
            cases.add(args("recipient " + shortly(to), "transfer", "--to", to, "--amount", "1", "--token", "STRK"));
        }
        for (String symbol : List.of("", "BTC", "0x1", "strk", "A".repeat(100_000), token, "0x" + "9".repeat(70))) {
            cases.add(args("token symbol " + shortly(symbol), "transfer", "--to", RECIPIENT, "--amount", "1", "--token", symbol));
            cases.add(args("balance --token " + shortly(symbol), "--json", "balance", "--token", symbol));
        }
        for (String calldata : List.of("u256:-1", "u256:" + "9".repeat(80), "str:" + "x".repeat(40), "str:\u00e9", ",,,", "1,".repeat(5000),
                "0x1 ,0x2", "u256:", "str:", "0x" + "f".repeat(64))) {
            cases.add(args("calldata " + shortly(calldata), "--json", "simulate", "--contract", Token.STRK.address().toHex(), "--entrypoint",
                    "transfer", "--calldata", calldata));
        }
        Path bigCalls = files.resolve("big.json");
        Files.writeString(bigCalls, "[" + " ".repeat(2 * 1024 * 1024) + "]");
        Path manyCalls = files.resolve("many.json");
        Files.writeString(manyCalls, "[" + "{\"to\":\"0x1\",\"entrypoint\":\"f\"},".repeat(200) + "{\"to\":\"0x1\",\"entrypoint\":\"f\"}]");
        for (String calls : List.of("", "[]", "{}", "[1]", "[{}]", "[{\"to\":\"0x1\"}]", "[".repeat(100_000), "@/dev/zero", "@/nonexistent",
                "@" + files, "@" + bigCalls, "@" + manyCalls, "[{\"to\":\"0x1\",\"entrypoint\":\"f\",\"calldata\":{\"a\":1}}]",
                "[{\"to\":\"0x1\",\"entrypoint\":\"f\",\"calldata\":[" + "\"1\",".repeat(5000) + "\"1\"]}]", "@")) {
            cases.add(args("calls " + shortly(calls), "multicall", "--calls", calls));
        }
        for (String entrypoint : List.of("", "1abc", "a b", "0x" + "f".repeat(70), "transfer;rm", "\u00e9t\u00e9")) {
            cases.add(args("entrypoint " + shortly(entrypoint), "call", "--contract", RECIPIENT, "--entrypoint", entrypoint));
        }
        for (List<String> usage : List.of(List.of("--tokn", "x"), List.of("bogus"), List.of("transfer"), List.of("balance", "extra"),
                List.of("--network", "moon", "balance"), List.of("--rpc-url", "ftp://x", "balance"), List.of("--rpc-url", "http://", "balance"),
                List.of("--rpc-url", "http://h/" + "a".repeat(5000), "balance"), List.of("--rpc-url", "http://[::1", "balance"),
                List.of("balance", token), List.of("--json", "balance", token), List.of("session", "status", token),
                List.of("tx", "status", ""), List.of("tx", "status", "0x"), List.of("tx", "status", "0x" + "f".repeat(65)),
                List.of("config", "set", "moon.rpc-urls", "http://x"), List.of("config", "set", "network", "moon"),
                List.of("config", "set", "sandbox.rpc-urls", "ftp://x"), List.of("config", "unset", "bogus"),
                List.of("--store", "floppy", "balance"), List.of("--json", "--store", "floppy", "session", "status"),
                List.of("renew", "--force", "--bogus"), List.of("revoke", "--all"), List.of("completion", "--shell", "tcsh"))) {
            cases.add(new Case("usage " + shortly(String.join(" ", usage)), usage, null, null));
        }
        List<String> manyUrls = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            manyUrls.addAll(List.of("--rpc-url", "http://127.0.0.1:" + (6000 + i)));
        }
        manyUrls.add("balance");
        cases.add(new Case("17 endpoints", manyUrls, null, null));
    }

    private void inputs(List<Case> cases, String token) {
        String json = new String(Base64.getDecoder().decode(token), StandardCharsets.ISO_8859_1);
        Encoder b64 = s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.ISO_8859_1));
        List<String> badTokens = List.of("", "garbage", "eyJ" + "A".repeat(100), b64.apply("{}"), b64.apply("[]"),
                b64.apply(json.replaceFirst("\"nonce\":\"0x[0-9a-f]+\"", "\"nonce\":\"0x1\"")),
                b64.apply(json.replaceFirst("\"sessionPrivateKey\":\"0x[0-9a-f]+\"", "\"sessionPrivateKey\":\"0x" + "1".repeat(100_000) + "\"")),
                b64.apply("{\"a\":" + "[".repeat(50_000) + "}"), token.substring(0, token.length() / 2), "A".repeat(10_000_000),
                b64.apply(json.replaceFirst("\"walletAddress\":\"0x[0-9a-f]+\"", "\"walletAddress\":\"0x0\"")),
                b64.apply(json.replaceFirst("\"validUntil\":\"?[0-9]+\"?", "\"validUntil\":-5")), token + "!!", "\u0000\u0001\u0002");
        for (String bad : badTokens) {
            assertTrue(!bad.equals(token), "each bad token differs from the good one");
            cases.add(new Case("import " + shortly(bad), List.of("--store", "encrypted-file", "session", "import"), bad, null));
            cases.add(new Case("--token " + shortly(bad), List.of("--json", "--token", bad, "whoami"), null, null));
        }
        cases.add(new Case("import pasted over lines with quotes", List.of("--json", "--token", "\"" + token.substring(0, 40) + "\n"
                + token.substring(40) + "\"", "whoami"), null, null));
    }

    /** Homes whose files were damaged or made hostile: an encrypted session with absurd key-derivation costs, huge settings. */
    private void damagedFiles(List<Case> cases, String token) throws Exception {
        Map<String, String> damage = new LinkedHashMap<>();
        damage.put("memoryKiB 2147483647", "\"memoryKiB\" : 2147483647");
        damage.put("iterations 2147483647", "\"iterations\" : 2147483647");
        damage.put("parallelism 0", "\"parallelism\" : 0");
        damage.put("memoryKiB -1", "\"memoryKiB\" : -1");
        int n = 0;
        for (Map.Entry<String, String> d : damage.entrySet()) {
            Path damagedHome = files.resolve("damaged-" + n++);
            Cli importer = new Cli(Map.of("CAVOS_HOME", damagedHome.toString(), "CAVOS_PASSPHRASE", "campaign passphrase"));
            assertEquals(0, importer.runWithInput(token, "--store", "encrypted-file", "session", "import").exit());
            Path enc = damagedHome.resolve("session.enc");
            String field = d.getValue().substring(0, d.getValue().indexOf(':')).strip();
            Files.writeString(enc, Files.readString(enc).replaceFirst(Pattern.quote(field) + "\\s*:\\s*[0-9]+", d.getValue()));
            for (List<String> command : List.of(List.of("balance"), List.of("--json", "session", "export"))) {
                cases.add(new Case("session.enc with " + d.getKey() + ": " + String.join(" ", command), command, null, null,
                        Map.of("CAVOS_HOME", damagedHome.toString())));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("config.json of 2 MB", "config.json");
        settings.put("settings.json of 2 MB", "settings.json");
        for (Map.Entry<String, String> big : settings.entrySet()) {
            Path bigHome = Files.createDirectories(files.resolve("big-" + big.getValue()));
            Files.writeString(bigHome.resolve(big.getValue()), "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
            cases.add(new Case(big.getKey(), List.of("--json", "session", "status"), null, null,
                    Map.of("CAVOS_HOME", bigHome.toString(), "CAVOS_TOKEN", token)));
            cases.add(new Case(big.getKey() + ", config show", List.of("config", "show"), null, null, Map.of("CAVOS_HOME", bigHome.toString())));
        }
    }

    private interface Encoder {
        String apply(String s);
    }

    private static Case args(String name, String... args) {
        return new Case(name, List.of(args), null, null);
    }

    private static String shortly(String value) {
        String shown = value.length() > 24 ? value.substring(0, 12) + "…(" + value.length() + ")" : value;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?").replace("eyJ", "ey·") + "\"";
    }
}
