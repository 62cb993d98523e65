package xyz.cavos.wallet.store;

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

}
