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
 * Read-modify-write of a file in the config folder under one lock shared by every file there, so two
 * processes (the app and a script) never lose each other's changes.
 */
final class SettingsLock {

    /** A file lock is held per process: threads of this one (the app's refreshes, its Settings screen) queue here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private SettingsLock() {
    }

    /** Writes what {@code next} returns (read inside the lock) to {@code name} in {@code home}, atomically. */
    static void update(Path home, String name, Supplier<byte[]> next) {
        Path file = home.resolve(name);
        IN_PROCESS.lock();
        try {
            PrivateFiles.createFolder(home);
            Path lockPath = home.resolve(".settings.lock");
            if (Files.getFileStore(home).supportsFileAttributeView("posix")) {
                PrivateFiles.createIfMissing(lockPath, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel lockFile = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                PrivateFiles.writeAtomically(file, next.get());
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not write " + file + ": " + e.getMessage() + ".",
                    "Check that the folder is writable.");
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
