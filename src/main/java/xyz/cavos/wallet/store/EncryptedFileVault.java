package xyz.cavos.wallet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import xyz.cavos.wallet.starknet.Json;

/**
 * An opt-in file for machines without a keychain: the token encrypted with AES-256-GCM under a key
 * derived from a passphrase with Argon2id (64 MiB, 3 passes). Never a plaintext fallback.
 * <p>
 * The file says how its key was derived, and the file may come from anywhere: its size, the key derivation's
 * cost and the lengths of its parts are checked against bounds before any of them is used, so a damaged or
 * hostile file is refused at once instead of exhausting memory or running for hours.
 */
final class EncryptedFileVault implements SecretVault {

    private static final int MEMORY_KIB = 65_536;
    private static final int ITERATIONS = 3;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BYTES = 16;

    /** Bounds on what a file may ask for: what this app writes, with room for a stronger setting later. */
    static final int MIN_MEMORY_KIB = 8 * 1024;
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 10;
    static final int MAX_PARALLELISM = 16;
    private static final int MAX_SALT_BYTES = 64;
    /** A token is at most 64 KiB of text (TokenText), sealed it grows by the tag; Base64 and JSON add a third and a little. */
    private static final int MAX_SEALED_BYTES = 64 * 1024 + TAG_BYTES;
    static final long MAX_FILE_BYTES = 128 * 1024;

    private final Path file;
    private final Supplier<char[]> passphrase;
    private final SecureRandom random = new SecureRandom();

    EncryptedFileVault(Path file, Supplier<char[]> passphrase) {
        this.file = file;
        this.passphrase = passphrase;
    }

    @Override
    public String kind() {
        return "encrypted-file";
    }

    @Override
    public String place() {
        return "the encrypted file " + file;
    }

    @Override
    public Optional<String> read() {
        Sealed sealed = readSealed().orElse(null);
        if (sealed == null) {
            return Optional.empty();
        }
        byte[] key = deriveKey(sealed.salt(), sealed.memoryKiB(), sealed.iterations(), sealed.parallelism());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, sealed.nonce()));
            return Optional.of(new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new StoreException(StoreException.Reason.WRONG_PASSPHRASE,
                    "The passphrase does not open " + file + ".", "Try again with the passphrase you chose at import.");
        } catch (GeneralSecurityException e) {
            throw damaged("it cannot be decrypted with AES-256-GCM");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The file's parts, each checked against its bounds; empty: no file. */
    private Optional<Sealed> readSealed() {
        JsonNode root;
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                throw damaged("it is not a file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw damaged("it is " + Files.size(file) + " bytes long, more than a session file ever is");
            }
            root = Json.read(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw damaged("it is not JSON");
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not read the encrypted session file " + file + " ("
                    + PrivateFiles.why(e) + ").", "Check that the file is yours and readable.");
        }
        if (root == null || !root.isObject()) {
            throw damaged("it is not a JSON object");
        }
        if (root.path("format").asInt(-1) != 1 || !root.path("kdf").asText().equals("argon2id")
                || !root.path("cipher").asText().equals("AES-256-GCM")) {
            throw damaged("its format, kdf or cipher is not format 1, argon2id and AES-256-GCM");
        }
        return Optional.of(new Sealed(
                number(root, "memoryKiB", MIN_MEMORY_KIB, MAX_MEMORY_KIB),
                number(root, "iterations", 1, MAX_ITERATIONS),
                number(root, "parallelism", 1, MAX_PARALLELISM),
                bytes(root, "salt", SALT_BYTES, MAX_SALT_BYTES),
                bytes(root, "nonce", NONCE_BYTES, NONCE_BYTES),
                bytes(root, "ciphertext", TAG_BYTES + 1, MAX_SEALED_BYTES)));
    }

    private record Sealed(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] nonce, byte[] ciphertext) {
    }

    private int number(JsonNode root, String field, int min, int max) {
        JsonNode value = root.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw damaged("its " + field + " is " + (value == null ? "missing" : shortened(Json.write(value)))
                    + ", where Cavos Desktop writes a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }

    private byte[] bytes(JsonNode root, String field, int min, int max) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.textValue().length() > (max + 2) / 3 * 4) {
            throw damaged("its " + field + " is " + (value == null ? "missing" : "not Base64 of " + min + " to " + max + " bytes"));
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw damaged("its " + field + " is not Base64");
        }
        if (decoded.length < min || decoded.length > max) {
            throw damaged("its " + field + " has " + decoded.length + " bytes, where Cavos Desktop writes "
                    + (min == max ? String.valueOf(min) : min + " to " + max));
        }
        return decoded;
    }

    private static String shortened(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }

    private StoreException damaged(String why) {
        return new StoreException(StoreException.Reason.IO, "The encrypted session file " + file
                + " is damaged or was not written by Cavos Desktop: " + why + ".",
                "Delete the file (or clear the session), then import the session again.");
    }

    @Override
    public void write(String secret) {
        prepareWrite(secret).run();
    }

    /** Asks for the passphrase, derives the key and encrypts now; the step returned only replaces the file. */
    @Override
    public Runnable prepareWrite(String secret) {
        byte[] content = seal(secret);
        return () -> {
            try {
                PrivateFiles.writeAtomically(file, content);
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.IO, "Could not write the encrypted session file " + file + " ("
                        + PrivateFiles.why(e) + ").", "Check that the folder is yours and writable.");
            }
        };
    }

    private byte[] seal(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] key = deriveKey(salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            ObjectNode root = Json.object();
            root.put("format", 1);
            root.put("kdf", "argon2id");
            root.put("memoryKiB", MEMORY_KIB);
            root.put("iterations", ITERATIONS);
            root.put("parallelism", PARALLELISM);
            root.put("cipher", "AES-256-GCM");
            root.put("salt", Base64.getEncoder().encodeToString(salt));
            root.put("nonce", Base64.getEncoder().encodeToString(nonce));
            root.put("ciphertext", Base64.getEncoder().encodeToString(sealed));
            return Json.prettyBytes(root);
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreException.Reason.IO, "This Java runtime cannot encrypt with AES-256-GCM, so the session"
                    + " file was not written.", "Use the Cavos Desktop installer's own runtime, or keep the session in the keychain.");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not delete " + file + " (" + PrivateFiles.why(e) + ").",
                    "Delete the file by hand.");
        }
    }

    private byte[] deriveKey(byte[] salt, int memoryKiB, int iterations, int parallelism) {
        char[] secret = passphrase.get();
        try {
            Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
            argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
            byte[] key = new byte[32];
            argon2.generateBytes(secret, key);
            return key;
        } catch (OutOfMemoryError e) {
            throw new StoreException(StoreException.Reason.IO, "Not enough memory to open the encrypted session file " + file
                    + " (its key derivation asks for " + memoryKiB / 1024 + " MiB).", "Close other programs and try again.");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
