package xyz.cavos.wallet.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.store.StoreException;

/** Checks that a session's secret stayed out of files, and that a real keychain is there to hold it. */
public final class SecretScan {

    private SecretScan() {
    }

    /** No file under the folder holds the private key (hex with or without padding, decimal) or the token. */
    public static void assertKeyInNoFile(Path folder, SessionToken token) throws IOException {
        String json = new String(Base64.getDecoder().decode(token.encode()), StandardCharsets.UTF_8);
        String hex = json.replaceAll(".*\"sessionPrivateKey\":\"0x([0-9a-f]+)\".*", "$1");
        String padded = "0".repeat(64 - hex.length()) + hex;
        String decimal = new BigInteger(hex, 16).toString();
        String tokenStart = token.encode().substring(0, 60).toLowerCase(Locale.ROOT);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                assertFalse(content.contains(hex) || content.contains(padded) || content.contains(decimal) || content.contains(tokenStart),
                        "the session key or token is in " + file);
            }
        }
    }

    /**
     * The text someone saw (a message, output, a log) holds neither the private key, in any spelling, nor any
     * 16 characters in a row of the token. {@code what} names where the text came from.
     */
    public static void assertNoSecretIn(String text, SessionToken token, String what) {
        String encoded = token.encode();
        String json = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        String hex = json.replaceAll(".*\"sessionPrivateKey\":\"0x([0-9a-f]+)\".*", "$1");
        String lower = text.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains(hex.substring(0, 24)) || lower.contains(new BigInteger(hex, 16).toString().substring(0, 24)),
                "the session key is in " + what);
        for (int i = 0; i + 16 <= encoded.length(); i += 8) {
            String piece = encoded.substring(i, i + 16);
            assertFalse(text.contains(piece), "the token (characters " + i + "–" + (i + 16) + ") is in " + what);
        }
    }

    /**
     * Skips the calling test, with a message, when no OS keychain can be opened here. In CI (CI=true) a
     * missing keychain is a failure: .ci/run starts one.
     */
    public static void requireKeychain(Path home) {
        try {
            SessionStore.checkKeychain(home);
        } catch (StoreException e) {
            if (Boolean.parseBoolean(System.getenv("CI"))) {
                throw new AssertionError("CI must provide a Secret Service (see .ci/run): " + e.getMessage(), e);
            }
            Assumptions.abort("Skipping keychain test: no usable OS keychain here (" + e.getMessage() + ")");
        }
    }
}
