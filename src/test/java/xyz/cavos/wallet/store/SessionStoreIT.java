package xyz.cavos.wallet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import xyz.cavos.wallet.testing.SecretScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.StarkCurve;

/**
 * The session store against the real OS keychain (gnome-keyring's Secret Service in CI). Where no
 * keychain runs, the keychain tests are skipped with a message; in CI (CI=true) that is a failure.
 */
class SessionStoreIT {

    @TempDir
    Path home;

    static SessionToken token(Felt wallet) {
        return SessionToken.builder(StarkCurve.randomPrivateKey(new SecureRandom()), wallet)
                .validity(1_770_000_000L, 1_770_086_400L, 1_770_259_200L)
                .randomness(Felt.of(new BigInteger(200, new SecureRandom()))).build();
    }

    private SessionStore keychain() {
        SecretScan.requireKeychain(home);
        return SessionStore.open(home, Optional.of(SessionStore.Kind.KEYCHAIN), () -> new char[0]);
    }

    @Test
    void importReadBackReplaceAndClearInTheKeychain() throws Exception {
        SessionStore store = keychain();
        SessionToken first = token(Felt.of(1111));
        store.save(first, Optional.of("sandbox"), Optional.of("http://127.0.0.1:5050/rpc/v0_10"));

        SessionStore reopened = SessionStore.open(home, Optional.empty(), () -> new char[0]);
        assertEquals("keychain", reopened.kind());
        assertTrue(reopened.load().orElseThrow().sameSession(first));
        assertEquals(Optional.of("sandbox"), reopened.settings().network());
        assertEquals(Optional.of(first.sessionPublicKey()), reopened.settings().sessionPublicKey());

        SessionToken second = token(Felt.of(2222));
        reopened.save(second, Optional.empty(), Optional.empty());
        assertTrue(reopened.load().orElseThrow().sameSession(second));

        reopened.addCalls(second.sessionPublicKey(), 3);
        reopened.addCalls(second.sessionPublicKey(), 2);
        assertEquals(5, reopened.settings().callsMade(second.sessionPublicKey()));

        SecretScan.assertKeyInNoFile(home, second);
        reopened.clear();
        assertTrue(reopened.load().isEmpty());
        assertTrue(reopened.settings().walletAddress().isEmpty());
    }

    @Test
    void twoConfigFoldersKeepSeparateKeychainEntries(@TempDir Path otherHome) {
        SessionStore store = keychain();
        SessionStore other = SessionStore.open(otherHome, Optional.of(SessionStore.Kind.KEYCHAIN), () -> new char[0]);
        SessionToken mine = token(Felt.of(3333));
        SessionToken theirs = token(Felt.of(4444));
        store.save(mine, Optional.empty(), Optional.empty());
        other.save(theirs, Optional.empty(), Optional.empty());
        assertTrue(store.load().orElseThrow().sameSession(mine));
        assertTrue(other.load().orElseThrow().sameSession(theirs));
        store.clear();
        other.clear();
    }

    @Test
    void anEncryptedFileNeedsTheRightPassphrase() throws Exception {
        SessionStore store = SessionStore.open(home, Optional.of(SessionStore.Kind.ENCRYPTED_FILE), "correct horse"::toCharArray);
        SessionToken token = token(Felt.of(5555));
        store.save(token, Optional.empty(), Optional.empty());
        assertTrue(Files.isRegularFile(home.resolve("session.enc")));
        SecretScan.assertKeyInNoFile(home, token);

        assertTrue(SessionStore.open(home, Optional.empty(), "correct horse"::toCharArray).load().orElseThrow().sameSession(token),
                "the settings remember the encrypted file");
        var wrong = assertThrows(StoreException.class,
                () -> SessionStore.open(home, Optional.empty(), "wrong"::toCharArray).load());
        assertEquals(StoreException.Reason.WRONG_PASSPHRASE, wrong.reason());
        assertFalse(wrong.getMessage().contains("correct horse"));
    }


