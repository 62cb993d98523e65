package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.sandbox.FaultPlan;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.testing.SecretScan;

/** {@code cavos network check} and {@code cavos config show|set|unset} against an in-process sandbox and broken endpoints. */
class NetworkCommandsIT {

    private static final String SECRET = "SECRETKEY";

    @RegisterExtension
    final CliSandbox sandbox = new CliSandbox();
    private final SandboxNode node = sandbox.node();
    private final SandboxDashboard.DemoWallet demo = sandbox.createWallet(SandboxDashboard.WalletRequest.demo());
    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    /** A loopback server that answers every request with this status, content type and body. */
    private URI answering(int status, String contentType, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc/v0_10");
    }

    /** The sandbox under another path, where faults can be set apart from its own path. */
    private String sandboxAt(String prefix) {
        return "http://127.0.0.1:" + node.port() + prefix + "/rpc/v0_10";
    }

    private static List<String> verdicts(JsonNode data) {
        List<String> out = new ArrayList<>();
        data.at("/endpoints").forEach(e -> out.add(e.get("verdict").asText()));
        return out;
    }

    @Test
    void aGoneAndAnHtmlEndpointArePassedOverAndTheCheckSaysWhichIsWhich() throws IOException {
        URI gone = answering(410, "application/json", "{\"error\":\"This endpoint has been discontinued.\"}");
        URI html = answering(200, "text/html", "<!DOCTYPE html><html><head><title>Parked</title></head><body>Parked</body></html>");
        Cli cli = sandbox.cli().with("CAVOS_RPC_URLS", gone + "," + html + "," + node.rpcUri());

        Cli.Result balance = cli.run("balance");
        assertEquals(0, balance.exit(), balance.toString());
        assertTrue(balance.out().contains("STRK  1,000"), balance.out());

        Cli.Result json = cli.run("network", "check", "--json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode data = json.json().get("data");
        assertEquals(List.of("gone", "not-json", "ok"), verdicts(data), data.toString());
        assertEquals(1, data.get("usable").asInt());
        assertTrue(data.path("network").isMissingNode(), "only URLs given: no network named");
        JsonNode ok = data.at("/endpoints/2");
        assertEquals(3, ok.get("position").asInt());
        assertEquals(node.rpcUri().toString(), ok.get("endpoint").asText());
        assertTrue(ok.get("reachable").asBoolean());
        assertEquals("sandbox", ok.get("chain").asText());
        assertTrue(ok.get("specVersion").asText().startsWith("0.10"), ok.toString());
        assertTrue(ok.get("latencyMs").asLong() >= 0);
        assertTrue(ok.get("batches").asBoolean());
        assertTrue(ok.get("preConfirmed").asBoolean());
        assertFalse(ok.has("problem"), ok.toString());
        for (JsonNode bad : List.of(data.at("/endpoints/0"), data.at("/endpoints/1"))) {
            assertTrue(bad.get("reachable").asBoolean(), bad.toString());
            assertFalse(bad.get("problem").asText().isBlank(), bad.toString());
            assertFalse(bad.has("chain") || bad.has("batches"), "not found out: left out " + bad);
        }

        Cli.Result text = cli.run("network", "check");
        assertEquals(0, text.exit(), text.toString());
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("Endpoints given (no network named"), text.out());
        assertTrue(lines.get(1).matches("\\s+#\\s+endpoint\\s+verdict\\s+reachable\\s+chain\\s+spec\\s+latency\\s+batches\\s+pre_confirmed"),
                text.out());
        assertTrue(lines.get(2).matches("\\s+1\\s+" + Pattern.quote(gone.toString()) + "\\s+gone\\s+yes\\s+\\?\\s+\\?\\s+\\?\\s+\\?\\s+\\?"), text.out());
        assertFalse(lines.get(3).isBlank(), "the problem under it: " + text.out());
        assertTrue(lines.get(4).matches("\\s+2\\s+" + Pattern.quote(html.toString()) + "\\s+not-json\\s+yes.*"), text.out());
        assertTrue(lines.get(6).matches("\\s+3\\s+" + Pattern.quote(node.rpcUri().toString()) + "\\s+ok\\s+yes\\s+sandbox\\s+0\\.10\\S*\\s+\\d+ ms\\s+yes\\s+yes"),
                text.out());
        assertEquals("1 of 3 endpoints can be used.", lines.get(7), text.out());
    }

