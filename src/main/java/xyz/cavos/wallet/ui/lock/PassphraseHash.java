package xyz.cavos.wallet.ui.lock;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * What the app keeps of its passphrase: never the passphrase, only an Argon2id hash of it with its random salt
 * and the parameters it was made with (64 MiB, 3 passes, 1 lane). A passphrase is checked by hashing it again
 * with those and comparing in constant time.
 * <p>
 * The parameters and the salt come back from a settings file that may have been changed by anyone: each is checked
 * against the same bounds as the encrypted session file's before it is used, so a damaged file is refused with a
 * message that says what is wrong instead of running for hours or exhausting memory.
 */
public final class PassphraseHash {

    /** The key derivation function, as the settings file names it. */
    public static final String KDF = "argon2id";
    static final int MEMORY_KIB = 65_536;
    static final int ITERATIONS = 3;
    static final int PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    /** Bounds on what a settings file may ask for: what this app writes, with room for a stronger setting later. */
    static final int MIN_MEMORY_KIB = 8 * 1024;
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 10;
    static final int MAX_PARALLELISM = 16;
    static final int MAX_SALT_BYTES = 64;
    static final int MAX_HASH_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final byte[] salt;
    private final byte[] hash;

    private PassphraseHash(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /**
     * Hashes a new passphrase with a fresh random salt; slow on purpose (a few tenths of a second, 64 MiB), so
     * called off the UI thread. The passphrase itself is not kept.
     */
    public static PassphraseHash of(char[] passphrase) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("An empty passphrase locks nothing.");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PassphraseHash(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, derive(passphrase, salt, MEMORY_KIB, ITERATIONS, PARALLELISM,
                HASH_BYTES));
    }

    /**
     * A hash read back from the settings, each part checked against its bounds first.
     *
     * @throws IllegalArgumentException saying which part is out of bounds, in words for a message
     */
    public static PassphraseHash restore(String kdf, int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
        if (!KDF.equals(kdf)) {
            throw new IllegalArgumentException("its kdf is " + (kdf == null ? "missing" : "\"" + shortened(kdf) + "\"")
                    + ", where Cavos Desktop writes " + KDF);
        }
        within("memoryKiB", memoryKiB, MIN_MEMORY_KIB, MAX_MEMORY_KIB);
        within("iterations", iterations, 1, MAX_ITERATIONS);
        within("parallelism", parallelism, 1, MAX_PARALLELISM);
        within("salt", salt.length, SALT_BYTES, MAX_SALT_BYTES, "bytes");
        within("hash", hash.length, HASH_BYTES, MAX_HASH_BYTES, "bytes");
        return new PassphraseHash(memoryKiB, iterations, parallelism, salt, hash);
    }

    private static void within(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("its " + field + " is " + value + ", where Cavos Desktop writes a whole number from "
                    + min + " to " + max);
        }
    }

    private static void within(String field, int length, int min, int max, String unit) {
        if (length < min || length > max) {
            throw new IllegalArgumentException("its " + field + " has " + length + " " + unit + ", where Cavos Desktop writes "
                    + min + " to " + max);
        }
    }

    private static String shortened(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }

    /**
     * Whether {@code passphrase} is the one this hash was made from: hashed again with the same salt and parameters,
     * compared in constant time. Slow on purpose; called off the UI thread.
     */
    public boolean matches(char[] passphrase) {
        byte[] again = derive(passphrase, salt, memoryKiB, iterations, parallelism, hash.length);
        try {
            return MessageDigest.isEqual(again, hash);
        } finally {
            Arrays.fill(again, (byte) 0);
        }
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
            argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
            byte[] out = new byte[length];
            argon2.generateBytes(bytes, out);
            return out;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    public int memoryKiB() {
        return memoryKiB;
    }

    public int iterations() {
        return iterations;
    }

    public int parallelism() {
        return parallelism;
    }

    public byte[] salt() {
        return salt.clone();
    }

    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PassphraseHash that && memoryKiB == that.memoryKiB && iterations == that.iterations
                && parallelism == that.parallelism && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    /** The parameters only: the salt and the hash stay out of logs and messages. */
    @Override
    public String toString() {
        return "PassphraseHash[argon2id, " + memoryKiB + " KiB, " + iterations + " passes, " + parallelism + " lanes]";
    }
}
