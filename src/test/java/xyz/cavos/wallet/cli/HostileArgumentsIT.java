package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.cli.CliSandbox.RECIPIENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.testing.SecretScan;

/** Arguments a careless script or a hostile one could pass: refused cleanly, nothing sent, nothing shown that should not be. */
class HostileArgumentsIT {

    @RegisterExtension
    final CliSandbox sandbox = new CliSandbox();
    private final SandboxNode node = sandbox.node();
    private final SandboxDashboard.DemoWallet demo = sandbox.createWallet(SandboxDashboard.WalletRequest.demo());
    private final String token = demo.token().encode();

    private Cli cli() {
        return sandbox.cli().with("CAVOS_NETWORK", "sandbox").with("CAVOS_RPC_URL", node.rpcUri().toString());
    }

    private long sent() {
        return node.requests("/", "starknet_addInvokeTransaction");
    }

    @Test
    void aTimeoutTooLargeForTheClockIsRefusedBeforeAnythingIsSent() {
        BigInteger before = node.balanceOf(demo.address(), Token.STRK);
        Cli.Result huge = cli().run("--json", "--timeout", Long.toString(Long.MAX_VALUE), "transfer", "--to", RECIPIENT,
                "--amount", "1", "--token", "STRK");
        assertEquals(2, huge.exit(), huge.toString());
        JsonNode error = huge.errorJson();
        assertEquals("invalid-argument", error.path("error_code").asText(), huge.toString());
        assertTrue(error.path("message").asText().contains("from 1 to 86400"), huge.toString());
        assertEquals(0, sent(), "nothing was sent");
        assertEquals(before, node.balanceOf(demo.address(), Token.STRK));

        Cli.Result day = cli().run("--timeout", "86400", "transfer", "--to", RECIPIENT, "--amount", "1", "--token", "STRK");
        assertEquals(0, day.exit(), day.toString());
        assertEquals(1, sent(), "the longest timeout allowed sends once");
    }

    @Test
    void callsFromAFileAreReadWholeAndAtFilesAreNeverSplicedIntoArguments(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls.json");
        Files.writeString(calls, "[{\"contractAddress\": \"" + Token.STRK.address().toHex() + "\", \"entrypoint\": \"transfer\",\n"
                + "  \"calldata\": [\"" + RECIPIENT + "\", \"u256:1000000000000000000\"]}]\n");
        Cli.Result multicall = cli().run("--json", "multicall", "--calls", "@" + calls);
        assertEquals(0, multicall.exit(), multicall.toString());
        assertEquals(1, multicall.json().at("/data/calls").asInt());
        assertEquals(BigInteger.TEN.pow(18), node.balanceOf(Felt.parse(RECIPIENT), Token.STRK));

        Cli.Result device = cli().run("multicall", "--calls", "@/dev/zero");
        assertEquals(2, device.exit(), device.toString());
        assertTrue(device.err().contains("not a regular file"), device.toString());

        Path secretFile = dir.resolve("hostname");
        Files.writeString(secretFile, "private-content-of-a-file\n");
        Cli.Result at = cli().run("transfer", "--to", "@" + secretFile, "--amount", "1", "--token", "STRK");
        assertEquals(2, at.exit(), at.toString());
        assertFalse(at.toString().contains("private-content-of-a-file"), at.toString());
        assertTrue(at.err().contains("@" + secretFile), "the value is quoted as it was typed: " + at);

        Path tooMany = dir.resolve("many.json");
        Files.writeString(tooMany, "[" + "{\"to\":\"0x1\",\"entrypoint\":\"f\"},".repeat(Inputs.MAX_CALLS) + "{\"to\":\"0x1\",\"entrypoint\":\"f\"}]");
        Cli.Result many = cli().run("multicall", "--calls", "@" + tooMany);
        assertEquals(2, many.exit(), many.toString());
        assertTrue(many.err().contains("at most " + Inputs.MAX_CALLS), many.toString());
        assertEquals(1, sent(), "only the first multicall was sent");
    }

    @Test
    void aTokenPassedWhereItDoesNotBelongIsNeverEchoed() {
        for (String[] args : new String[][] {
                {"balance", token},
                {"--json", "balance", token},
                {"balance", "--token", token},
                {"--json", "balance", "--token", token},
                {"transfer", "--to", token, "--amount", "1", "--token", "STRK"},
                {"--json", "session", "status", token},
                {"--tokn", token},
                {"balance", token.substring(0, 40) + "\n" + token.substring(40)},
                {"--json", "balance", token.substring(0, 30) + " " + token.substring(30)}}) {
            Cli.Result result = cli().run(args);
            assertEquals(2, result.exit(), String.join(" ", args) + "\n" + result.toString().replace(token, "<token>"));
            SecretScan.assertNoSecretIn(result.out() + result.err(), demo.token(), "the output of " + String.join(" ", args).replace(token, "<token>"));
        }
    }

    @Test
    void aTokenOnTheCommandLineWorksButWarnsThatOthersCanSeeIt() {
        Cli.Result withFlag = new Cli(Map.of("CAVOS_HOME", sandbox.home().toString(), "CAVOS_NETWORK", "sandbox",
                "CAVOS_RPC_URL", node.rpcUri().toString())).run("--token", token, "balance");
        assertEquals(0, withFlag.exit(), withFlag.toString());
        assertTrue(withFlag.err().contains("visible to other users of this computer"), withFlag.toString());
        SecretScan.assertNoSecretIn(withFlag.err(), demo.token(), "the warning");
    }
}
