package xyz.cavos.wallet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store failures that need no keychain: damaged files are reported in plain words with the next step. */
class StoreFailuresTest {

    @TempDir
    Path home;

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
