package xyz.cavos.wallet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.RpcClient;

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
