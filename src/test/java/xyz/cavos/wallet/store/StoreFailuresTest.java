package xyz.cavos.wallet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Felt;

/**
 * Store failures that need no keychain: an import that fails part way leaves the previous session (secret and
 * settings) exactly as it was, and damaged files are reported in plain words with the next step.
 */
class StoreFailuresTest {

    private static final String PASSPHRASE = "a passphrase";

    @TempDir
    Path home;

    private SessionStore encrypted() {
        return SessionStore.open(home, Optional.of(SessionStore.Kind.ENCRYPTED_FILE), PASSPHRASE::toCharArray);
    }

    /**
     * The settings cannot be written (here: the folder's lock file cannot be opened, which fails for every user, root
     * included): neither the encrypted file's secret nor settings.json changes.
     */
    @Test
    void anImportThatCannotWriteTheSettingsKeepsThePreviousSession() throws Exception {
        SessionToken previous = SessionStoreIT.token(Felt.of(1001));
        encrypted().save(previous, Optional.of("sepolia"), Optional.empty());
        byte[] settings = Files.readAllBytes(home.resolve("settings.json"));
        byte[] secret = Files.readAllBytes(home.resolve("session.enc"));
        Files.delete(home.resolve(".settings.lock"));
        Files.createDirectories(home.resolve(".settings.lock").resolve("in-the-way"));

        SessionToken next = SessionStoreIT.token(Felt.of(1002));
        StoreException failed = assertThrows(StoreException.class, () -> encrypted().save(next, Optional.of("mainnet"), Optional.empty()));
        assertArrayEquals(settings, Files.readAllBytes(home.resolve("settings.json")), "the settings are as they were");
        assertArrayEquals(secret, Files.readAllBytes(home.resolve("session.enc")), "the secret is as it was");
        assertTrue(encrypted().load().orElseThrow().sameSession(previous));

        assertTrue(failed.getMessage().startsWith("Could not change the settings in " + home + " (a folder is in the way)."),
                failed.getMessage());
        StoreTexts.assertPlain(failed);
    }

    /**
     * The new secret cannot be stored after the settings and the session's endpoint were written (a folder with
     * something in it stands where the encrypted file goes): settings.json and config.json are put back byte for byte.
     */
    @Test
    void aSecretThatCannotBeStoredPutsTheSettingsAndTheEndpointsBack() throws Exception {
        encrypted().save(SessionStoreIT.token(Felt.of(3001)), Optional.of("sepolia"), Optional.empty());
        NetworkConfig.open(home).setEntries("sepolia", List.of(NetworkConfig.plain(java.net.URI.create("https://first.example/rpc/v0_10"))));
        byte[] settings = Files.readAllBytes(home.resolve("settings.json"));
        byte[] config = Files.readAllBytes(home.resolve("config.json"));
        Files.delete(home.resolve("session.enc"));
        Files.createDirectories(home.resolve("session.enc").resolve("in-the-way"));

        SessionToken next = SessionStoreIT.token(Felt.of(3002));
        StoreException failed = assertThrows(StoreException.class, () -> encrypted().save(next, Optional.of("mainnet"),
                Optional.of("https://second.example/rpc/v0_10"),
                () -> NetworkConfig.open(home).setEntries("mainnet", List.of(NetworkConfig.plain(java.net.URI.create("https://second.example/rpc/v0_10"))))));
        assertArrayEquals(settings, Files.readAllBytes(home.resolve("settings.json")), "the settings are as they were");
        assertArrayEquals(config, Files.readAllBytes(home.resolve("config.json")), "the endpoint lists are as they were");
        StoreTexts.assertPlain(failed);
    }

    /** The command line has no passphrase for the encrypted file: the import stops before anything changed. */
    @Test
    void anImportWithoutThePassphraseChangesNothing() throws Exception {
        SessionToken previous = SessionStoreIT.token(Felt.of(2001));
        encrypted().save(previous, Optional.of("sepolia"), Optional.of("http://127.0.0.1:5050/rpc/v0_10"));
        byte[] settings = Files.readAllBytes(home.resolve("settings.json"));
        byte[] secret = Files.readAllBytes(home.resolve("session.enc"));

        SessionToken next = SessionStoreIT.token(Felt.of(2002));
        StoreTexts.Run run = StoreTexts.cavos(Map.of("CAVOS_HOME", home.toString()), "--store", "encrypted-file", "--network",
                "mainnet", "session", "import", next.encode());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("The encrypted session file needs its passphrase."), run.err());
        StoreTexts.assertPlain(run.err());
        assertFalse(run.err().contains(next.encode().substring(0, 40)), "the token is not echoed");

        assertArrayEquals(settings, Files.readAllBytes(home.resolve("settings.json")), "the settings are as they were");
        assertArrayEquals(secret, Files.readAllBytes(home.resolve("session.enc")), "the secret is as it was");
        assertTrue(encrypted().load().orElseThrow().sameSession(previous));
    }

    @Test
    void damagedSettingsAreReportedInPlainWords() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"store\": \"keychain\", \"walletAddress\": ");
        StoreException settings = assertThrows(StoreException.class, () -> SessionStore.open(home, Optional.empty(), () -> new char[0]));
        assertEquals(home.resolve("settings.json") + " is damaged: it is not JSON.", settings.getMessage());
        StoreTexts.assertPlain(settings);

        Files.writeString(home.resolve("settings.json"), "{\"walletAddress\": \"not a felt\"}");
        StoreException content = assertThrows(StoreException.class, () -> SessionStore.open(home, Optional.empty(), () -> new char[0]));
        assertTrue(content.getMessage().endsWith("is damaged: it does not hold the settings Cavos Desktop writes."), content.getMessage());
        StoreTexts.assertPlain(content);

        Files.writeString(home.resolve("config.json"), "[1, 2");
        StoreException config = assertThrows(StoreException.class, () -> NetworkConfig.open(home).read());
        assertEquals(home.resolve("config.json") + " is damaged: it is not JSON.", config.getMessage());
        StoreTexts.assertPlain(config);

        Files.writeString(home.resolve("config.json"), "{\"endpoints\": {\"sepolia\": [{\"shown\": \"x\"}]}}");
        StoreException entry = assertThrows(StoreException.class, () -> NetworkConfig.open(home).read());
        assertTrue(entry.getMessage().endsWith("is damaged: it does not hold the network settings Cavos Desktop writes."),
                entry.getMessage());
        StoreTexts.assertPlain(entry);
    }
}
