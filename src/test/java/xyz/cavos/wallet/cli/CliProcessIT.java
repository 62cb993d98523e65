package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.SecretScan;

/** The command line as separate processes: two devices on one session, and the keychain with a leak scan. */
class CliProcessIT {

    private static final String RECIPIENT = "0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b";

    @Test
    void fourProcessesOnOneStoredSessionCannotTogetherExceedTheLimitAndLoseNoCount(@TempDir Path dir) throws Exception {
        try (SandboxNode node = SandboxNode.start()) {
            String token = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo()).token().encode();
            Path userHome = Files.createDirectories(dir.resolve("user"));
            Path tmp = Files.createDirectories(userHome.resolve("tmp"));
            Cli cli = new Cli(Map.of("CAVOS_HOME", userHome.resolve("cavos").toString(), "CAVOS_PASSPHRASE", "four processes"));
            Cli.Result imported = cli.runWithInput(token, "--store", "encrypted-file", "session", "import");
            assertEquals(0, imported.exit(), imported.toString());

            ExecutorService processes = Executors.newFixedThreadPool(4);
            List<Future<List<Cli.Result>>> runs = new ArrayList<>();
            for (int process = 0; process < 4; process++) {
                runs.add(processes.submit(() -> {
                    List<Cli.Result> results = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        results.add(cli.runProcess(userHome, tmp, "--json", "transfer", "--to", RECIPIENT, "--amount", "15", "--token", "STRK"));
                    }
                    return results;
                }));
            }
            List<Cli.Result> all = new ArrayList<>();
            for (Future<List<Cli.Result>> run : runs) {
                all.addAll(run.get());
            }
            processes.shutdown();
            long sent = all.stream().filter(r -> r.exit() == 0).count();
            assertEquals(6, sent, "6 × 15 = 90 STRK fits in the 100 STRK limit, a 7th does not\n" + all);
            for (Cli.Result refused : all.stream().filter(r -> r.exit() != 0).toList()) {
                assertEquals(1, refused.exit(), refused.toString());
                assertEquals("spending-limit-exceeded", refused.errorJson().get("error_code").asText(), refused.toString());
            }
            assertEquals(U256.parseAmount("90", 18).value(), node.balanceOf(Felt.parse(RECIPIENT), Token.STRK));
            Cli.Result status = cli.run("--json", "session", "status");
            assertEquals(6, status.json().at("/data/callsMade").asInt(), "every process's calls were counted: " + status);
        }
    }

    @Test
    void theKeyLivesInTheKeychainAndInNoFile(@TempDir Path dir) throws Exception {
        Path userHome = Files.createDirectories(dir.resolve("home"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path cavosHome = userHome.resolve(".config").resolve("cavos");
        SecretScan.requireKeychain(cavosHome);
        try (SandboxNode node = SandboxNode.start()) {
            SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
            SessionToken token = wallet.token();
            Cli cli = new Cli(Map.of("XDG_CONFIG_HOME", userHome.resolve(".config").toString()));

            Cli.Result imported = cli.runProcess(userHome, tmp, "session", "import", token.encode());
            assertEquals(0, imported.exit(), imported.toString());
            assertTrue(imported.out().contains("Session imported into the OS keychain"), imported.toString());
            Cli.Result sent = cli.runProcess(userHome, tmp, "transfer", "--to", RECIPIENT, "--amount", "2.5", "--token", "STRK");
            assertEquals(0, sent.exit(), sent.toString());
            Cli.Result status = cli.runProcess(userHome, tmp, "--json", "session", "status");
            assertEquals(1, status.json().at("/data/callsMade").asInt(), status.toString());
            assertEquals(U256.parseAmount("2.5", 18).value(), node.balanceOf(Felt.parse(RECIPIENT), Token.STRK));

            SecretScan.assertKeyInNoFile(cavosHome, token);
            SecretScan.assertKeyInNoFile(userHome, token);
            SecretScan.assertKeyInNoFile(tmp, token);
            String keyrings = System.getenv("XDG_DATA_HOME");
            if (keyrings != null) {
                SecretScan.assertKeyInNoFile(Path.of(keyrings), token);
            }

            SessionToken replacement = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.demo());
            assertEquals(0, cli.runProcess(userHome, tmp, "session", "import", "--replace", replacement.encode()).exit());
            assertEquals(replacement.sessionPublicKey().toHex(),
                    cli.runProcess(userHome, tmp, "--json", "whoami").json().at("/data/sessionKey").asText(), "replaced");
            assertEquals(0, cli.runProcess(userHome, tmp, "session", "clear").exit());
            assertEquals(2, cli.runProcess(userHome, tmp, "balance").exit(), "cleared: no session");
        }
    }
}
