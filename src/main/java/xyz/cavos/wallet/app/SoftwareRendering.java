package xyz.cavos.wallet.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import xyz.cavos.wallet.store.PrivateFiles;

/**
 * Remembers, on Linux, that this computer's graphics driver cannot run JavaFX's GPU pipeline, so that the next starts
 * skip trying it. JavaFX tries OpenGL first and falls back to drawing in software when the driver is a software one
 * (Mesa's llvmpipe, as under Xvfb or in a virtual machine); trying loads the driver and its compiler, about 50 MB that
 * stay resident for nothing, and takes about 0.2 s of every start. When JavaFX ended up drawing in software, the
 * file {@value #FILE} in the config folder says so; the start script ({@code lib/cavos-desktop-app}) then starts
 * without OpenGL (GDK_GL=disable, prism.order=sw). The file is trusted for a week: an older one is ignored, JavaFX
 * tries the GPU again and the file is written again or removed, so that a newly installed driver is used.
 */
final class SoftwareRendering {

    static final String FILE = "software-rendering";

    private SoftwareRendering() {
    }

    /**
     * On Linux, after the window is shown (on the FX thread): notes what this start's pipeline says, on a thread of its
     * own (not a daemon, so that the file is never left half written).
     */
    static void rememberThisStart(Path home, Map<String, String> env) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return;
        }
        boolean gpu = javafx.application.Platform.isSupported(javafx.application.ConditionalFeature.SCENE3D); // GPU pipelines only
        Thread.ofPlatform().name("rendering-note").start(() -> {
            try {
                remember(home, env, gpu);
            } catch (IOException e) {
                // only the next start's speed depends on it
            }
        });
    }

    /**
     * Notes what the pipeline of this start says about the driver: {@code gpuPipeline} is whether JavaFX draws with
     * the GPU. A start the script made without OpenGL proves nothing either way and leaves the note as it is.
     */
    static void remember(Path home, Map<String, String> env, boolean gpuPipeline) throws IOException {
        if ("disable".equals(env.get("GDK_GL"))) {
            return;
        }
        Path file = home.resolve(FILE);
        if (gpuPipeline) {
            Files.deleteIfExists(file);
        } else {
            PrivateFiles.writeAtomically(file, "JavaFX draws in software here: the next starts do not try OpenGL (a week).\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
