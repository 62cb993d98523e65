package xyz.cavos.wallet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.wallet.SessionStorage;

/**
 * The config folder is its owner's alone on POSIX file systems: the folder 0700 and each file Cavos keeps there 0600
 * (settings, network settings, the encrypted session, the log, the lock, the app's window settings), whether this
 * run creates them or finds them looser from an earlier version.
 */
class PrivateFolderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"),
                "Skipping: file permissions are checked on POSIX file systems only");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void whatCavosCreatesOnlyItsOwnerCanRead() throws Exception {
        Path home = dir.resolve("config").resolve("cavos");
        SessionStore store = SessionStore.open(home, Optional.of(SessionStore.Kind.ENCRYPTED_FILE), "a passphrase"::toCharArray);
        store.save(SessionStoreIT.token(Felt.of(7171)), Optional.of("sepolia"), Optional.empty());
        NetworkConfig.open(home).setNetwork(Optional.of("sepolia"));
        SessionStorage.appendToLog(home, "a stack trace\n");

        assertEquals("rwx------", mode(home), "the config folder");
        for (String name : List.of("settings.json", "config.json", "session.enc", "cavos.log", ".settings.lock")) {
            assertEquals("rw-------", mode(home.resolve(name)), name);
        }
        try (var files = Files.list(home)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(), "no temporary file left");
        }
    }

    @Test
    void looserFoldersAndFilesAreTightenedAtStart() throws Exception {
        Path home = Files.createDirectories(dir.resolve("cavos"));
        SessionStore.open(home, Optional.of(SessionStore.Kind.ENCRYPTED_FILE), "a passphrase"::toCharArray)
                .save(SessionStoreIT.token(Felt.of(7272)), Optional.empty(), Optional.empty());
        Files.writeString(home.resolve("config.json"), "{}");
        Files.writeString(home.resolve("cavos.log"), "an old stack trace\n");
        Files.writeString(home.resolve("desktop.json"), "{}");
        List<String> files = List.of("settings.json", "config.json", "session.enc", "cavos.log", "desktop.json", ".settings.lock");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x")); // as an earlier version left them
        for (String file : files) {
            Files.setPosixFilePermissions(home.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Path notOurs = home.resolve("notes.sh");
        Files.writeString(notOurs, "#!/bin/sh\n");
        Files.setPosixFilePermissions(notOurs, PosixFilePermissions.fromString("rwxr-xr-x"));

        StoreTexts.Run cleared = StoreTexts.cavos(Map.of("CAVOS_HOME", home.toString(), "CAVOS_PASSPHRASE", "a passphrase"),
                "session", "clear");
        assertEquals(0, cleared.exit(), cleared.toString());

        assertEquals("rwx------", mode(home), "the config folder");
        for (String name : files) {
            if (Files.exists(home.resolve(name))) { // session.enc is removed by the clear
                assertEquals("rw-------", mode(home.resolve(name)), name);
            }
        }
        assertEquals("rwxr-xr-x", mode(notOurs), "a file Cavos does not keep is left as it is");
    }

    @Test
    void aLogLeftReadableIsTightenedWhenWrittenTo() throws Exception {
        Path home = Files.createDirectories(dir.resolve("cavos"));
        Path log = home.resolve(SessionStorage.LOG);
        Files.writeString(log, "an old stack trace\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        SessionStorage.appendToLog(home, "a new one\n");
        assertEquals("rw-------", mode(log));
        assertTrue(Files.readString(log).endsWith("an old stack trace\na new one\n"), "appended, not replaced");
    }

    @Test
    void aSharedFolderSuchAsTmpIsNotMadePrivate() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        PrivateFiles.tighten(shared);
        assertEquals(01777, ((Integer) Files.getAttribute(shared, "unix:mode")) & 07777);
    }
}
