package xyz.cavos.wallet.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Read-modify-write of files in the config folder under one lock shared by every file there, so two
 * processes (the app and a script) never lose each other's changes. A change of several files (an import: the
 * settings, the endpoints and the secret) holds the lock for all of them.
 */
final class SettingsLock {

    static final String FILE = ".settings.lock";

    /** A file lock is held per process: threads of this one (the app's refreshes, its Settings screen) queue here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private SettingsLock() {
    }

    /** Runs {@code work} holding the config folder's lock; a thread that holds it already just runs it. */
    static <T> T holding(Path home, Supplier<T> work) {
        if (IN_PROCESS.isHeldByCurrentThread()) {
            return work.get();
        }
        IN_PROCESS.lock();
        try {
            FileChannel lockFile;
            try {
                PrivateFiles.createFolder(home);
                Path file = home.resolve(FILE);
                if (Files.getFileStore(home).supportsFileAttributeView("posix")) {
                    PrivateFiles.createIfMissing(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                lockFile = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.IO, "Could not change the settings in " + home + " ("
                        + PrivateFiles.why(e) + ").", "Check that the folder is yours and writable.");
            }
            try (lockFile; FileLock lock = lockFile.lock()) {
                return work.get();
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.IO, "Could not lock the settings in " + home + " ("
                        + PrivateFiles.why(e) + ").", "Try again; if it keeps failing, check that the folder is yours and writable.");
            }
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** Writes what {@code next} returns (read inside the lock) to {@code name} in {@code home}, atomically. */
    static void update(Path home, String name, Supplier<byte[]> next) {
        holding(home, () -> {
            write(home.resolve(name), next.get());
            return null;
        });
    }

    /** Replaces a file of the config folder; the caller holds the lock. */
    static void write(Path file, byte[] content) {
        try {
            PrivateFiles.writeAtomically(file, content);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not write " + file + " (" + PrivateFiles.why(e) + ").",
                    "Check that the folder is yours and writable.");
        }
    }
}