    @Test
    void withNoUsableEndpointTheCheckSaysSoAndExitsOne() {
        node.setFaults("/gone", FaultPlan.NONE.withGone());
        node.setFaults("/html", FaultPlan.NONE.withHtml());
        node.setFaults("/limited", FaultPlan.NONE.withRateLimit(1));
        node.setFaults("/mainnet", FaultPlan.NONE.withChainId(Felt.fromShortString("SN_MAIN")));
        node.setFaults("/old", FaultPlan.NONE.withSpecVersion("0.8.1"));
        String urls = String.join(",", sandboxAt("/gone"), sandboxAt("/html"), sandboxAt("/limited"), sandboxAt("/mainnet"),
                sandboxAt("/old"), "http://127.0.0.1:1/rpc/v0_10");
        Cli cli = sandbox.cli().with("CAVOS_RPC_URLS", urls);

        Cli.Result json = cli.run("--network", "sandbox", "--json", "network", "check");
        assertEquals(1, json.exit(), json.toString());
        JsonNode data = json.json().get("data");
        assertEquals("success", json.json().get("status").asText(), "the check ran; its finding is the exit code and the data");
        assertEquals("sandbox", data.get("network").asText());
        assertEquals(0, data.get("usable").asInt());
        assertEquals(List.of("gone", "not-json", "rate-limited", "wrong-chain", "old-spec", "unreachable"), verdicts(data), data.toString());
        assertEquals("mainnet", data.at("/endpoints/3/chain").asText());
        assertEquals("0.8.1", data.at("/endpoints/4/specVersion").asText());
        assertFalse(data.at("/endpoints/5/reachable").asBoolean());
        data.at("/endpoints").forEach(e -> assertFalse(e.get("problem").asText().isBlank(), e.toString()));

        Cli.Result text = cli.run("--network", "sandbox", "network", "check");
        assertEquals(1, text.exit(), text.toString());
        assertTrue(text.out().startsWith("Endpoints for sandbox, in the order they are tried:\n"), text.out());
        assertTrue(text.out().contains("\n0 of 6 endpoints can be used. Give working ones with: cavos config set sandbox.rpc-urls URL…"),
                text.out());

        Cli.Result balance = cli.run("--network", "sandbox", "balance");
        assertEquals(1, balance.exit(), balance.toString());
        assertTrue(balance.err().contains("cavos network check"), "the way to look at them: " + balance.err());
    }

