package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.testing.SecretScan;

/**
 * Two sessions side by side, each on a sandbox of its own: imported without replacing each other, listed, switched with
 * {@code session use}, picked for one command with {@code --session} or CAVOS_SESSION, each showing its own wallet's
 * balance; one whose node has stopped is still removed, and the other stays.
 */
class SessionsCliIT {

    @TempDir
    Path home;

    private final SandboxNode first = SandboxNode.start();
    private final SandboxNode second = SandboxNode.start();
    private final SandboxDashboard.DemoWallet alpha = first.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
    private final SandboxDashboard.DemoWallet beta = second.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private Cli cli() {
        return new Cli(Map.of("CAVOS_HOME", home.toString(), "CAVOS_PASSPHRASE", "two sessions"));
    }

    private static String walletLine(Cli.Result result) {
        return result.out().lines().filter(l -> l.startsWith("Wallet ")).findFirst().orElse("(no wallet line) " + result);
    }

    @Test
    void twoSessionsAreImportedListedSwitchedAndRemovedOneByOne() throws Exception {
        Cli.Result importedAlpha = cli().runWithInput(alpha.token().encode(), "--store", "encrypted-file", "session", "import",
                "--name", "alpha");
        assertEquals(0, importedAlpha.exit(), importedAlpha.toString());
        assertTrue(importedAlpha.out().contains("  name         alpha (now the current session)\n"), importedAlpha.out());

        Cli.Result importedBeta = cli().runWithInput(beta.token().encode(), "session", "import");
        assertEquals(0, importedBeta.exit(), importedBeta.toString());
        String betaName = "sandbox-" + beta.address().toHex().substring(2, 8);
        assertTrue(importedBeta.out().contains("  name         " + betaName + " (now the current session)\n"), importedBeta.out());
        assertTrue(importedBeta.out().contains("The session alpha holds another key, so it was kept: switch back with cavos session use"
                + " alpha.\n"), "never replaced silently, and said so:\n" + importedBeta.out());
        assertTrue(Files.exists(home.resolve("session.enc")) && Files.exists(home.resolve("session-" + betaName + ".enc")));

        Cli.Result list = cli().run("session", "list");
        assertEquals(0, list.exit(), list.toString());
        List<String> rows = list.out().lines().filter(l -> l.contains("sandbox via")).toList();
        assertEquals(2, rows.size(), list.out());
        assertTrue(rows.get(0).matches("\\s+alpha\\s+" + alpha.address().toHex().substring(0, 6) + "….*"), rows.get(0));
        assertTrue(rows.get(1).startsWith("*  " + betaName + " "), "the current one is marked: " + rows.get(1));
        assertTrue(list.out().contains("Current: " + betaName + " (marked *)."), list.out());
        JsonNode json = cli().run("--json", "session", "list").json().get("data");
        assertEquals(betaName, json.get("current").asText());
        assertEquals(List.of("alpha", betaName), names(json));
        assertEquals(alpha.address().toHex(), json.at("/sessions/0/walletAddress").asText());
        assertEquals(first.rpcUri().toString(), json.at("/sessions/0/rpcUrl").asText());
        assertEquals("encrypted-file", json.at("/sessions/1/store").asText());
        assertFalse(json.at("/sessions/0/current").asBoolean());
        assertTrue(json.at("/sessions/1/current").asBoolean());
        SecretScan.assertNoSecretIn(list.out(), alpha.token(), "session list");

        assertTrue(walletLine(cli().run("balance")).startsWith("Wallet " + beta.address().toHex() + " on sandbox"), "the current one");
        Cli.Result alphaBalance = cli().run("--session", "alpha", "balance");
        assertEquals(0, alphaBalance.exit(), alphaBalance.toString());
        assertTrue(walletLine(alphaBalance).startsWith("Wallet " + alpha.address().toHex() + " on sandbox"), alphaBalance.out());
        assertTrue(alphaBalance.out().contains("STRK  1,000"), alphaBalance.out());
        Cli.Result byEnv = cli().with("CAVOS_SESSION", "ALPHA").run("whoami");
        assertTrue(byEnv.out().startsWith("Session      alpha\nWallet       " + alpha.address().toHex() + "\n"), byEnv.toString());
        assertEquals(betaName, cli().run("--json", "session", "status").json().at("/data/sessionName").asText(),
                "--session and CAVOS_SESSION leave the current session as it was");

        Cli.Result use = cli().run("session", "use", "alpha");
        assertEquals(0, use.exit(), use.toString());
        assertTrue(use.out().startsWith("Session alpha is now current (wallet " + alpha.address().toHex() + " on sandbox)."), use.out());
        assertTrue(walletLine(cli().run("balance")).startsWith("Wallet " + alpha.address().toHex()));
        assertEquals("alpha", cli().run("--json", "whoami").json().at("/data/sessionName").asText());
        assertTrue(cli().run("session", "status").out().startsWith("Session: alpha\nSession Key: "
                + alpha.token().sessionPublicKey().toHex() + "\n"));
        Cli.Result betaWho = cli().run("whoami", "--session", betaName);
        assertTrue(betaWho.out().startsWith("Session      " + betaName + "\nWallet       " + beta.address().toHex()), betaWho.toString());

        first.close(); // alpha's node is gone
        Cli.Result unreachable = cli().run("balance");
        assertEquals(1, unreachable.exit(), unreachable.toString());
        Cli.Result cleared = cli().run("session", "clear", "--session", "alpha");
        assertEquals(0, cleared.exit(), "removing needs no node\n" + cleared);
        assertTrue(cleared.out().startsWith("Session removed from this computer (the encrypted file " + home.resolve("session.enc")
                + ")."), cleared.out());
        assertTrue(cleared.out().contains("\nRemoved the session alpha; the current session is now " + betaName + ".\n"), cleared.out());
        assertFalse(Files.exists(home.resolve("session.enc")));
        assertEquals(List.of(betaName), names(cli().run("--json", "session", "list").json().get("data")));
        assertTrue(walletLine(cli().run("balance")).startsWith("Wallet " + beta.address().toHex()), "the other session stays");

        Cli.Result gone = cli().run("--session", "alpha", "balance");
        assertEquals(2, gone.exit(), gone.toString());
        assertEquals("Error: No session named alpha is stored here.\nSolution: The sessions stored here are: " + betaName + ".\n",
                gone.err());
    }

