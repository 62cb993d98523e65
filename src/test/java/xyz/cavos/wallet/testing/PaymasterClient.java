package xyz.cavos.wallet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC client of a SNIP-29 paymaster for tests. It posts each request (with the API key header when it has
 * one), checks the request's params and the reply's result or error against {@code paymaster_api.json}, and fails
 * the test at once on any problem, so every exchange a test makes is proved to follow the paymaster API.
 */
public final class PaymasterClient {

    public static final String API_KEY_HEADER = "x-paymaster-api-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final Optional<String> apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong();

    public PaymasterClient(URI uri, Optional<String> apiKey) {
        this.uri = uri;
        this.apiKey = apiKey;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The result of a request that must succeed. */
    public JsonNode result(String method, ObjectNode params) {
        JsonNode reply = call(method, params);
        if (!reply.has("result")) {
            throw new AssertionError(method + " failed: " + reply.get("error"));
        }
        return reply.get("result");
    }

    /** The error of a request that must fail. */
    public JsonNode error(String method, ObjectNode params) {
        JsonNode reply = call(method, params);
        if (!reply.has("error")) {
            throw new AssertionError(method + " should have failed, but answered " + reply.get("result"));
        }
        return reply.get("error");
    }

    /** The whole reply, after the request and the reply have been checked against the paymaster API. */
    public JsonNode call(String method, ObjectNode params) {
        OpenRpcSpec spec = OpenRpcSpec.get();
        List<String> problems = new ArrayList<>(spec.validateParams(method, params));
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
        request.set("params", params);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
        apiKey.ifPresent(key -> builder.header(API_KEY_HEADER, key));
        JsonNode reply;
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            reply = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (reply.path("id").asLong(-1) != request.get("id").asLong()) {
            problems.add(method + ": the reply's id " + reply.get("id") + " is not the request's");
        }
        if (reply.has("error")) {
            problems.addAll(spec.validateError(method, reply.get("error")));
        } else if (reply.has("result")) {
            problems.addAll(spec.validateResult(method, reply.get("result")));
        } else {
            problems.add(method + ": the reply has neither result nor error");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The paymaster exchange broke its API:\n" + String.join("\n", problems) + "\nrequest: " + request
                    + "\nreply: " + reply);
        }
        return reply;
    }
}
