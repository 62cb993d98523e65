package xyz.cavos.wallet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Felt;

/**
 * The encrypted session file may come from anywhere: what it says about its key derivation and the lengths of its
 * parts are checked before use. A damaged or hostile file is refused at once with a plain message (not an
 * OutOfMemoryError, a hang or an IllegalStateException), and a file Cavos wrote still opens.
 */
class EncryptedFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough for the slowest machine to derive one key the app writes; a file asking for hours fails it. */
    private static final Duration AT_ONCE = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private SessionStore store() {
        return SessionStore.open(home, Optional.of(SessionStore.Kind.ENCRYPTED_FILE), "a passphrase"::toCharArray);
    }

    private SessionToken saved() {
        SessionToken token = SessionStoreIT.token(Felt.of(6161));
        store().save(token, Optional.empty(), Optional.empty());
        return token;
    }

    private void edit(Consumer<ObjectNode> change) throws Exception {
        Path file = home.resolve("session.enc");
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        change.accept(root);
        Files.write(file, JSON.writeValueAsBytes(root));
    }

    static Stream<Arguments> hostileFiles() {
        return Stream.of(
                Arguments.of("memoryKiB", (Consumer<ObjectNode>) root -> root.put("memoryKiB", Integer.MAX_VALUE)),
                Arguments.of("memoryKiB", (Consumer<ObjectNode>) root -> root.put("memoryKiB", 8)),
                Arguments.of("memoryKiB", (Consumer<ObjectNode>) root -> root.put("memoryKiB", "64 MiB")),
                Arguments.of("iterations", (Consumer<ObjectNode>) root -> root.put("iterations", Integer.MAX_VALUE)),
                Arguments.of("iterations", (Consumer<ObjectNode>) root -> root.put("iterations", 0)),
                Arguments.of("parallelism", (Consumer<ObjectNode>) root -> root.put("parallelism", 0)),
                Arguments.of("parallelism", (Consumer<ObjectNode>) root -> root.put("parallelism", 1_000_000)),
                Arguments.of("parallelism", (Consumer<ObjectNode>) root -> root.remove("parallelism")),
                Arguments.of("salt", (Consumer<ObjectNode>) root -> root.put("salt", "AAAA")),
                Arguments.of("salt", (Consumer<ObjectNode>) root -> root.put("salt", "not base64!")),
                Arguments.of("nonce", (Consumer<ObjectNode>) root -> root.put("nonce", "AAAAAAAAAAAAAAAAAAAAAA==")),
                Arguments.of("ciphertext", (Consumer<ObjectNode>) root -> root.put("ciphertext", "")),
                Arguments.of("ciphertext", (Consumer<ObjectNode>) root -> root.put("ciphertext", "A".repeat(120_000))),
                Arguments.of("kdf", (Consumer<ObjectNode>) root -> root.put("kdf", "scrypt")),
                Arguments.of("format", (Consumer<ObjectNode>) root -> root.put("format", 2)));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("hostileFiles")
    void aFileAskingForTheImpossibleIsRefusedAtOnce(String field, Consumer<ObjectNode> change) throws Exception {
        saved();
        edit(change);
        StoreException refused = assertTimeoutPreemptively(AT_ONCE, () -> assertThrows(StoreException.class, () -> store().load()));
        assertEquals(StoreException.Reason.IO, refused.reason());
        assertTrue(refused.getMessage().contains("is damaged or was not written by Cavos Desktop"), refused.getMessage());
        assertTrue(refused.getMessage().contains(field), "names what is wrong: " + refused.getMessage());
        assertTrue(refused.hint().contains("import the session again"), refused.hint());
        StoreTexts.assertPlain(refused);
    }

    @Test
    void aFileTooLargeOrNotJsonIsRefusedWithoutReadingIt() throws Exception {
        saved();
        Path file = home.resolve("session.enc");
        Files.write(file, new byte[8 * 1024 * 1024]);
        StoreException large = assertTimeoutPreemptively(AT_ONCE, () -> assertThrows(StoreException.class, () -> store().load()));
        assertTrue(large.getMessage().contains("more than a session file ever is"), large.getMessage());
        StoreTexts.assertPlain(large);

        Files.writeString(file, "{\"format\": 1, \"salt\": ");
        StoreException garbage = assertThrows(StoreException.class, () -> store().load());
        assertTrue(garbage.getMessage().contains("is damaged or was not written by Cavos Desktop: it is not JSON"), garbage.getMessage());
        StoreTexts.assertPlain(garbage);
    }

    @Test
    void aFileCavosWroteStillOpensAndAWrongPassphraseIsSaidPlainly() {
        SessionToken token = saved();
        assertTrue(store().load().orElseThrow().sameSession(token));
        StoreException wrong = assertThrows(StoreException.class,
                () -> SessionStore.open(home, Optional.empty(), "another"::toCharArray).load());
        assertEquals(StoreException.Reason.WRONG_PASSPHRASE, wrong.reason());
        StoreTexts.assertPlain(wrong);
    }
}
