package xyz.cavos.wallet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.ui.lock.PassphraseHash;
import xyz.cavos.wallet.ui.lock.PrivacySettings;

/** The window, theme and lock settings the app remembers. */
class DesktopSettingsTest {

    @TempDir
    Path home;

    @Test
    void whatWasSavedComesBack() throws Exception {
        assertEquals(DesktopSettings.DEFAULT, DesktopSettings.load(home), "first start: defaults");
        DesktopSettings saved = DesktopSettings.DEFAULT.withDark(true).withWindow(40, 60, 1280, 800, false);
        saved.save(home);
        assertEquals(saved, DesktopSettings.load(home));
        assertTrue(Files.readString(home.resolve(DesktopSettings.FILE)).contains("\"theme\" : \"dark\""));
    }

    @Test
    void aDamagedFileMeansTheDefaults() throws Exception {
        Files.writeString(home.resolve(DesktopSettings.FILE), "{\"theme\": \"dark\", \"window\": {\"width\": ");
        assertEquals(DesktopSettings.DEFAULT, DesktopSettings.load(home));
        Files.writeString(home.resolve(DesktopSettings.FILE), "[1, 2]");
        assertEquals(DesktopSettings.DEFAULT, DesktopSettings.load(home));
    }

    @Test
    void aTinyOrMissingSizeIsRaisedToWhatTheScreensNeed() throws Exception {
        Files.writeString(home.resolve(DesktopSettings.FILE), "{\"window\": {\"width\": 10, \"height\": \"tall\"}}");
        DesktopSettings loaded = DesktopSettings.load(home);
        assertEquals(DesktopSettings.MIN_WIDTH, loaded.width());
        assertEquals(720, loaded.height());
        assertFalse(loaded.hasPosition());
        assertFalse(loaded.dark());
    }

    @Test
    void thePassphraseIsKeptAsItsHashWithSaltAndParametersNeverItself() throws Exception {
        PassphraseHash hash = PassphraseHash.of("correct horse battery".toCharArray());
        DesktopSettings saved = DesktopSettings.DEFAULT.withPrivacy(PrivacySettings.NONE.withPassphrase(Optional.of(hash))
                .withIdleMinutes(15).withHideAmounts(true).withDesktopNotifications(false));
        saved.save(home);

        String text = Files.readString(home.resolve(DesktopSettings.FILE));
        assertFalse(text.contains("correct horse battery"), text);
        JsonNode kept = new ObjectMapper().readTree(text);
        assertTrue(kept.path("hideAmounts").asBoolean());
        assertFalse(kept.path("desktopNotifications").asBoolean(true));
        assertEquals(15, kept.path("lock").path("idleMinutes").asInt());
        JsonNode passphrase = kept.path("lock").path("passphrase");
        assertEquals("argon2id", passphrase.path("kdf").asText());
        assertEquals(65536, passphrase.path("memoryKiB").asInt());
        assertEquals(3, passphrase.path("iterations").asInt());
        assertEquals(1, passphrase.path("parallelism").asInt());
        assertEquals(16, Base64.getDecoder().decode(passphrase.path("salt").asText()).length);
        assertEquals(32, Base64.getDecoder().decode(passphrase.path("hash").asText()).length);

        DesktopSettings loaded = DesktopSettings.load(home);
        assertEquals(saved, loaded);
        assertFalse(loaded.privacy().desktopNotifications(), "notifications kept to the window");
        assertTrue(loaded.privacy().passphrase().orElseThrow().matches("correct horse battery".toCharArray()));
        assertFalse(loaded.privacy().passphrase().orElseThrow().matches("correct horse".toCharArray()));
    }

    @Test
    void aTamperedPassphraseIsRefusedWithAClearReasonAndTheRestIsKept() throws Exception {
        PassphraseHash hash = PassphraseHash.of("correct horse battery".toCharArray());
        DesktopSettings.DEFAULT.withDark(true).withPrivacy(PrivacySettings.NONE.withPassphrase(Optional.of(hash)).withIdleMinutes(30))
                .save(home);
        Path file = home.resolve(DesktopSettings.FILE);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        ((ObjectNode) json.path("lock").path("passphrase")).put("memoryKiB", 64 << 20); // 64 GiB: would never finish
        Files.writeString(file, json.toString());

        DesktopSettings loaded = DesktopSettings.load(home);
        assertTrue(loaded.dark(), "the theme is still read");
        assertEquals(30, loaded.privacy().idleMinutes());
        assertTrue(loaded.privacy().passphrase().isEmpty(), "a hash out of bounds is never used");
        assertEquals("The app passphrase kept in " + file + " is damaged or was not written by Cavos Desktop: its memoryKiB is 67108864,"
                + " where Cavos Desktop writes a whole number from 8192 to 1048576. It is not used, so the app is not locked; set a"
                + " passphrase again.", loaded.privacy().problem().orElseThrow());

        ((ObjectNode) json.path("lock").path("passphrase")).put("memoryKiB", 65536).put("salt", "not base64!");
        Files.writeString(file, json.toString());
        assertTrue(DesktopSettings.load(home).privacy().problem().orElseThrow().contains("its salt is not Base64"));

        ((ObjectNode) json.path("lock").path("passphrase")).put("salt", "A".repeat(2_000));
        Files.writeString(file, json.toString());
        assertTrue(DesktopSettings.load(home).privacy().problem().orElseThrow().contains("its salt is not Base64 of a few bytes"));

        ((ObjectNode) json.path("lock")).put("passphrase", "hunter2");
        Files.writeString(file, json.toString());
        assertTrue(DesktopSettings.load(home).privacy().problem().orElseThrow().contains("it is not a JSON object"));
    }

    @Test
    void anIdleTimeTheAppDoesNotOfferBecomesTheNearestItDoes() throws Exception {
        Files.writeString(home.resolve(DesktopSettings.FILE), "{\"lock\": {\"idleMinutes\": 7}}");
        assertEquals(5, DesktopSettings.load(home).privacy().idleMinutes());
        Files.writeString(home.resolve(DesktopSettings.FILE), "{\"lock\": {\"idleMinutes\": 100000}}");
        assertEquals(60, DesktopSettings.load(home).privacy().idleMinutes());
        Files.writeString(home.resolve(DesktopSettings.FILE), "{\"lock\": {\"idleMinutes\": 0}}");
        assertEquals(0, DesktopSettings.load(home).privacy().idleMinutes());
    }
}