    @Test
    void theEndpointsSetAreCheckedAndUsedAndUnsetGoesBackToTheDefaults() {
        String local = node.rpcUri().toString();
        String byName = "http://localhost:" + node.port() + "/rpc/v0_10";
        Cli cli = sandbox.cli();

        Cli.Result set = cli.run("config", "set", "sandbox.rpc-urls", local + "," + byName);
        assertEquals(0, set.exit(), set.toString());
        assertTrue(set.out().startsWith("Set sandbox.rpc-urls.\n"), set.out());
        assertTrue(set.out().contains("sandbox endpoints, tried in this order:\n  1. " + local + "\n  2. " + byName + "\n"), set.out());
        Cli.Result again = cli.run("--network", "sandbox", "--json", "config", "set", "rpc-urls", byName, local);
        assertEquals(0, again.exit(), again.toString());
        JsonNode sandbox = again.json().at("/data/endpoints/2");
        assertEquals("sandbox", sandbox.get("network").asText());
        assertEquals(List.of(byName, local), List.of(sandbox.at("/endpoints/0/endpoint").asText(), sandbox.at("/endpoints/1/endpoint").asText()));
        assertFalse(sandbox.at("/endpoints/0/default").asBoolean());
        assertEquals("sandbox.rpc-urls", again.json().at("/data/changed/key").asText());

        assertEquals(0, cli.run("config", "set", "network", "sandbox").exit());
        node.setFaults("/rpc/v0_9", FaultPlan.NONE.withGone());
        String gone = "http://127.0.0.1:" + node.port() + "/rpc/v0_9";
        assertEquals(0, cli.run("config", "set", "sandbox.rpc-urls", gone, local).exit());
        Cli.Result balance = cli.run("balance");
        assertEquals(0, balance.exit(), balance.toString());
        assertEquals(1, node.requests("/rpc/v0_9", "starknet_chainId"), "the wallet read the list set, first endpoint first");
        assertEquals(0, cli.run("config", "set", "sandbox.rpc-urls", byName, local).exit());
        Cli.Result check = cli.run("--json", "network", "check");
        assertEquals(0, check.exit(), check.toString());
        assertEquals("sandbox", check.json().at("/data/network").asText(), "the network chosen in the settings");
        assertEquals(List.of("ok", "ok"), verdicts(check.json().get("data")));
        assertEquals(byName, check.json().at("/data/endpoints/0/endpoint").asText(), "in the order set");

        Cli.Result paymaster = cli.run("config", "set", "paymaster-url", "https://paymaster.example/");
        assertEquals(0, paymaster.exit(), paymaster.toString());
        Cli.Result shown = cli.run("config", "show");
        assertTrue(shown.out().startsWith("Network: sandbox (used when nothing else names one)\n"), shown.out());
        assertTrue(shown.out().contains("mainnet endpoints, tried in this order:\n"
                + "  1. https://api.cartridge.gg/x/starknet/mainnet  (default)\n"
                + "  2. https://free-rpc.nethermind.io/mainnet-juno/rpc/v0_10  (default)\n"
                + "  3. https://starknet.drpc.org  (default)\n"), shown.out());
        assertTrue(shown.out().endsWith("Paymaster: https://paymaster.example/\nPaymaster API key kept: no\n"), shown.out());
        Cli.Result overridden = cli.with("CAVOS_RPC_URLS", local).run("config", "show");
        assertTrue(overridden.err().contains("Warning: CAVOS_RPC_URLS names endpoints: commands use those, not these lists."), overridden.err());

        Cli.Result unset = cli.run("config", "unset", "sandbox.rpc-urls");
        assertEquals(0, unset.exit(), unset.toString());
        assertTrue(unset.out().startsWith("Unset sandbox.rpc-urls: the public defaults are used again.\n"), unset.out());
        assertTrue(unset.out().contains("sandbox endpoints, tried in this order:\n  1. http://127.0.0.1:5050/rpc/v0_10  (default)\n"),
                unset.out());
        assertEquals(0, cli.run("config", "unset", "network").exit());
        assertEquals(0, cli.run("config", "unset", "paymaster-url").exit());
        JsonNode after = cli.run("--json", "config", "show").json().get("data");
        assertFalse(after.has("network") || after.has("paymasterUrl"), after.toString());
        after.at("/endpoints").forEach(list -> list.get("endpoints").forEach(e -> assertTrue(e.get("default").asBoolean(), e.toString())));
    }

    @Test
    void badKeysAndUrlsAreRefusedWithExitTwoAndNothingIsWritten() {
        List<List<String>> cases = List.of(
                List.of("config", "set", "colour", "blue"),
                List.of("config", "unset", "colour"),
                List.of("config", "set", "moon.rpc-urls", "https://rpc.example/rpc/v0_10"),
                List.of("config", "set", "rpc-urls", "https://rpc.example/rpc/v0_10"),
                List.of("config", "unset", "rpc-urls"),
                List.of("--network", "mainnet", "config", "set", "sepolia.rpc-urls", "https://rpc.example/rpc/v0_10"),
                List.of("config", "set", "sepolia.rpc-urls", "ftp://rpc.example/rpc/v0_10"),
                List.of("config", "set", "sepolia.rpc-urls", "https://rpc.example/rpc/v0_10,not a url"),
                List.of("config", "set", "sepolia.rpc-urls", "-", "https://rpc.example/rpc/v0_10"),
                List.of("config", "set", "network", "moon"),
                List.of("config", "set", "network"),
                List.of("config", "set", "paymaster-url", "paymaster.example"),
                List.of("config", "set", "paymaster-url", "https://a.example/", "https://b.example/"),
                List.of("config", "set", "paymaster-api-key", "pm-key-on-the-command-line"),
                List.of("config", "set", "paymaster-api-key"),
                List.of("--rpc-url", "http://a.example/rpc/v0_10", "--rpc-url", "http://b.example/rpc/v0_10", "session", "import",
                        demo.token().encode()),
                List.of("config"));
        for (List<String> args : cases) {
            Cli.Result text = sandbox.cli().runWithInput("", args.toArray(String[]::new));
            if (args.equals(List.of("config"))) {
                assertEquals(0, text.exit(), "the group alone prints its usage\n" + text);
                assertTrue(text.out().contains("Usage: cavos config"), text.toString());
                continue;
            }
            assertEquals(2, text.exit(), args + "\n" + text);
            assertTrue(text.err().startsWith("Error: "), args + "\n" + text);
            assertTrue(text.err().contains("\nSolution: "), args + "\n" + text);
            List<String> jsonArgs = new ArrayList<>(List.of("--json"));
            jsonArgs.addAll(args);
            Cli.Result json = sandbox.cli().runWithInput("", jsonArgs.toArray(String[]::new));
            assertEquals(2, json.exit(), jsonArgs + "\n" + json);
            assertEquals("invalid-argument", json.errorJson().get("error_code").asText(), json.toString());
            assertEquals("", json.out());
        }
        Cli.Result unknown = sandbox.cli().run("config", "set", "colour", "blue");
        assertTrue(unknown.err().startsWith("Error: Unknown key \"colour\".\nSolution: The keys: network, mainnet.rpc-urls, sepolia.rpc-urls,"
                + " sandbox.rpc-urls (or rpc-urls with --network), paymaster (or paymaster-url), paymaster-api-key."), unknown.err());
        Cli.Result which = sandbox.cli().run("config", "set", "rpc-urls", "https://rpc.example/rpc/v0_10");
        assertTrue(which.err().contains("sepolia.rpc-urls") && which.err().contains("--network sepolia"), "both forms: " + which.err());
        Cli.Result badUrl = sandbox.cli().run("config", "set", "sepolia.rpc-urls", "https://rpc.example/rpc/v0_10,not a url");
        assertTrue(badUrl.err().startsWith("Error: URL 2 of 2 is not an http(s) URL"), badUrl.err());
        Cli.Result nothing = sandbox.cli().runWithInput("\n", "config", "set", "sepolia.rpc-urls");
        assertTrue(nothing.err().startsWith("Error: No URL given for sepolia.rpc-urls."), nothing.err());
        assertFalse(Files.exists(sandbox.home().resolve("config.json")), "nothing was written");
    }

