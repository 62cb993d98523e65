package xyz.cavos.wallet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.app.CliLauncher;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.testing.SecretScan;

/**
 * A locked keychain, for real: a Secret Service of its own (dbus-run-session + gnome-keyring-daemon, as a child
 * process, so locking it disturbs no other test), the login collection locked over D-Bus
 * (org.freedesktop.Secret.Service.Lock), and the cavos command line run in it. Unlocking needs a prompt, which a
 * machine without a display cannot show: the keyring is unlocked again the way logging in does it, by starting the
 * daemon with the password (gnome-keyring-daemon --replace --unlock).
 * <p>
 * Each command says plainly that the keychain is locked, and an import into it fails rather than leaving the old
 * key in the keychain while settings.json describes the new session.
 */
class LockedKeychainIT {

    private static final String LOCKED = "The keychain is locked: unlock it (for example by logging in to the desktop) and try again.";
    private static final List<String> TOOLS = List.of("dbus-run-session", "gnome-keyring-daemon", "dbus-send", "secret-tool");

    @TempDir
    Path dir;

    @Test
    void aLockedKeychainIsSaidPlainlyAndNothingIsLost() throws Exception {
        requireTools();
        Path userHome = Files.createDirectories(dir.resolve("home"));
        Path cavosHome = userHome.resolve(".config").resolve("cavos");
        Path out = Files.createDirectories(dir.resolve("out"));
        SessionToken first = SessionStoreIT.token(Felt.of(9101));
        SessionToken second = SessionStoreIT.token(Felt.of(9102));

        ProcessBuilder builder = new ProcessBuilder("dbus-run-session", "--", "bash", "-c", SCRIPT);
        Map<String, String> env = builder.environment();
        // a keyring of its own: nothing of the machine's or the CI's Secret Service is used or changed
        List.of("DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL", "XDG_RUNTIME_DIR", "CAVOS_TOKEN", "CAVOS_PASSPHRASE",
                "CAVOS_NETWORK", "CAVOS_RPC_URL", "CAVOS_RPC_URLS").forEach(env::remove);
        env.put("HOME", userHome.toString());
        env.put("XDG_DATA_HOME", userHome.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", userHome.resolve(".config").toString());
        env.put("CAVOS_HOME", cavosHome.toString());
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("CP", System.getProperty("java.class.path"));
        env.put("MAIN", CliLauncher.class.getName());
        env.put("OUT", out.toString());
        env.put("FIRST", first.encode());
        env.put("SECOND", second.encode());
        env.put("ACCOUNT", SessionStore.keychainAccount(cavosHome));
        builder.redirectOutput(out.resolve("script.out").toFile()).redirectErrorStream(true);
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the locked-keychain script did not finish in 300 s:\n" + read(out, "script.out"));
        }
        String log = read(out, "script.out");

        assertEquals("0", read(out, "import-first.rc"), "the first import, keychain unlocked\n" + step(out, "import-first") + log);
        assertTrue(read(out, "locked.out").contains("boolean true"), "the collection was locked:\n" + read(out, "locked.out") + log);

        for (String locked : List.of("import-second", "export-locked", "clear-locked")) {
            String err = read(out, locked + ".err");
            assertEquals("1", read(out, locked + ".rc"), locked + "\n" + step(out, locked));
            assertTrue(err.startsWith("Error: " + LOCKED), locked + "\n" + step(out, locked));
            StoreTexts.assertPlain(err);
            assertFalse(err.contains(first.encode().substring(0, 40)) || err.contains(second.encode().substring(0, 40)),
                    "no token in the error output of " + locked);
        }
        assertArrayEquals(Files.readAllBytes(out.resolve("settings.before")), Files.readAllBytes(out.resolve("settings.after")),
                "the failed import left the settings as they were");

        assertEquals("0", read(out, "export-unlocked.rc"), read(out, "export-unlocked.err") + "\n" + log);
        // compared without printing: a failure message must not carry a session key either
        assertTrue(first.encode().equals(read(out, "export-unlocked.out")), "after unlocking, the first session is still there");
        assertTrue(first.encode().equals(read(out, "secret-tool.out")), "and the Secret Service holds it, as secret-tool reads it: "
                + read(out, "secret-tool.err"));
        assertEquals("0", read(out, "clear-unlocked.rc"), step(out, "clear-unlocked"));
        assertTrue(read(out, "clear-unlocked.out").contains("the OS keychain"), step(out, "clear-unlocked"));
        SecretScan.assertKeyInNoFile(cavosHome, first);
        SecretScan.assertKeyInNoFile(cavosHome, second);
    }

    /**
     * Each cavos command's stdout, stderr and exit code go to files named after the step; the login collection is
     * locked between the first import and the rest, then unlocked by restarting the daemon with the password.
     */
    private static final String SCRIPT = """
            set -u
            echo -n test-only-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
            # the daemon takes its bus name a moment after it returns; asking sooner starts a second one that races it
            for i in $(seq 100); do
              dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
              sleep 0.1
            done
            step() {
              name=$1; shift
              "$JAVA" --enable-native-access=ALL-UNNAMED -Duser.home="$HOME" -cp "$CP" "$MAIN" "$@" \\
                >"$OUT/$name.out" 2>"$OUT/$name.err"
              echo $? >"$OUT/$name.rc"
            }
            collection() {
              dbus-send --session --print-reply --dest=org.freedesktop.secrets "$@"
            }
            printf %s "$FIRST" | step import-first session import
            cp "$CAVOS_HOME/settings.json" "$OUT/settings.before"
            collection /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock \\
              array:objpath:/org/freedesktop/secrets/collection/login
            collection /org/freedesktop/secrets/collection/login org.freedesktop.DBus.Properties.Get \\
              string:org.freedesktop.Secret.Collection string:Locked >"$OUT/locked.out" 2>&1
            printf %s "$SECOND" | step import-second session import
            step export-locked session export
            step clear-locked session clear
            cp "$CAVOS_HOME/settings.json" "$OUT/settings.after"
            echo -n test-only-password | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null
            for i in $(seq 50); do
              secret-tool lookup service "Cavos Desktop" account "$ACCOUNT" >"$OUT/secret-tool.out" 2>"$OUT/secret-tool.err" && break
              sleep 0.2
            done
            step export-unlocked session export
            step clear-unlocked session clear
            """;

    /** Skips where the tools are missing; in CI (CI=true) that is a failure: .ci/run installs them. */
    private static void requireTools() {
        for (String tool : TOOLS) {
            boolean found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, tool)));
            if (!found && Boolean.parseBoolean(System.getenv("CI"))) {
                throw new AssertionError("CI must provide " + tool + " (see .ci/run)");
            }
            Assumptions.assumeTrue(found, "Skipping the locked-keychain test: " + tool + " is not installed"
                    + " (Debian: gnome-keyring, dbus-x11, libsecret-tools)");
        }
    }

    private static String read(Path out, String name) throws Exception {
        Path file = out.resolve(name);
        return Files.exists(file) ? Files.readString(file).strip() : "(no " + name + ")";
    }

    private static String step(Path out, String name) throws Exception {
        return "exit " + read(out, name + ".rc") + "\n--- stdout\n" + read(out, name + ".out") + "\n--- stderr\n"
                + read(out, name + ".err") + "\n";
    }
}