    private SessionStore encryptedFile() {
        return SessionStore.open(home, Optional.of(SessionStore.Kind.ENCRYPTED_FILE), "a passphrase"::toCharArray);
    }

    private Optional<String> inKeychain() {
        KeychainVault vault = new KeychainVault(SessionStore.keychainAccount(home));
        try {
            return vault.read();
        } finally {
            vault.close();
        }
    }

    /** The settings cannot be written (the folder's lock file cannot be opened: this fails for root too). */
    private void blockTheSettings() throws Exception {
        Files.deleteIfExists(home.resolve(".settings.lock"));
        Files.createDirectories(home.resolve(".settings.lock").resolve("in-the-way"));
    }

    private void unblock(String name) throws Exception {
        Files.delete(home.resolve(name).resolve("in-the-way"));
        Files.delete(home.resolve(name));
    }

    /** A failed import leaves the keychain's secret and settings.json describing the same, previous session. */
    @Test
    void aFailedImportKeepsThePreviousSessionInTheKeychain() throws Exception {
        SessionStore store = keychain();
        SessionToken previous = token(Felt.of(8101));
        store.save(previous, Optional.of("sepolia"), Optional.empty());
        byte[] settings = Files.readAllBytes(home.resolve("settings.json"));
        blockTheSettings();

        StoreException failed = assertThrows(StoreException.class, () -> store.save(token(Felt.of(8102)), Optional.empty(), Optional.empty()));
        assertTrue(store.load().orElseThrow().sameSession(previous), "the previous secret is still in the keychain");
        assertArrayEquals(settings, Files.readAllBytes(home.resolve("settings.json")), "and its settings as they were");
        StoreTexts.assertPlain(failed);
        unblock(".settings.lock");
        store.clear();
    }

    /** A failed import into the encrypted file leaves no secret there, no file that nothing points to. */
    @Test
    void aFailedImportIntoTheOtherStoreLeavesNoCopyThere() throws Exception {
        SessionStore store = keychain();
        SessionToken previous = token(Felt.of(8201));
        store.save(previous, Optional.of("sepolia"), Optional.empty());
        byte[] settings = Files.readAllBytes(home.resolve("settings.json"));
        blockTheSettings();

        SessionToken next = token(Felt.of(8202));
        assertThrows(StoreException.class, () -> encryptedFile().save(next, Optional.empty(), Optional.empty()));
        assertFalse(Files.exists(home.resolve("session.enc")), "no encrypted copy of the new session");
        assertTrue(inKeychain().map(SessionToken::decode).orElseThrow().sameSession(previous), "the previous secret is kept");
        assertArrayEquals(settings, Files.readAllBytes(home.resolve("settings.json")));
        SecretScan.assertKeyInNoFile(home, next);
        unblock(".settings.lock");
        store.clear();
    }

    /**
     * The secret cannot be written after the settings and the session's keyed endpoint were (a folder is where the
     * encrypted file of the session it replaces goes): the settings, config.json and the keychain are put back as they were; the endpoint does
     * not stay first in the network's list, nor its URL in the keychain.
     */
    @Test
    void aSecretThatCannotBeWrittenPutsTheSettingsAndTheEndpointBack() throws Exception {
        SessionStore store = keychain();
        SessionToken previous = token(Felt.of(8301));
        store.save(previous, Optional.of("sepolia"), Optional.empty());
        byte[] settings = Files.readAllBytes(home.resolve("settings.json"));
        Files.createDirectories(home.resolve("session.enc").resolve("in-the-way"));

        java.net.URI keyed = java.net.URI.create("https://rpc.example.com/starknet/v0_10/a-secret-api-key");
        var storage = xyz.cavos.wallet.wallet.SessionStorage.open(home, Optional.of("encrypted-file"), "a passphrase"::toCharArray);
        var failed = assertThrows(xyz.cavos.wallet.wallet.WalletError.class,
                () -> storage.save(SessionStore.DEFAULT_NAME, token(Felt.of(8302)), Optional.of("sepolia"), Optional.of(keyed.toString()),
                        true));
        assertArrayEquals(settings, Files.readAllBytes(home.resolve("settings.json")), "the settings are as they were");
        assertFalse(Files.exists(home.resolve("config.json")), "no endpoint list was left behind");
        KeychainVault endpoint = new KeychainVault(NetworkConfig.keychainAccount(home, "sepolia", keyed));
        try {
            assertFalse(endpoint.read().isPresent(), "the endpoint's URL is not left in the keychain");
        } finally {
            endpoint.close();
        }
        assertTrue(store.load().orElseThrow().sameSession(previous));
        assertEquals("Could not write the encrypted session file " + home.resolve("session.enc") + " (a folder is in the way).",
                failed.getMessage());
        StoreTexts.assertPlain(failed.getMessage());
        unblock("session.enc");
        store.clear();
    }

