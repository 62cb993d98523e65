package xyz.cavos.wallet.store;

import java.util.Optional;

/** Where the session token (the secret) is kept. */
interface SecretVault {

    Optional<String> read();

    void write(String secret);

    void delete();

    /** A short name for settings and messages: "keychain" or "encrypted-file". */
    String kind();

    /** Lets go of the connection to the keychain, if any (its D-Bus threads would keep the app alive). */
    default void close() {
    }
}
