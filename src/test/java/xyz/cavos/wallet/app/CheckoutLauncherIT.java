package xyz.cavos.wallet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code ./cavos} as the build leaves it (this runs after the package phase): its jars in
 * {@code target/lib} as the AOT cache can hold them, a start-up cache that holds picocli, and {@code --version} that
 * loads neither the JSON, crypto, HTTP nor keychain libraries.
 */
class CheckoutLauncherIT {

    @TempDir
    Path dir;

    @Test
    void picocliIsAJava8LibraryNowAndNoJarIsSigned() throws IOException {
        Path lib = Path.of("target", "lib");
        try (var jars = Files.list(lib)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    List<String> old = new ArrayList<>();
                    List<String> signatures = new ArrayList<>();
                    for (var entry : Collections.list(zip.entries())) {
                        String name = entry.getName();
                        if (name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")) {
                            signatures.add(name);
                        }
                        if (name.endsWith(".class") && !name.startsWith("META-INF/versions/")) {
                            try (var in = zip.getInputStream(entry)) {
                                byte[] header = in.readNBytes(8);
                                if (((header[6] & 0xff) << 8 | (header[7] & 0xff)) < 50) {
                                    old.add(name);
                                }
                            }
                        }
                    }
                    assertEquals(List.of(), old, jar + " holds class files the AOT cache cannot link");
                    assertEquals(List.of(), signatures, jar + " is signed");
                }
            }
        }
        assertTrue(Files.exists(lib.resolve("picocli-4.7.7.jar")), "picocli is on the launcher's class path");
    }

    @Test
    void theStartUpCacheHoldsPicocliAndTheCommands() throws Exception {
        Path log = dir.resolve("classes.txt");
        Run run = run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log), "./cavos", "--version");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("cavos "), run::toString);
        List<String> loaded = Files.readAllLines(log);
        for (String name : List.of("picocli.CommandLine ", "xyz.cavos.wallet.cli.CavosCommand ", "xyz.cavos.wallet.app.CliLauncher ")) {
            assertTrue(loaded.stream().anyMatch(line -> line.contains(" " + name) && line.contains("shared objects file")),
                    () -> name.strip() + " did not come from the start-up cache:\n"
                            + loaded.stream().filter(line -> line.contains(" " + name)).toList());
        }
    }

    @Test
    void theVersionLoadsNeitherJsonNorCryptoNorHttpNorTheKeychain() throws Exception {
        Path log = dir.resolve("classes.txt");
        String classpath = Files.readString(Path.of("target", "cavos.classpath")).strip();
        Run run = run(Map.of(), Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-Xlog:class+load:file=" + log, "-cp", classpath, CliLauncher.class.getName(), "--version");
        assertEquals(0, run.exit(), run::toString);
        List<String> unneeded = Files.readAllLines(log).stream()
                .filter(line -> line.matches(".*(jackson-databind|bcprov|java\\.net\\.http|dbus-java|java-keyring|/jna-|secret-service).*")
                        || line.matches(".*\\] (com\\.fasterxml|org\\.bouncycastle|java\\.net\\.http|org\\.freedesktop|com\\.github\\.javakeyring)\\..*")
                        && !line.matches(".*com\\.fasterxml\\.jackson\\.core\\.(JacksonException|JsonProcessingException) .*"))
                .toList();
        assertEquals(List.of(), unneeded, "classes cavos --version does not need");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("CAVOS_HOME", dir.resolve("home").toString());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