    @Test
    void aKeyedUrlReadFromStandardInputIsKeptInTheKeychainAndNeverShown() throws IOException {
        SecretScan.requireKeychain(sandbox.home());
        Cli cli = sandbox.cli();
        String keyed = "https://rpc.example/v2/" + SECRET;
        Cli.Result set = cli.runWithInput(keyed + "\n" + "https://starknet-sepolia.drpc.org\n",
                "config", "set", "sepolia.rpc-urls");
        assertEquals(0, set.exit(), set.toString());
        assertTrue(set.out().contains("sepolia endpoints, tried in this order:\n  1. https://rpc.example  (in keychain)\n"
                + "  2. https://starknet-sepolia.drpc.org\n"), set.out());

        Cli.Result text = cli.run("config", "show");
        Cli.Result json = cli.run("--json", "config", "show");
        for (Cli.Result shown : List.of(set, text, json)) {
            assertFalse(shown.out().contains(SECRET) || shown.err().contains(SECRET), shown.toString());
        }
        JsonNode sepolia = json.json().at("/data/endpoints/1");
        assertEquals("https://rpc.example", sepolia.at("/endpoints/0/endpoint").asText());
        assertTrue(sepolia.at("/endpoints/0/inKeychain").asBoolean());
        assertFalse(sepolia.at("/endpoints/1/inKeychain").asBoolean());
        assertTrue(Files.readString(sandbox.home().resolve("config.json")).contains("https://rpc.example"));
        assertNoFileHolds(sandbox.home(), SECRET);

        // a keyed URL of a node that answers: checked and used from the keychain, shown without its key
        String keyedSandbox = "http://127.0.0.1:" + node.port() + "/v2/" + SECRET;
        Cli.Result sandboxSet = cli.runWithInput(keyedSandbox, "config", "set", "sandbox.rpc-urls", "-");
        assertEquals(0, sandboxSet.exit(), sandboxSet.toString());
        Cli.Result check = cli.run("--network", "sandbox", "network", "check");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("http://127.0.0.1:" + node.port() + "  ok"), check.out());
        assertFalse(check.out().contains(SECRET), check.out());
        assertNoFileHolds(sandbox.home(), SECRET);

        Cli.Result unset = cli.run("--json", "config", "unset", "sepolia.rpc-urls");
        assertEquals(0, unset.exit(), unset.toString());
        unset.json().at("/data/endpoints/1/endpoints").forEach(e -> assertTrue(e.get("default").asBoolean(), e.toString()));
        assertEquals(0, cli.run("config", "unset", "sandbox.rpc-urls").exit());
        assertFalse(Files.readString(sandbox.home().resolve("config.json")).contains("rpc.example"), "forgotten");
    }

    private static void assertNoFileHolds(Path folder, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(secret), secret + " is in " + file);
            }
        }
    }
}