    @Test
    void aNameHoldingAnotherSessionIsRefusedUnlessReplaced() {
        assertEquals(0, cli().runWithInput(alpha.token().encode(), "--store", "encrypted-file", "session", "import", "--name", "work")
                .exit());
        Cli.Result refused = cli().runWithInput(beta.token().encode(), "session", "import", "--name", "Work");
        assertEquals(2, refused.exit(), refused.toString());
        assertEquals("Error: The name work holds another session (wallet " + alpha.address().toHex() + ", session key "
                + alpha.token().sessionPublicKey().toHex() + ").\nSolution: To replace it: cavos session import --name Work --replace."
                + " To keep both: cavos session import --name OTHER-NAME.\n", refused.err());
        Cli.Result json = cli().runWithInput(beta.token().encode(), "--json", "session", "import", "--name", "work");
        assertEquals(2, json.exit());
        assertEquals("session-exists", json.errorJson().get("error_code").asText(), json.err());
        assertTrue(walletLine(cli().run("balance")).startsWith("Wallet " + alpha.address().toHex()), "work still holds alpha");

        assertEquals(0, cli().runWithInput(alpha.token().encode(), "session", "import", "--name", "work").exit(),
                "the same session again under its name");
        Cli.Result replaced = cli().runWithInput(beta.token().encode(), "session", "import", "--name", "work", "--replace");
        assertEquals(0, replaced.exit(), replaced.toString());
        assertTrue(walletLine(cli().run("balance")).startsWith("Wallet " + beta.address().toHex()), "work now holds beta");
        assertEquals(List.of("work"), names(cli().run("--json", "session", "list").json().get("data")));

        for (String bad : List.of("my wallet", "x".repeat(33), "../etc")) {
            Cli.Result invalid = cli().runWithInput(alpha.token().encode(), "session", "import", "--name", bad);
            assertEquals(2, invalid.exit(), bad + "\n" + invalid);
            assertTrue(invalid.err().contains("cannot name a session: a session name is 1 to 32 letters, digits, - or _."), invalid.err());
        }
        Cli.Result unknown = cli().run("session", "use", "nope");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("Error: No session named nope is stored here.\n"), unknown.err());
    }

    private static List<String> names(JsonNode data) {
        List<String> names = new ArrayList<>();
        data.get("sessions").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }
}
