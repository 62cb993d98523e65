package xyz.cavos.wallet.store;

import java.util.Optional;

/** Where the session token (the secret) is kept. */
interface SecretVault {

    Optional<String> read();

    /** Replaces the secret, or leaves the one there as it was and throws. */
    void write(String secret);

    /**
     * Gets a write of {@code secret} ready without changing anything (an encrypted file asks for its passphrase and
     * encrypts here); the step returned does the write, as {@link #write} does.
     */
    default Runnable prepareWrite(String secret) {
        return () -> write(secret);
    }

    /** Removes the secret; whether there was one. */
    boolean delete();

    /** A short name for settings and messages: "keychain" or "encrypted-file". */
    String kind();

    /** Where the secret is, in words for people: "the OS keychain", "the encrypted file …". */
    String place();

    /** Lets go of the connection to the keychain, if any (its D-Bus threads would keep the app alive). */
    default void close() {
    }
}