    /** Clearing removes the secret from every store, not only the one in use: no copy stays in the other. */
    @Test
    void clearingRemovesTheSessionFromEveryStore() throws Exception {
        SessionStore store = keychain();
        SessionToken inFile = token(Felt.of(8401));
        encryptedFile().save(inFile, Optional.empty(), Optional.empty());
        SessionToken left = token(Felt.of(8402));
        KeychainVault earlier = new KeychainVault(SessionStore.keychainAccount(home));
        earlier.write(left.encode()); // as an import into the keychain before a change of store left it
        earlier.close();

        StoreTexts.Run cleared = StoreTexts.cavos(java.util.Map.of("CAVOS_HOME", home.toString()), "session", "clear");
        assertEquals(0, cleared.exit(), cleared.toString());
        assertTrue(cleared.out().contains("Session removed from this computer (the encrypted file " + home.resolve("session.enc")
                + " and the OS keychain)."), cleared.out());
        assertFalse(inKeychain().isPresent(), "nothing left in the keychain");
        assertFalse(Files.exists(home.resolve("session.enc")));

        // the other way round: the keychain in use, an encrypted file left from before
        store.save(token(Felt.of(8403)), Optional.empty(), Optional.empty());
        Files.writeString(home.resolve("session.enc"), "{}");
        SessionStore.Cleared again = store.clear();
        assertEquals(java.util.List.of("the OS keychain", "the encrypted file " + home.resolve("session.enc")), again.removed());
        assertFalse(Files.exists(home.resolve("session.enc")));
        assertFalse(inKeychain().isPresent(), "nothing left in the keychain");
        assertEquals(java.util.List.of(), store.clear().removed(), "nothing left to remove");
    }

    @Test
    void importingIntoTheOtherStoreRemovesThePreviousCopy() throws Exception {
        SessionStore store = keychain();
        store.save(token(Felt.of(8501)), Optional.empty(), Optional.empty());
        SessionToken next = token(Felt.of(8502));
        encryptedFile().save(next, Optional.empty(), Optional.empty());
        assertFalse(inKeychain().isPresent(), "the previous session's key is not left in the keychain");
        assertTrue(SessionStore.open(home, Optional.empty(), "a passphrase"::toCharArray).load().orElseThrow().sameSession(next));

        SessionToken back = token(Felt.of(8503));
        store.save(back, Optional.empty(), Optional.empty());
        assertFalse(Files.exists(home.resolve("session.enc")), "nor the encrypted file when going back to the keychain");
        assertTrue(store.load().orElseThrow().sameSession(back));
        store.clear();
    }

    private Optional<String> inKeychain(String account) {
        KeychainVault vault = new KeychainVault(account);
        try {
            return vault.read();
        } finally {
            vault.close();
        }
    }

