package xyz.cavos.wallet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window and theme the app remembers. */
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
}
