package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.starknet.TestResources;

/**
 * {@code cavos session import} then {@code cavos session export} gives back the token the Cavos SDK exported,
 * byte for byte, for every token of {@code vectors/cavos-session.json}. The encrypted session file keeps
 * the tests off the keychain; no chain is needed to import or export.
 */
class SdkTokenExportIT {

    private static final JsonNode TOKENS = TestResources.json("vectors/cavos-session.json").get("tokens");

    @TempDir
    Path dir;

    @Test
    void everySdkTokenIsExportedAsItWasImported() {
        for (String name : names()) {
            String token = TOKENS.get(name).get("token").asText();
            Cli cli = new Cli(Map.of("CAVOS_HOME", dir.resolve(name).toString(), "CAVOS_PASSPHRASE", "a test passphrase"));
            Cli.Result imported = cli.run("--store", "encrypted-file", "session", "import", "export CAVOS_TOKEN=\u201C" + token + "\u201D\r\n");
            assertEquals(0, imported.exit(), name + "\n" + imported);

            Cli.Result text = cli.run("session", "export");
            assertEquals(0, text.exit(), name + "\n" + text);
            assertEquals(token, text.out().stripTrailing(), name);
            assertEquals(token, cli.run("--json", "session", "export").json().at("/data/token").asText(), name);
        }
    }

    @Test
    void theLatin1TokenSurvivesARealProcessAndItsStandardOutput() throws Exception {
        String token = TOKENS.get("latin1_wallet_name").get("token").asText();
        Path userHome = Files.createDirectories(dir.resolve("home"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Cli cli = new Cli(Map.of("CAVOS_HOME", userHome.resolve("cavos").toString(), "CAVOS_PASSPHRASE", "a test passphrase"));

        Cli.Result imported = cli.runProcess(userHome, tmp, "--store", "encrypted-file", "session", "import", token);
        assertEquals(0, imported.exit(), imported.toString());
        Cli.Result exported = cli.runProcess(userHome, tmp, "session", "export");
        assertEquals(0, exported.exit(), exported.toString());
        assertEquals(token, exported.out().stripTrailing());
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        TOKENS.fieldNames().forEachRemaining(names::add);
        assertEquals(5, names.size(), "the vector file's token cases");
        return names;
    }
}