    /** Two sessions side by side: two keychain entries, each read and removed on its own; no key in any file. */
    @Test
    void twoSessionsAreTwoKeychainEntries() throws Exception {
        SecretScan.requireKeychain(home);
        var storage = xyz.cavos.wallet.wallet.SessionStorage.open(home, Optional.of("keychain"), () -> new char[0]);
        SessionToken work = token(Felt.of(8601));
        SessionToken bot = token(Felt.of(8602));
        storage.save("work", work, Optional.of("sepolia"), Optional.empty(), false);
        storage.save("bot", bot, Optional.of("sandbox"), Optional.of("http://127.0.0.1:5050/rpc/v0_10"), false);

        String first = SessionStore.keychainAccount(home);
        assertTrue(inKeychain(first).map(SessionToken::decode).orElseThrow().sameSession(work), "the first in the folder's own entry");
        assertTrue(inKeychain(first + "-bot").map(SessionToken::decode).orElseThrow().sameSession(bot), "the second in one of its own");
        assertEquals(Optional.of("bot"), storage.current());
        assertTrue(storage.load("work").orElseThrow().sameSession(work));
        assertTrue(storage.load().orElseThrow().sameSession(bot));
        SecretScan.assertKeyInNoFile(home, work);
        SecretScan.assertKeyInNoFile(home, bot);

        var refused = assertThrows(xyz.cavos.wallet.wallet.WalletError.class,
                () -> storage.save("work", token(Felt.of(8603)), Optional.empty(), Optional.empty(), false));
        assertEquals(xyz.cavos.wallet.wallet.WalletError.Code.SESSION_EXISTS, refused.code());
        assertTrue(inKeychain(first).map(SessionToken::decode).orElseThrow().sameSession(work), "the keychain entry is untouched");

        var removed = storage.remove("bot");
        assertEquals(java.util.List.of("the OS keychain"), removed.removed());
        assertEquals(Optional.of("work"), removed.current());
        assertFalse(inKeychain(first + "-bot").isPresent(), "bot's entry is gone");
        assertTrue(inKeychain(first).isPresent(), "work's entry is kept");
        storage.clear();
        assertFalse(inKeychain(first).isPresent());
        storage.close();
    }

    /** A keychain session imported before sessions had names is the session "default", read from the same entry. */
    @Test
    void aSessionFromBeforeNamesIsReadFromItsKeychainEntry() throws Exception {
        SecretScan.requireKeychain(home);
        SessionToken old = token(Felt.of(8701));
        KeychainVault entry = new KeychainVault(SessionStore.keychainAccount(home));
        entry.write(old.encode());
        entry.close();
        Files.writeString(home.resolve("settings.json"), "{\"store\":\"keychain\",\"network\":\"sepolia\",\"walletAddress\":\""
                + old.walletAddress().toHex() + "\",\"sessionPublicKey\":\"" + old.sessionPublicKey().toHex()
                + "\",\"callsMade\":{},\"revokedKeys\":[],\"renewals\":{}}");

        StoreTexts.Run list = StoreTexts.cavos(java.util.Map.of("CAVOS_HOME", home.toString()), "session", "list");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains("*  default "), list.out());
        StoreTexts.Run export = StoreTexts.cavos(java.util.Map.of("CAVOS_HOME", home.toString()), "--session", "default", "session", "export");
        assertEquals(old.encode(), export.out().strip(), "the token is read from the entry it was kept in");

        SessionToken next = token(Felt.of(8702));
        var storage = xyz.cavos.wallet.wallet.SessionStorage.open(home, Optional.empty(), () -> new char[0]);
        storage.save("next", next, Optional.empty(), Optional.empty(), false);
        assertTrue(inKeychain(SessionStore.keychainAccount(home)).map(SessionToken::decode).orElseThrow().sameSession(old),
                "default keeps its entry");
        assertTrue(Files.readString(home.resolve("settings.json")).contains("\"sessions\""), "written in the new shape");
        storage.remove("default");
        storage.remove("next");
        assertFalse(inKeychain(SessionStore.keychainAccount(home)).isPresent());
        assertFalse(inKeychain(SessionStore.keychainAccount(home) + "-next").isPresent());
        storage.close();
    }
}
