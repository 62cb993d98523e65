package xyz.cavos.wallet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import xyz.cavos.wallet.starknet.Json;

/**
 * The config folder and its files are for their owner only: on POSIX file systems the folder is 0700 and each
 * file 0600, whether this run creates them or finds them looser. Files are replaced atomically so a crash never
 * leaves half a file.
 */
public final class PrivateFiles {

    /** What Cavos keeps in its config folder; only these are tightened, so a folder shared with other things keeps theirs. */
    static final Set<String> OURS = Set.of("settings.json", "config.json", "session.enc", "cavos.log", ".settings.lock", "sent.json",
            "desktop.json", "contacts.json", "sandbox-chain.json");
    /** The encrypted file of a session kept beside others: session-NAME.enc. */
    private static final Pattern SESSION_FILE = Pattern.compile("session-[a-z0-9_-]{1,32}\\.enc");

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    /** The sticky bit: a shared folder such as /tmp, which is never made private. */
    private static final int STICKY = 01000;

    private PrivateFiles() {
    }

    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        createFolder(parent);
        Path temporary = posix(parent)
                ? Files.createTempFile(parent, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Adds to the end of a file only its owner can read (the log), creating it and its folder if needed. */
    public static void append(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        createFolder(parent);
        FileAttribute<?>[] attributes = posix(parent) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        try (OutputStream out = Files.newOutputStream(createIfMissing(file, attributes), StandardOpenOption.APPEND)) {
            tightenFile(file); // a log left by an older version may be readable by others
            out.write(content);
        }
    }

    /** Opens (creating if needed) a file for writing, only its owner can read it; for the lock file. */
    static Path createIfMissing(Path file, FileAttribute<?>... attributes) throws IOException {
        try {
            Files.createFile(file, attributes);
        } catch (FileAlreadyExistsException e) {
            // there already: tightened by the caller
        }
        return file;
    }

    /** The folder and any parents it needs, created for their owner only. */
    static void createFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            if (posix(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            } else {
                Files.createDirectories(folder);
            }
        }
    }

    /**
     * The config folder: {@code CAVOS_HOME}, else the system's place for it ({@code ~/.config/cavos} on Linux, or under
     * {@code XDG_CONFIG_HOME}; Application Support on macOS; AppData on Windows). Reads nothing but the environment.
     */
    public static Path configFolder(java.util.Map<String, String> env) {
        String explicit = env.get("CAVOS_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Cavos");
        }
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming")).resolve("Cavos");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".config")).resolve("cavos");
    }

    /**
     * Makes an existing config folder and the files Cavos keeps in it private to their owner (0700 and 0600), for
     * folders and files that older versions, a copy or an unusual umask left looser. Done at start; a folder that is
     * missing stays missing, a shared folder such as /tmp (sticky) is left as it is, and what cannot be changed is
     * left as it was (the owner can still use it).
     */
    public static void tighten(Path home) {
        try {
            if (!Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS) || !posix(home)) {
                return;
            }
            if (!shared(home)) {
                Set<PosixFilePermission> now = Files.getPosixFilePermissions(home, LinkOption.NOFOLLOW_LINKS);
                if (!OWNER_FOLDER.containsAll(now)) {
                    Files.setPosixFilePermissions(home, OWNER_FOLDER);
                }
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(home)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (ours(name) || isOurTemporary(name)) {
                        tightenFile(file);
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // best effort: a folder or file that cannot be changed is still usable by its owner
        }
    }

    private static void tightenFile(Path file) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && posix(file)) {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_FILE.containsAll(now)) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        }
    }

    private static boolean ours(String name) {
        return OURS.contains(name) || SESSION_FILE.matcher(name).matches();
    }

    /** A temporary file {@link #writeAtomically} left behind in a crash: ".settings.json123.tmp". */
    private static boolean isOurTemporary(String name) {
        return name.startsWith(".") && name.endsWith(".tmp") && (OURS.stream().anyMatch(ours -> name.startsWith("." + ours))
                || name.startsWith(".session-") && name.contains(".enc"));
    }

    private static boolean shared(Path folder) {
        try {
            Object mode = Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return mode instanceof Integer bits && (bits & STICKY) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean posix(Path path) {
        try {
            Path existing = path.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return false;
        }
    }

    /** The contents of a file, if it is there. */
    static Optional<byte[]> readIfThere(Path file) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Puts a file back as it was: the same bytes, or no file. */
    static void putBack(Path file, Optional<byte[]> before) throws IOException {
        if (before.isPresent()) {
            writeAtomically(file, before.get());
        } else {
            Files.deleteIfExists(file);
        }
    }

    /** The largest settings or config file read: far above what the wallet writes, a few kilobytes. */
    static final int MAX_TEXT_BYTES = 1024 * 1024;

    /** A file of ours as UTF-8 text; one larger than {@link #MAX_TEXT_BYTES} is refused unread. */
    static String readText(Path file) throws IOException {
        if (Files.size(file) > MAX_TEXT_BYTES) {
            throw new TooLarge(file);
        }
        try (var in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1); // it may have grown since it was measured
            if (bytes.length > MAX_TEXT_BYTES) {
                throw new TooLarge(file);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * The JSON object the wallet keeps in {@code file}, handed to {@code parse}; empty when there is no file. A file
     * that cannot be read, is not a JSON object, or that {@code parse} cannot make sense of (any runtime failure)
     * is a {@link StoreException} naming the file, {@code holds} (what it should hold) and {@code fix}.
     */
    static <T> Optional<T> readObject(Path file, String holds, String fix,
            Function<JsonNode, T> parse) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = readText(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not read " + file + " (" + why(e) + ").",
                    "Check that the file is yours and readable.");
        }
        JsonNode root;
        try {
            root = Json.read(text);
        } catch (JsonProcessingException e) {
            throw damaged(file, "it is not JSON", fix);
        }
        if (root == null || !root.isObject()) {
            throw damaged(file, "it is not a JSON object", fix);
        }
        try {
            return Optional.of(parse.apply(root));
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(file, "it does not hold the " + holds + " Cavos Desktop writes", fix);
        }
    }

    private static StoreException damaged(Path file, String why, String fix) {
        return new StoreException(StoreException.Reason.IO, file + " is damaged: " + why + ".", fix);
    }

    /** A file far larger than the wallet ever writes it. */
    static final class TooLarge extends IOException {
        TooLarge(Path file) {
            super(file + " is larger than " + MAX_TEXT_BYTES / 1024 + " KB");
        }
    }

    /** What went wrong with a file, in plain words for a message (never an exception's class name). */
    static String why(IOException e) {
        return switch (e) {
            case TooLarge large -> "it is larger than " + MAX_TEXT_BYTES / 1024 + " KB, far more than the wallet writes: it is damaged"
                    + " or not the wallet's";
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "a file or folder is missing";
            case DirectoryNotEmptyException notEmpty -> "a folder is in the way";
            case NotDirectoryException notFolder -> "a file is in the way of a folder";
            case FileAlreadyExistsException exists -> "a file is in the way";
            case FileSystemException other when other.getReason() != null && !other.getReason().isBlank() -> plain(other.getReason());
            default -> "the file system refused";
        };
    }

    /** "Is a directory" → "is a folder"; the operating system's own words otherwise, lower-cased. */
    private static String plain(String reason) {
        String words = reason.strip();
        if (words.equalsIgnoreCase("Is a directory")) {
            return "a folder is in the way";
        }
        return words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1);
    }
}
