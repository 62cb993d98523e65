package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import xyz.cavos.wallet.fuzz.Refusals;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.wallet.WalletError;

/**
 * What {@code --calldata} and {@code --calls} read: {@link Inputs#calldata} and {@link Inputs#calls}, both on
 * the same text (UTF-8). Each either gives the calls typed or refuses with a {@link WalletError} whose code is
 * a usage error (the command exits with 2) and that says what to write instead.
 *
 * <p>{@code --calls @FILE} reads a file: the text after {@code @} is taken as a file name (no folders) in a
 * folder made for the test, which holds {@code calls.json}, {@code latin1.json} and a folder {@code folder}.
 */
class CallsFuzzTest {

    /** The JSON people mean: one value, nothing after it. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Path FILES = files();

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);

        AtomicReference<List<Felt>> calldata = new AtomicReference<>();
        refusedAsUsage(text, Refusals.check(text, () -> calldata.set(Inputs.calldata(text)), WalletError.class));
        if (calldata.get() != null) {
            int expected = text.isBlank() ? 0
                    : Arrays.stream(text.split(",", -1)).mapToInt(item -> item.strip().startsWith("u256:") ? 2 : 1).sum();
            assertEquals(expected, calldata.get().size(), "one felt per value, two per u256: " + Refusals.shown(text));
        }

        String calls = text.startsWith("@") ? inFolder(text.substring(1)) : text;
        if (calls == null) {
            return;
        }
        AtomicReference<List<Call>> parsed = new AtomicReference<>();
        refusedAsUsage(calls, Refusals.check(calls, () -> parsed.set(Inputs.calls(calls)), WalletError.class));
        if (parsed.get() != null) {
            assertFalse(parsed.get().isEmpty(), "at least one call");
            assertTrue(parsed.get().stream().noneMatch(call -> call.to().isZero()), "no call to the zero address");
            if (!calls.startsWith("@")) {
                JsonNode array = read(calls);
                assertTrue(array != null, "took calls from text that is not one JSON value: " + Refusals.shown(calls));
                assertEquals(array.size(), parsed.get().size(), "one call per element: " + Refusals.shown(calls));
            }
        }
    }

    private static void refusedAsUsage(String input, RuntimeException refusal) {
        if (refusal instanceof WalletError error) {
            assertTrue(error.code().isBadInput(), "a usage error, not " + error.code() + ": " + error.getMessage()
                    + " for " + Refusals.shown(input));
            assertFalse(error.advice().isBlank(), "says what to write instead: " + error.getMessage());
        }
    }

    /** {@code @name} in the test's folder, or null for a name that would leave it. */
    private static String inFolder(String name) {
        if (name.contains("/") || name.equals(".") || name.equals("..")) {
            return null;
        }
        return "@" + FILES + "/" + name;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static Path files() {
        try {
            Path folder = Files.createTempDirectory("cavos-calls-fuzz");
            Files.writeString(folder.resolve("calls.json"),
                    "[{\"contractAddress\":\"0x4718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d\","
                            + "\"entrypoint\":\"transfer\",\"calldata\":[\"0x1\",\"u256:100\"]}]");
            Files.write(folder.resolve("latin1.json"), "[{\"to\":\"0x1\",\"entrypoint\":\"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1));
            Files.createDirectory(folder.resolve("folder"));
            List.of("", "folder", "latin1.json", "calls.json").forEach(f -> folder.resolve(f).toFile().deleteOnExit());
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
