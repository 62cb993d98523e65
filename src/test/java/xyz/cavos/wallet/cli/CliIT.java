package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.cli.CliSandbox.RECIPIENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.StaleExports;

/** Every command against an in-process sandbox, in both output modes, with the seed's scenarios. */
class CliIT {

    @RegisterExtension
    final CliSandbox sandbox = new CliSandbox();
    private final SandboxNode node = sandbox.node();
    private final SandboxDashboard.DemoWallet demo = sandbox.createWallet(SandboxDashboard.WalletRequest.demo());

    @Test
    void aStaleExportShowsTheChainsPolicyAndIsRefusedWithTheChainsFigures() {
        SessionPolicy onChain = new SessionPolicy(List.of(Token.STRK.address(), Token.ETH.address()),
                List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("10", 18))), 3);
        SessionToken looser = StaleExports.register(node, demo.address(),
                Optional.of(new SessionPolicy(onChain.allowedContracts(), List.of(), 10)), onChain);
        Cli stale = new Cli(Map.of("CAVOS_HOME", sandbox.home().toString(), "CAVOS_TOKEN", looser.encode()));

        Cli.Result policy = stale.run("policy", "show");
        assertEquals(0, policy.exit(), policy.toString());
        assertTrue(policy.out().contains("STRK: 0 / 10 used") && policy.out().contains("Max Calls Per Transaction: 3")
                && policy.out().contains("Read From: chain"), policy.out());
        JsonNode json = stale.run("--json", "policy", "show").json();
        assertEquals("chain", json.at("/data/policySource").asText());
        assertEquals("10.0", json.at("/data/spendingLimits/0/limit").asText());

        Cli.Result over = stale.run("transfer", "--to", RECIPIENT, "--amount", "11", "--token", "STRK");
        assertEquals(1, over.exit());
        assertTrue(over.err().startsWith("Error: Spending limit exceeded (0 used, 10 limit)\n"), over.err());
        assertEquals(0, node.balanceOf(Felt.parse(RECIPIENT), Token.STRK).signum(), "refused before signing");
    }

    @Test
    void eachReadIsOneHttpRequest() {
        sandbox.cli().run("balance"); // warm: nothing is cached between processes anyway
        for (List<String> command : List.of(List.of("balance"), List.of("policy", "show"), List.of("session", "status"),
                List.of("--json", "balance"), List.of("--json", "policy", "show"), List.of("--json", "session", "status"))) {
            long before = node.httpRequests();
            Cli.Result result = sandbox.cli().run(command.toArray(String[]::new));
            assertEquals(0, result.exit(), result.toString());
            assertEquals(1, node.httpRequests() - before, command + ": one round trip for balances, session, storage and policy");
        }
        Cli byUrl = new Cli(Map.of("CAVOS_HOME", sandbox.home().toString(), "CAVOS_TOKEN", demo.token().encode(),
                "CAVOS_RPC_URL", node.rpcUri().toString()));
        long before = node.httpRequests();
        assertEquals(0, byUrl.run("policy", "show").exit());
        assertEquals(1, node.httpRequests() - before, "given only a URL, the same batch names the network");
    }

    @Test
    void aTokenWithoutPolicyOnARestrictedSessionSaysWhatIsMissingAndStillRevokes() {
        SessionPolicy onChain = new SessionPolicy(List.of(Token.STRK.address(), Token.ETH.address()),
                List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("10", 18))), 3);
        SessionToken bare = StaleExports.register(node, demo.address(), Optional.empty(), onChain);
        Cli stale = new Cli(Map.of("CAVOS_HOME", sandbox.home().toString(), "CAVOS_TOKEN", bare.encode()));

        Cli.Result policy = stale.run("policy", "show");
        assertTrue(policy.out().contains("STRK: 0 / 10 used") && policy.out().contains("restricted to a list this token does not have"),
                policy.out());
        Cli.Result transfer = stale.run("--json", "transfer", "--to", RECIPIENT, "--amount", "1", "--token", "STRK");
        assertEquals(1, transfer.exit());
        assertEquals("token-out-of-date", transfer.errorJson().get("error_code").asText(), transfer.err());
        Cli.Result revoke = stale.run("revoke");
        assertEquals(0, revoke.exit(), revoke.toString());
        assertTrue(stale.run("session", "status").out().contains("State: Revoked"), "revoked, and said so");
    }

    @Test
    void balanceAndWhoamiInBothModes() {
        Cli.Result text = sandbox.cli().run("balance");
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().contains("STRK  1,000") && text.out().contains("USDC  250"), text.out());
        JsonNode json = sandbox.cli().run("balance", "--json").json();
        assertEquals("success", json.get("status").asText());
        assertEquals("1000.0", json.at("/data/balances/0/balance").asText());
        assertEquals("1000000000000000000000", json.at("/data/balances/0/raw").asText());
        JsonNode eth = sandbox.cli().run("--json", "balance", "--token", "eth").json();
        assertEquals(1, eth.at("/data/balances").size());
        assertEquals("0.5", eth.at("/data/balances/0/balance").asText());

        Cli.Result who = sandbox.cli().run("whoami");
        assertTrue(who.out().contains(demo.address().toHex()) && who.out().contains("sandbox"), who.toString());
        assertEquals(demo.token().sessionPublicKey().toHex(), sandbox.cli().run("whoami", "--json").json().at("/data/sessionKey").asText());
    }

    @Test
    void sessionStatusShowsTheSeedsFieldsInBothModes() {
        Cli.Result text = sandbox.cli().run("session", "status");
        assertEquals(0, text.exit(), text.toString());
        for (String line : List.of("Session Key: " + demo.token().sessionPublicKey().toHex(), "Registered: Yes", "Valid Until: ",
                "Renewable: No", "Calls Made: 0")) {
            assertTrue(text.out().contains(line), line + " in\n" + text.out());
        }
        JsonNode data = sandbox.cli().run("session", "status", "--json").json().get("data");
        assertEquals(demo.token().sessionPublicKey().toHex(), data.get("sessionKey").asText());
        assertTrue(data.get("isRegistered").asBoolean());
        assertTrue(data.get("validUntil").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), data.toString());
        assertFalse(data.get("isRenewable").asBoolean());
        assertEquals(0, data.get("callsMade").asInt());
        assertEquals("active", data.get("state").asText());
    }

    @Test
    void theSeedsSpendingScenario() {
        Cli.Result first = sandbox.cli().run("transfer", "--to", RECIPIENT, "--amount", "45", "--token", "STRK");
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.err().contains("Transaction: 0x"), "the hash goes to stderr: " + first.err());

        Cli.Result policy = sandbox.cli().run("policy", "show");
        assertTrue(policy.out().contains("Spending Limits:\n  STRK: 45 / 100 used\n  ETH: 0 / 0.1 used"), policy.out());
        JsonNode limits = sandbox.cli().run("policy", "show", "--json").json().at("/data/spendingLimits/0");
        assertEquals("45.0", limits.get("spent").asText());
        assertEquals("55.0", limits.get("remaining").asText());

        assertEquals(0, sandbox.cli().run("transfer", "--to", RECIPIENT, "--amount", "10", "--token", "STRK").exit());
        Cli.Result over = sandbox.cli().run("transfer", "--to", RECIPIENT, "--amount", "60", "--token", "STRK");
        assertEquals(1, over.exit());
        assertTrue(over.err().startsWith("Error: Spending limit exceeded (55 used, 100 limit)\n"), over.err());
        JsonNode error = sandbox.cli().run("--json", "transfer", "--to", RECIPIENT, "--amount", "60", "--token", "STRK").errorJson();
        assertEquals("error", error.get("status").asText());
        assertEquals("spending-limit-exceeded", error.get("error_code").asText());
        assertEquals("Spending limit exceeded (55 used, 100 limit)", error.get("message").asText());
        assertTrue(error.get("recovery_hint").asText().contains("cavos policy show"));
        assertEquals(U256.parseAmount("55", 18).value(), node.balanceOf(Felt.parse(RECIPIENT), Token.STRK), "the refused one sent nothing");
        assertEquals(2, sandbox.cli().run("session", "status", "--json").json().at("/data/callsMade").asInt());
    }

    @Test
    void theSeedsContractAndExpiryScenarios() {
        Cli.Result denied = sandbox.cli().run("execute", "--contract", Token.USDT.address().toHex(), "--entrypoint", "swap");
        assertEquals(1, denied.exit());
        assertTrue(denied.err().startsWith("Error: Contract not allowed by policy\n"), denied.err());

        node.increaseTime(3 * 24 * 3600 + 60);
        Cli.Result expired = sandbox.cli().run("transfer", "--to", RECIPIENT, "--amount", "1.5", "--token", "STRK");
        assertEquals(1, expired.exit());
        assertTrue(expired.err().startsWith("Error: Session expired\nSolution: Export a new session from the dashboard or renew the existing one"
                + " (if within grace period). Import it with: cavos session import (paste the token when asked, or pipe it in)\n"), expired.err());
        assertEquals("expired", sandbox.cli().run("--json", "session", "status").json().at("/data/state").asText());
    }

    @Test
    void approveExecuteMulticallCallSimulateAndTxStatus() {
        JsonNode approve = sandbox.cli().run("--json", "approve", "--spender", SandboxNode.DEMO_SWAP.toHex(), "--amount", "20", "--token", "STRK").json();
        assertEquals("ACCEPTED_ON_L2", approve.at("/data/status").asText(), approve.toString());

        JsonNode quote = sandbox.cli().run("--json", "call", "--contract", SandboxNode.DEMO_SWAP.toHex(), "--entrypoint", "get_quote",
                "--calldata", Token.STRK.address().toHex() + ",u256:10000000000000000000," + Token.USDC.address().toHex()).json();
        assertEquals(List.of("0x4c4b40", "0x0"), List.of(quote.at("/data/result/0").asText(), quote.at("/data/result/1").asText()),
                "10 STRK quotes 5 USDC");

        Cli.Result swap = sandbox.cli().run("execute", "--contract", SandboxNode.DEMO_SWAP.toHex(), "--entrypoint", "swap",
                "--calldata", Token.STRK.address().toHex() + ",u256:10000000000000000000," + Token.USDC.address().toHex() + ",u256:4000000");
        assertEquals(0, swap.exit(), swap.toString());
        assertEquals(U256.parseAmount("255", 6).value(), node.balanceOf(demo.address(), Token.USDC), "swapped into 5 USDC");

        String calls = "[{\"contractAddress\":\"" + Token.STRK.address().toHex() + "\",\"entrypoint\":\"transfer\",\"calldata\":[\""
                + RECIPIENT + "\",\"u256:1000000000000000000\"]},{\"to\":\"" + Token.ETH.address().toHex()
                + "\",\"entrypoint\":\"transfer\",\"calldata\":\"" + RECIPIENT + ",u256:10000000000000000\"}]";
        Cli.Result simulated = sandbox.cli().run("simulate", "--calls", calls);
        assertEquals(0, simulated.exit(), simulated.toString());
        assertTrue(simulated.out().contains("Nothing was sent."));
        assertEquals(0, node.balanceOf(Felt.parse(RECIPIENT), Token.STRK).signum());
        JsonNode multicall = sandbox.cli().run("--json", "multicall", "--calls", calls).json();
        assertEquals(2, multicall.at("/data/calls").asInt());
        assertEquals(U256.parseAmount("0.01", 18).value(), node.balanceOf(Felt.parse(RECIPIENT), Token.ETH));

        String hash = multicall.at("/data/transactionHash").asText();
        Cli.Result status = sandbox.cli().run("tx", "status", hash);
        assertTrue(status.out().contains("ACCEPTED_ON_L2") && status.out().contains("SUCCEEDED"), status.toString());
        assertEquals("SUCCEEDED", sandbox.cli().run("--json", "tx", "status", hash).json().at("/data/executionStatus").asText());
        assertEquals(1, sandbox.cli().run("tx", "status", "0x1234").exit());

        Cli.Result noWait = sandbox.cli().run("--no-wait", "transfer", "--to", RECIPIENT, "--amount", "1", "--token", "STRK");
        assertTrue(noWait.out().contains("submitted, not waited for"), noWait.toString());
    }

    @Test
    void revokeThenRevokeAll() {
        SessionToken second = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.demo());
        JsonNode revoked = sandbox.cli().run("--json", "revoke").json();
        assertEquals(demo.token().sessionPublicKey().toHex(), revoked.at("/data/revoked").asText());
        Cli.Result after = sandbox.cli().run("transfer", "--to", RECIPIENT, "--amount", "1", "--token", "STRK");
        assertTrue(after.err().startsWith("Error: Session revoked"), after.err());

        Cli other = sandbox.cli().with("CAVOS_TOKEN", second.encode());
        Cli.Result unconfirmed = other.run("revoke", "--all");
        assertEquals(2, unconfirmed.exit(), "no terminal, no --yes: refused");
        assertEquals("active", other.run("--json", "session", "status").json().at("/data/state").asText());
        assertEquals(0, other.run("revoke", "--all", "--yes").exit());
        assertEquals("revoked", other.run("--json", "session", "status").json().at("/data/state").asText());
    }

    @Test
    void renewAnExpiredSessionFromTheEnvironment() {
        SessionToken hour = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.of(
                SandboxDashboard.SessionRequest.demo().policy().orElseThrow(), 3600));
        Cli cli = sandbox.cli().with("CAVOS_TOKEN", hour.encode());
        Cli.Result early = cli.run("renew");
        assertEquals(1, early.exit());
        assertTrue(early.err().startsWith("Error: Session is still active ("), early.err());
        node.increaseTime(3700);
        JsonNode renewed = cli.run("--json", "renew").json();
        assertFalse(renewed.at("/data/stored").asBoolean());
        SessionToken next = SessionToken.decode(renewed.at("/data/token").asText());
        assertEquals("active", cli.with("CAVOS_TOKEN", next.encode()).run("--json", "session", "status").json().at("/data/state").asText());
    }

    @Test
    void badInputIsRefusedWithExitTwoAndNothingIsSent() {
        Felt nonceBefore = nonce();
        List<List<String>> cases = List.of(
                List.of("transfer", "--to", RECIPIENT, "--amount", "-1", "--token", "STRK"),
                List.of("transfer", "--to", RECIPIENT, "--amount", "1e3", "--token", "STRK"),
                List.of("transfer", "--to", RECIPIENT, "--amount", "0.0000000000000000001", "--token", "STRK"),
                List.of("transfer", "--to", RECIPIENT, "--amount", "1" + "0".repeat(80), "--token", "STRK"),
                List.of("transfer", "--to", RECIPIENT, "--amount", "1", "--token", "DOGE"),
                List.of("transfer", "--to", "0xnot-an-address", "--amount", "1", "--token", "STRK"),
                List.of("transfer", "--to", RECIPIENT, "--amount", "0", "--token", "STRK"),
                List.of("execute", "--contract", RECIPIENT, "--entrypoint", "transfer", "--calldata", "1,two,3"),
                List.of("multicall", "--calls", "[{\"contractAddress\":1"),
                List.of("transfer", "--to", RECIPIENT, "--amount", "1"),
                List.of("--network", "moon", "balance"),
                List.of("frobnicate"));
        for (List<String> args : cases) {
            Cli.Result text = sandbox.cli().run(args.toArray(String[]::new));
            assertEquals(2, text.exit(), args + "\n" + text);
            assertTrue(text.err().startsWith("Error: "), args + "\n" + text);
            assertTrue(text.err().contains("\nSolution: "), args + "\n" + text);
            List<String> jsonArgs = new java.util.ArrayList<>(List.of("--json"));
            jsonArgs.addAll(args);
            Cli.Result json = sandbox.cli().run(jsonArgs.toArray(String[]::new));
            assertEquals(2, json.exit(), jsonArgs + "\n" + json);
            assertEquals("error", json.errorJson().get("status").asText(), json.toString());
            assertEquals("", json.out());
        }
        Cli.Result badToken = sandbox.cli().with("CAVOS_TOKEN", "eyJub3QiOiJhIHRva2VuIn0=").run("balance");
        assertEquals(2, badToken.exit(), badToken.toString());
        assertEquals(nonceBefore, nonce(), "nothing was sent");
    }

    @Test
    void importStatusExportAndClearWithAnEncryptedFile() throws Exception {
        Cli stored = new Cli(Map.of("CAVOS_HOME", sandbox.home().toString(), "CAVOS_PASSPHRASE", "a long test passphrase"));
        assertEquals(2, stored.run("balance").exit(), "no session yet");
        Cli.Result imported = stored.run("--store", "encrypted-file", "session", "import", demo.token().encode());
        assertEquals(0, imported.exit(), imported.toString());
        assertTrue(imported.out().contains("Session imported into the encrypted file"), imported.out());
        assertEquals(0, stored.run("transfer", "--to", RECIPIENT, "--amount", "1", "--token", "STRK").exit());
        assertEquals(1, stored.run("--json", "session", "status").json().at("/data/callsMade").asInt());

        String token = demo.token().encode();
        Cli.Result piped = stored.runWithInput(token.substring(0, 100) + "\n" + token.substring(100) + "\n", "session", "import", "-");
        assertEquals(0, piped.exit(), "a token piped in over two lines\n" + piped);
        Cli.Result flood = stored.runWithInput("eyJ" + "A".repeat(200_000), "session", "import");
        assertEquals(2, flood.exit(), flood.toString());
        assertTrue(flood.err().contains("too long"), flood.err());

        Cli.Result failed = stored.run("session", "import", "eyJicm9rZW4");
        assertEquals(2, failed.exit());
        assertTrue(stored.run("session", "export").out().strip().equals(demo.token().encode()), "a failed import keeps the previous session");

        Cli.Result wrong = stored.with("CAVOS_PASSPHRASE", "wrong").run("balance");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("passphrase"), wrong.err());

        assertTrue(stored.run("--json", "session", "clear").json().at("/data/cleared").asBoolean());
        assertEquals(2, stored.run("balance").exit());
        assertFalse(Files.exists(sandbox.home().resolve("session.enc")));
    }

    @Test
    void versionHelpAndCompletion() {
        Cli.Result version = sandbox.cli().run("--version");
        assertTrue(version.out().startsWith("cavos "), version.out());
        assertTrue(sandbox.cli().run("--help").out().contains("Exit codes: 0 success, 1 the operation failed"));
        Cli.Result completion = sandbox.cli().run("completion");
        assertEquals(0, completion.exit());
        assertTrue(completion.out().contains("complete -F") && completion.out().contains("transfer"), "a bash completion script");
    }

    @Test
    void aSessionWithoutLimitsIsWarnedAbout() {
        SessionToken open = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.of(
                new SessionPolicy(List.of(), List.of(), 10), 48 * 3600));
        Cli.Result policy = sandbox.cli().with("CAVOS_TOKEN", open.encode()).run("policy", "show");
        assertTrue(policy.err().contains("Warning: No spending limits: unlimited transfers allowed."), policy.err());
        assertTrue(policy.err().contains("longer than 24 hours"), policy.err());
        assertTrue(policy.out().contains("Spending Limits:\n  none"), policy.out());
        JsonNode status = sandbox.cli().with("CAVOS_TOKEN", open.encode()).run("--json", "session", "status").json();
        assertEquals(3, status.at("/data/warnings").size(), status.toString());
    }

    @Test
    void everyCommandSpeaksTextAndJson() {
        String strk = Token.STRK.address().toHex();
        String swap = SandboxNode.DEMO_SWAP.toHex();
        String calls = "[{\"contractAddress\":\"" + strk + "\",\"entrypoint\":\"transfer\",\"calldata\":[\"" + RECIPIENT + "\",\"u256:1\"]}]";
        List<List<String>> commands = List.of(
                List.of("whoami"), List.of("balance"), List.of("session", "status"), List.of("session", "export"),
                List.of("policy", "show"),
                List.of("transfer", "--to", RECIPIENT, "--amount", "0.5", "--token", "STRK"),
                List.of("approve", "--spender", swap, "--amount", "1", "--token", "STRK"),
                List.of("execute", "--contract", strk, "--entrypoint", "approve", "--calldata", swap + ",u256:5"),
                List.of("call", "--contract", strk, "--entrypoint", "decimals"),
                List.of("multicall", "--calls", calls),
                List.of("simulate", "--contract", strk, "--entrypoint", "transfer", "--calldata", RECIPIENT + ",u256:1"));
        for (List<String> command : commands) {
            Cli.Result text = sandbox.cli().run(command.toArray(String[]::new));
            assertEquals(0, text.exit(), command + "\n" + text);
            assertFalse(text.out().isBlank() || text.out().startsWith("{"), command + "\n" + text);
            List<String> json = new java.util.ArrayList<>(command);
            json.add("--json");
            Cli.Result data = sandbox.cli().run(json.toArray(String[]::new));
            assertEquals(0, data.exit(), json + "\n" + data);
            assertEquals("success", data.json().get("status").asText(), json + "\n" + data);
            assertTrue(data.json().get("data").isObject(), json + "\n" + data);
        }
        String hash = sandbox.cli().run("--json", "--no-wait", "transfer", "--to", RECIPIENT, "--amount", "0.1", "--token", "STRK")
                .json().at("/data/transactionHash").asText();
        assertTrue(sandbox.cli().run("--timeout", "20", "tx", "status", hash).out().contains("Transaction " + hash));

        // the session-changing ones, each on a session of its own
        for (boolean json : List.of(false, true)) {
            String mode = json ? "--json" : "--no-color";
            SessionToken own = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.of(
                    SandboxDashboard.SessionRequest.demo().policy().orElseThrow(), 3600));
            Cli session = sandbox.cli().with("CAVOS_TOKEN", own.encode());
            node.increaseTime(3700);
            assertSpeaks(json, session.run(mode, "renew"));
            SessionToken other = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.demo());
            assertSpeaks(json, sandbox.cli().with("CAVOS_TOKEN", other.encode()).run(mode, "revoke"));
            SessionToken third = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.demo());
            assertSpeaks(json, sandbox.cli().with("CAVOS_TOKEN", third.encode()).run(mode, "revoke", "--all", "--yes"));
            Cli stored = new Cli(Map.of("CAVOS_HOME", sandbox.home().resolve(mode).toString(), "CAVOS_PASSPHRASE", "p"));
            assertSpeaks(json, stored.run(mode, "--store", "encrypted-file", "session", "import", other.encode()));
            assertSpeaks(json, stored.run(mode, "session", "clear"));
        }
    }

    private static void assertSpeaks(boolean json, Cli.Result result) {
        assertEquals(0, result.exit(), result.toString());
        if (json) {
            assertEquals("success", result.json().get("status").asText(), result.toString());
        } else {
            assertFalse(result.out().isBlank() || result.out().startsWith("{"), result.toString());
        }
    }

    private Felt nonce() {
        return xyz.cavos.wallet.starknet.RpcClient.of(node.rpcUri()).getNonce(demo.address(), xyz.cavos.wallet.starknet.BlockId.LATEST);
    }
}
