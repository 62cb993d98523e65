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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.sandbox.FaultPlan;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;

/** {@code cavos network check} against an in-process sandbox and broken endpoints. */
class NetworkCommandsIT {

    @TempDir
    Path home;

    private final SandboxNode node = SandboxNode.start();
    private final SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
        node.close();
    }

    private Cli cli() {
        return new Cli(Map.of("CAVOS_HOME", home.toString(), "CAVOS_TOKEN", demo.token().encode()));
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
        Cli cli = cli().with("CAVOS_RPC_URLS", gone + "," + html + "," + node.rpcUri());

        Cli.Result balance = cli.run("balance");
        assertEquals(0, balance.exit(), balance.toString());
        assertTrue(balance.out().contains("STRK  1000.0"), balance.out());

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
        Cli cli = cli().with("CAVOS_RPC_URLS", urls);

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
        assertTrue(text.out().contains("\n0 of 6 endpoints can be used. Give working ones with: --rpc-url URL (repeatable) or CAVOS_RPC_URLS."),
                text.out());

        Cli.Result balance = cli.run("--network", "sandbox", "balance");
        assertEquals(1, balance.exit(), balance.toString());
    }
}
