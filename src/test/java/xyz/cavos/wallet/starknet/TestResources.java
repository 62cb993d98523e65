package xyz.cavos.wallet.starknet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads JSON test data copied into src/test/resources (see SOURCES.md there). */
public final class TestResources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestResources() {
    }

    public static JsonNode json(String path) {
        try (InputStream in = TestResources.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
