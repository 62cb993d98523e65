package xyz.cavos.wallet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.testing.SecretScan;
import xyz.cavos.wallet.wallet.SessionStorage;
import xyz.cavos.wallet.wallet.StoredSession;
import xyz.cavos.wallet.wallet.WalletError;

/**
 * Sessions side by side in encrypted files (no keychain needed): each under its name in a file of its own, one of them
 * current; an old single-session settings.json read as the session "default"; a name that holds another session is
 * never replaced unless asked; removing one leaves the others.
 */
class NamedSessionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSPHRASE = "a passphrase";

    @TempDir
    Path home;

    private SessionStore store() {
        return SessionStore.open(home, Optional.of(SessionStore.Kind.ENCRYPTED_FILE), PASSPHRASE::toCharArray);
    }

    private SessionStorage storage() {
        return SessionStorage.open(home, Optional.of("encrypted-file"), PASSPHRASE::toCharArray);
    }

    private JsonNode settingsJson() throws Exception {
        return JSON.readTree(home.resolve("settings.json").toFile());
    }

    private static List<String> names(SessionStorage storage) {
        return storage.sessions().stream().map(StoredSession::name).toList();
    }

    @Test
    void anOldSettingsFileIsReadAsTheSessionDefaultAndWrittenInTheNewShapeOnTheNextChange() throws Exception {
        SessionToken old = SessionStoreIT.token(Felt.of(0x1a2b3c4d));
        Felt renewedFrom = Felt.of(0x77);
        new EncryptedFileVault(home.resolve("session.enc"), PASSPHRASE::toCharArray).write(old.encode());
        String before = """
                {
                  "store" : "encrypted-file",
                  "network" : "sepolia",
                  "rpcUrl" : "http://127.0.0.1:5050/rpc/v0_10",
                  "walletAddress" : "%s",
                  "sessionPublicKey" : "%s",
                  "callsMade" : { "%s" : 4 },
                  "revokedKeys" : [ "0x99" ],
                  "renewals" : { "%s" : "%s" }
                }
                """.formatted(old.walletAddress().toHex(), old.sessionPublicKey().toHex(), old.sessionPublicKey().toHex(),
                renewedFrom.toHex(), old.sessionPublicKey().toHex());
        Files.writeString(home.resolve("settings.json"), before);

        SessionStorage storage = SessionStorage.open(home, Optional.empty(), PASSPHRASE::toCharArray);
        List<StoredSession> sessions = storage.sessions();
        assertEquals(1, sessions.size(), sessions.toString());
        StoredSession migrated = sessions.getFirst();
        assertEquals("default", migrated.name());
        assertEquals(old.walletAddress(), migrated.walletAddress());
        assertEquals(Optional.of("sepolia"), migrated.network());
        assertEquals(Optional.of("http://127.0.0.1:5050/rpc/v0_10"), migrated.rpcUrl());
        assertEquals("encrypted-file", migrated.kind());
        assertTrue(migrated.current());
        assertEquals(Optional.of("default"), storage.current());
        assertTrue(storage.load().orElseThrow().sameSession(old), "its token is read where it was kept");
        assertEquals(before, Files.readString(home.resolve("settings.json")), "reading changes nothing");

        SessionToken other = SessionStoreIT.token(Felt.of(0x5e5e));
        storage.save("bot", other, Optional.of("sandbox"), Optional.empty(), false);
        JsonNode after = settingsJson();
        assertEquals("bot", after.path("current").asText());
        assertEquals(List.of("bot", "default"), names(storage));
        assertEquals(old.sessionPublicKey().toHex(), after.at("/sessions/default/sessionPublicKey").asText());
        assertEquals("sepolia", after.at("/sessions/default/network").asText());
        assertFalse(after.has("walletAddress"), "the one-session fields are gone: " + after);
        assertEquals(4, after.at("/callsMade/" + old.sessionPublicKey().toHex()).asInt(), "what the sessions share is kept");
        assertEquals("0x99", after.at("/revokedKeys/0").asText());
        assertEquals(old.sessionPublicKey().toHex(), after.at("/renewals/" + renewedFrom.toHex()).asText());

        assertTrue(Files.isRegularFile(home.resolve("session.enc")), "default stays in session.enc");
        assertTrue(Files.isRegularFile(home.resolve("session-bot.enc")), "bot has a file of its own");
        assertTrue(storage.load("default").orElseThrow().sameSession(old));
        assertTrue(storage.load("bot").orElseThrow().sameSession(other));
        SecretScan.assertKeyInNoFile(home, old);
        SecretScan.assertKeyInNoFile(home, other);
    }

    @Test
    void aNameThatHoldsAnotherSessionIsRefusedUnlessReplacingIsAsked() throws Exception {
        SessionStorage storage = storage();
        SessionToken first = SessionStoreIT.token(Felt.of(0x1111));
        SessionToken second = SessionStoreIT.token(Felt.of(0x2222));
        storage.save("work", first, Optional.of("sepolia"), Optional.empty(), false);
        byte[] settings = Files.readAllBytes(home.resolve("settings.json"));
        byte[] secret = Files.readAllBytes(home.resolve("session.enc"));

        WalletError refused = assertThrows(WalletError.class,
                () -> storage.save("WORK", second, Optional.of("mainnet"), Optional.empty(), false));
        assertEquals(WalletError.Code.SESSION_EXISTS, refused.code());
        assertTrue(refused.code().isBadInput(), "the command line exits 2");
        assertEquals("The name work holds another session (wallet 0x1111, session key " + first.sessionPublicKey().toHex() + ").",
                refused.getMessage());
        assertEquals("Import it under another name, or replace that session on purpose.", refused.advice());
        StoreTexts.assertPlain(refused.getMessage());
        assertArrayEquals(settings, Files.readAllBytes(home.resolve("settings.json")), "the settings are as they were");
        assertArrayEquals(secret, Files.readAllBytes(home.resolve("session.enc")), "the secret is as it was");
        SecretScan.assertKeyInNoFile(home, second);

        storage.save("work", first, Optional.of("sepolia"), Optional.empty(), false); // the same session again: fine
        assertEquals(List.of("work"), names(storage));

        StoredSession replaced = storage.save("Work", second, Optional.of("mainnet"), Optional.empty(), true);
        assertEquals("work", replaced.name(), "the name keeps the case it was given first");
        assertTrue(storage.load("work").orElseThrow().sameSession(second));
        assertEquals(Optional.of("mainnet"), storage.sessions().getFirst().network());
    }

    @Test
    void anImportWithoutANameNeverReplacesTheCurrentSession() {
        SessionStorage storage = storage();
        SessionToken first = SessionStoreIT.token(Felt.of(0x4a1b2c3d4eL));
        SessionToken second = SessionStoreIT.token(Felt.of(0x4a1b2c3d4eL));
        StoredSession one = storage.save(first, Optional.of("sepolia"), Optional.empty());
        assertEquals("sepolia-4a1b2c", one.name());
        assertEquals("sepolia-4a1b2c", storage.save(first, Optional.of("sepolia"), Optional.empty()).name(), "imported again: the same");

        StoredSession two = storage.save(second, Optional.of("sepolia"), Optional.empty());
        assertEquals("sepolia-4a1b2c-2", two.name(), "same wallet, another key: a name of its own");
        assertEquals(Optional.of("sepolia-4a1b2c-2"), storage.current(), "the new import is current");
        assertTrue(storage.load("sepolia-4a1b2c").orElseThrow().sameSession(first), "the first is kept");
        assertTrue(storage.load().orElseThrow().sameSession(second));
        assertEquals("sepolia-4a1b2c", storage.suggestName(first), "a stored session's name is its own");
        assertEquals("wallet-99", storage.suggestName(SessionStoreIT.token(Felt.of(0x99))), "no network known");
    }

    @Test
    void removingASessionLeavesTheOthersAndMovesCurrentToOneThatRemains() throws Exception {
        SessionStorage storage = storage();
        SessionToken a = SessionStoreIT.token(Felt.of(0xa));
        SessionToken b = SessionStoreIT.token(Felt.of(0xb));
        SessionToken c = SessionStoreIT.token(Felt.of(0xc));
        storage.save("alpha", a, Optional.of("sandbox"), Optional.empty(), false);
        storage.save("beta", b, Optional.of("sandbox"), Optional.empty(), false);
        storage.save("gamma", c, Optional.of("sandbox"), Optional.empty(), false);
        assertEquals(Optional.of("gamma"), storage.current());
        assertTrue(Files.exists(home.resolve("session.enc")) && Files.exists(home.resolve("session-beta.enc"))
                && Files.exists(home.resolve("session-gamma.enc")), "the first in session.enc, the others in files of their names");

        SessionStorage.Cleared alpha = storage.remove("ALPHA");
        assertEquals(Optional.of("alpha"), alpha.session());
        assertEquals(List.of("the encrypted file " + home.resolve("session.enc")), alpha.removed());
        assertEquals(Optional.of("gamma"), alpha.current(), "removing another session leaves the current one");
        assertEquals(List.of("beta", "gamma"), names(storage));
        assertFalse(Files.exists(home.resolve("session.enc")));

        SessionStorage.Cleared gamma = storage.remove("gamma");
        assertEquals(Optional.of("beta"), gamma.current(), "the current session removed: one that remains is current");
        assertEquals(Optional.of("beta"), storage.current());
        assertTrue(storage.load().orElseThrow().sameSession(b));
        assertFalse(Files.exists(home.resolve("session-gamma.enc")));

        SessionToken d = SessionStoreIT.token(Felt.of(0xd));
        storage.save("delta", d, Optional.empty(), Optional.empty(), false);
        assertTrue(Files.exists(home.resolve("session.enc")), "the first place, free again, is used");

        storage.remove("delta");
        SessionStorage.Cleared last = storage.clear();
        assertEquals(Optional.of("beta"), last.session());
        assertEquals(Optional.empty(), last.current());
        assertFalse(storage.hasImported());
        assertEquals(Optional.empty(), storage.load());
        assertEquals(List.of(), storage.sessions());

        WalletError none = assertThrows(WalletError.class, () -> storage.remove("beta"));
        assertEquals(WalletError.Code.NO_SESSION, none.code());
        assertEquals("No session named beta is stored here.", none.getMessage());
        assertEquals("No session is stored here yet: import one first.", none.advice());
    }

    @Test
    void sessionNamesFollowOneRuleAndAreMatchedIgnoringCase() {
        for (String good : List.of("a", "work", "Bot_2", "sepolia-4a1b2c", "x".repeat(32))) {
            assertEquals(good, SessionStore.checkName(good));
        }
        Map<String, String> bad = Map.of(
                "", "An empty name cannot name a session: a session name is 1 to 32 letters, digits, - or _.",
                "my wallet", "\"my wallet\" cannot name a session: a session name is 1 to 32 letters, digits, - or _.",
                "../x", "\"../x\" cannot name a session: a session name is 1 to 32 letters, digits, - or _.",
                "café", "\"caf?\" cannot name a session: a session name is 1 to 32 letters, digits, - or _.",
                "x".repeat(33), "A name of 33 characters cannot name a session: a session name is 1 to 32 letters, digits, - or _.");
        SessionStorage storage = storage();
        SessionToken token = SessionStoreIT.token(Felt.of(0x33));
        bad.forEach((name, message) -> {
            StoreException e = assertThrows(StoreException.class, () -> SessionStore.checkName(name));
            assertEquals(message, e.getMessage());
            StoreTexts.assertPlain(e);
            WalletError refused = assertThrows(WalletError.class, () -> storage.save(name, token, Optional.empty(), Optional.empty(), false));
            assertEquals(WalletError.Code.INVALID_ARGUMENT, refused.code());
        });
        assertFalse(Files.exists(home.resolve("settings.json")), "nothing was stored");

        storage.save("Work", token, Optional.empty(), Optional.empty(), false);
        storage.save("other", SessionStoreIT.token(Felt.of(0x34)), Optional.empty(), Optional.empty(), false);
        storage.use("WORK");
        assertEquals(Optional.of("Work"), storage.current());
        WalletError unknown = assertThrows(WalletError.class, () -> storage.use("nope"));
        assertEquals("No session named nope is stored here.", unknown.getMessage());
        assertEquals("The sessions stored here are: other, Work.", unknown.advice());
    }

    @Test
    void aStoreOpenedForOneSessionReadsAndClearsThatOne() throws Exception {
        SessionStorage storage = storage();
        SessionToken a = SessionStoreIT.token(Felt.of(0xaa));
        SessionToken b = SessionStoreIT.token(Felt.of(0xbb));
        storage.save("a", a, Optional.of("sandbox"), Optional.of("http://127.0.0.1:5050/rpc/v0_10"), false);
        storage.save("b", b, Optional.of("sepolia"), Optional.empty(), false);

        SessionStore pinned = SessionStore.open(home, Optional.empty(), Optional.of("A"), PASSPHRASE::toCharArray);
        assertTrue(pinned.load().orElseThrow().sameSession(a));
        assertEquals(Optional.of("sandbox"), pinned.settings().network(), "the wallet's settings are those of the session in use");
        assertEquals(Optional.of(a.sessionPublicKey()), pinned.settings().sessionPublicKey());
        assertEquals(Optional.of("b"), pinned.current(), "the current session stays");

        storage.updateRpcUrl("a", Optional.of("http://127.0.0.1:6060/rpc/v0_10"));
        assertEquals(Optional.of("http://127.0.0.1:6060/rpc/v0_10"), pinned.settings().rpcUrl());
        assertTrue(pinned.load().orElseThrow().sameSession(a), "its secret is untouched");

        SessionStore.Cleared cleared = pinned.clear();
        assertEquals(Optional.of("a"), cleared.session());
        assertEquals(List.of("b"), storage.sessions().stream().map(StoredSession::name).toList());
        assertTrue(storage.load().orElseThrow().sameSession(b));
    }
}
