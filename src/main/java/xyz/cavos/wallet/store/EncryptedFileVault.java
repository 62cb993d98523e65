package xyz.cavos.wallet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * An opt-in file for machines without a keychain: the token encrypted with AES-256-GCM under a key
 * derived from a passphrase with Argon2id (64 MiB, 3 passes). Never a plaintext fallback.
 */
final class EncryptedFileVault implements SecretVault {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MEMORY_KIB = 65_536;
    private static final int ITERATIONS = 3;
    private static final int PARALLELISM = 1;

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
    public Optional<String> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            byte[] salt = decode(root, "salt");
            byte[] nonce = decode(root, "nonce");
            byte[] sealed = decode(root, "ciphertext");
            byte[] key = deriveKey(salt, root.path("memoryKiB").asInt(MEMORY_KIB), root.path("iterations").asInt(ITERATIONS),
                    root.path("parallelism").asInt(PARALLELISM));
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
                return Optional.of(new String(cipher.doFinal(sealed), StandardCharsets.UTF_8));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (javax.crypto.AEADBadTagException e) {
            throw new StoreException(StoreException.Reason.WRONG_PASSPHRASE,
                    "The passphrase does not open " + file + ".", "Try again with the passphrase you chose at import.");
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not read the encrypted session file " + file + ": "
                    + e.getClass().getSimpleName() + ".", "Import the session again into the encrypted file.");
        }
    }

    @Override
    public void write(String secret) {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] key = deriveKey(salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            ObjectNode root = JSON.createObjectNode();
            root.put("format", 1);
            root.put("kdf", "argon2id");
            root.put("memoryKiB", MEMORY_KIB);
            root.put("iterations", ITERATIONS);
            root.put("parallelism", PARALLELISM);
            root.put("cipher", "AES-256-GCM");
            root.put("salt", Base64.getEncoder().encodeToString(salt));
            root.put("nonce", Base64.getEncoder().encodeToString(nonce));
            root.put("ciphertext", Base64.getEncoder().encodeToString(sealed));
            PrivateFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not write the encrypted session file " + file + ": "
                    + e.getClass().getSimpleName() + ".", "Check that the folder is writable, or set CAVOS_HOME to another folder.");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Could not delete " + file + ".", "Delete the file by hand.");
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
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static byte[] decode(JsonNode root, String field) {
        return Base64.getDecoder().decode(root.path(field).asText());
    }
}
