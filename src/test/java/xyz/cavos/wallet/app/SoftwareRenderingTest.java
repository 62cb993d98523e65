package xyz.cavos.wallet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The note that tells the start script to skip OpenGL: written after a software start, removed after a GPU one. */
class SoftwareRenderingTest {

    @TempDir
    Path home;

    @Test
    void aStartThatFellBackToSoftwareIsNotedAndAGpuStartRemovesTheNote() throws Exception {
        Path note = home.resolve("cavos").resolve(SoftwareRendering.FILE);
        SoftwareRendering.remember(note.getParent(), Map.of(), false);
        assertTrue(Files.isRegularFile(note), "noted after a start drawn in software");
        SoftwareRendering.remember(note.getParent(), Map.of(), true);
        assertFalse(Files.exists(note), "a start drawn with the GPU removes the note");
    }

    @Test
    void aStartWithoutOpenGlLeavesTheNoteToAge() throws Exception {
        Path note = home.resolve(SoftwareRendering.FILE);
        SoftwareRendering.remember(home, Map.of(), false);
        Files.setLastModifiedTime(note, java.nio.file.attribute.FileTime.fromMillis(0));
        SoftwareRendering.remember(home, Map.of("GDK_GL", "disable"), false);
        assertEquals(0, Files.getLastModifiedTime(note).toMillis(), "not renewed: it still expires, and the GPU is tried again");
        SoftwareRendering.remember(home, Map.of("GDK_GL", "disable"), true);
        assertTrue(Files.exists(note), "a start without OpenGL proves nothing");
    }
}
