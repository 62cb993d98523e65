package xyz.cavos.wallet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.testing.PaymasterClient;

class SandboxCommandIT {

    @Test
    void startPrintsAWorkingDemoTokenAndTheExportLine(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = CliLauncher.commandLine(System.getenv());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread running = Thread.ofVirtual().start(() ->
                exit.set(cli.execute("sandbox", "start", "--port", "0", "--state", dir.resolve("chain.json").toString())));

        Matcher token = waitFor(out, Pattern.compile("export CAVOS_TOKEN=\"([A-Za-z0-9+/=]+)\""));
        Matcher endpoint = waitFor(out, Pattern.compile("JSON-RPC 0\\.10 at (http://127\\.0\\.0\\.1:\\d+/rpc/v0_10)"));
        SessionToken session = SessionToken.decode(token.group(1));
        RpcClient rpc = RpcClient.of(URI.create(endpoint.group(1)));
        OnChainSession onChain = OnChainSession.parse(rpc.call(
                CavosAccount.getSession(session.walletAddress(), session.sessionPublicKey()), BlockId.LATEST));
        assertEquals(session.nonce(), onChain.nonce(), "the printed token is registered on the sandbox");
        assertTrue(out.toString().contains("Demo wallet     " + session.walletAddress().toHex()), out.toString());
        assertTrue(out.toString().contains("limits        100 STRK, 0.1 ETH, 50 USDC"), out.toString());

        Matcher apiKey = waitFor(out, Pattern.compile("\n  export CAVOS_PAYMASTER_API_KEY=\"([0-9a-f]{32})\"\n"));
        Matcher paymaster = waitFor(out, Pattern.compile("paymaster     (http://127\\.0\\.0\\.1:\\d+/paymaster) "));
        assertEquals(URI.create(endpoint.group(1)).getPort(), URI.create(paymaster.group(1)).getPort(), "the node's own port");
        ObjectNode params = PaymasterClient.object();
        ObjectNode invoke = params.putObject("transaction").put("type", "invoke").putObject("invoke")
                .put("user_address", session.walletAddress().toHex());
        invoke.putArray("calls").addObject().put("to", Token.STRK.address().toHex()).put("selector", Selector.of("transfer").toHex())
                .putArray("calldata").add(session.walletAddress().toHex()).add("0x1").add("0x0");
        params.putObject("parameters").put("version", "0x1").putObject("fee_mode").put("mode", "sponsored");
        JsonNode built = new PaymasterClient(URI.create(paymaster.group(1)), Optional.of(apiKey.group(1)))
                .result("paymaster_buildTransaction", params);
        assertEquals("invoke", built.path("type").asText(), "the printed key sponsors");
        assertEquals(163, new PaymasterClient(URI.create(paymaster.group(1)), Optional.empty())
                .error("paymaster_buildTransaction", params).path("code").asInt(), "no key, no sponsoring");

        running.interrupt();
        running.join(10_000);
        assertEquals(0, exit.get());
        assertTrue(dir.resolve("chain.json").toFile().isFile(), "the state was saved on stop");
    }

    @Test
    void badOptionsAreUsageErrors() {
        StringWriter err = new StringWriter();
        CommandLine cli = CliLauncher.commandLine(System.getenv());
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("sandbox", "start", "--port", "seventy"));
        assertTrue(err.toString().contains("--port"), err.toString());
        assertEquals(2, cli.execute("sandbox", "start", "--port", "70000"));
    }

    private static Matcher waitFor(StringWriter out, Pattern pattern) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Matcher m = pattern.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sandbox did not print " + pattern + "; it printed:\n" + out);
    }
}
