package xyz.cavos.wallet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A JSON-RPC server on loopback whose answers a test scripts, method by method. It checks every request's
 * params and every answer it gives against the Starknet OpenRPC 0.10.2 schemas, or for {@code paymaster_*} methods
 * the SNIP-29 paymaster API, and keeps the problems for the test to assert on, so a client tested against it speaks
 * the real protocol. It also keeps the headers of every request.
 */
public final class ScriptedNode implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted HTTP-level failure for the next request(s). */
    public enum Fault { HTTP_401, HTTP_429, HTTP_503, HTML_502, DROP_CONNECTION, NOT_JSON, RPC_ERROR_WITH_HTTP_500, RPC_ERROR_WITH_HTTP_429, REDIRECT_TO_HTTPS,
        /** Headers and the first bytes of the body, then nothing for a minute. */
        STALL_MID_BODY,
        /** A body of 9 MB, streamed. */
        HUGE_BODY,
        /** HTTP 500 with JSON-RPC's generic internal error, as a gateway answers when the node behind it timed out. */
        GATEWAY_ERROR_WITH_HTTP_500 }

    private final LoopbackServer server;
    private final Map<String, Function<JsonNode, JsonNode>> results = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> errors = new ConcurrentHashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> methodsSeen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger httpRequests = new AtomicInteger();
    private final List<Map<String, List<String>>> requestHeaders = Collections.synchronizedList(new ArrayList<>());
    private volatile long delayMillis;

    public ScriptedNode() {
        server = new LoopbackServer(this::handle);
    }

    public URI uri() {
        return server.rpcUri();
    }

    /** Answer this method with a result computed from the params. */
    public ScriptedNode answer(String method, Function<JsonNode, JsonNode> result) {
        results.put(method, result);
        errors.remove(method);
        return this;
    }

    public ScriptedNode answer(String method, String resultJson) {
        JsonNode parsed = parse(resultJson);
        return answer(method, params -> parsed);
    }

    /** Answer this method with a JSON-RPC error. */
    public ScriptedNode error(String method, int code, String message, String dataJson) {
        ObjectNode error = JSON.createObjectNode().put("code", code).put("message", message);
        if (dataJson != null) {
            error.set("data", parse(dataJson));
        }
        errors.put(method, error);
        return this;
    }

    public synchronized ScriptedNode fault(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
        return this;
    }

    public ScriptedNode delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public int httpRequests() {
        return httpRequests.get();
    }

    /** The values of a header (name in any case) on each request received, in order; empty for a request without it. */
    public List<List<String>> headerValues(String name) {
        synchronized (requestHeaders) {
            return requestHeaders.stream().map(headers -> headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name)).flatMap(e -> e.getValue().stream()).toList()).toList();
        }
    }

    public List<String> methodsSeen() {
        return List.copyOf(methodsSeen);
    }

    /** Everything that did not match the OpenRPC schemas, in requests and in answers. */
    public List<String> specProblems() {
        return List.copyOf(problems);
    }

    private synchronized Fault nextFault() {
        return faults.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (RuntimeException | Error e) {
            problems.add("the scripted node failed: " + e);
            reply(exchange, 500, "scripted node failure");
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        httpRequests.incrementAndGet();
        Map<String, List<String>> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        requestHeaders.add(headers);
        JsonNode request = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (delayMillis > 0) {
            pause(delayMillis);
        }
        Fault fault = nextFault();
        if (fault != null) {
            switch (fault) {
                case HTTP_401 -> reply(exchange, 401, "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id")
                        + ",\"error\":{\"code\":-32001,\"message\":\"Unauthorized: invalid API key\"}}");
                case HTTP_429 -> reply(exchange, 429, "{\"detail\":\"rate limited\"}");
                case HTTP_503 -> reply(exchange, 503, "Service Unavailable");
                case HTML_502 -> reply(exchange, 502, "<html><body>Bad Gateway</body></html>");
                case NOT_JSON -> reply(exchange, 200, "{\"jsonrpc\":\"2.0\",\"result\":");
                case DROP_CONNECTION -> exchange.close();
                case STALL_MID_BODY -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 1000);
                    OutputStream out = exchange.getResponseBody();
                    out.write("{\"jsonrpc\":\"2.0\",".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    pause(60_000);
                    exchange.close();
                }
                case HUGE_BODY -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(("{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id") + ",\"result\":\"0x").getBytes(StandardCharsets.UTF_8));
                        byte[] digits = "1".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                        for (int i = 0; i < 9 * 16; i++) {
                            out.write(digits);
                        }
                        out.write("\"}".getBytes(StandardCharsets.UTF_8));
                    } catch (IOException closedByTheClient) {
                        // the client stopped reading: what this fault is for
                    }
                }
                case REDIRECT_TO_HTTPS -> {
                    exchange.getResponseHeaders().set("Location", "https://rpc.example.invalid/rpc/v0_10");
                    reply(exchange, 301, "");
                }
                case RPC_ERROR_WITH_HTTP_500 -> reply(exchange, 500, "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id")
                        + ",\"error\":{\"code\":63,\"message\":\"An unexpected error occurred\",\"data\":\"node overloaded\"}}");
                case GATEWAY_ERROR_WITH_HTTP_500 -> reply(exchange, 500, "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id")
                        + ",\"error\":{\"code\":-32603,\"message\":\"Internal error: upstream request timed out\"}}");
                case RPC_ERROR_WITH_HTTP_429 -> reply(exchange, 429, "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id")
                        + ",\"error\":{\"code\":429,\"message\":\"Your app has exceeded its compute units per second capacity\"}}");
            }
            return;
        }
        JsonNode answer;
        if (request.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            request.forEach(item -> out.add(answerOne(item)));
            answer = out;
        } else {
            answer = answerOne(request);
        }
        reply(exchange, 200, JSON.writeValueAsString(answer));
    }

    private ObjectNode answerOne(JsonNode request) {
        String method = request.path("method").asText();
        methodsSeen.add(method);
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
        reply.set("id", request.get("id"));
        if (!"2.0".equals(request.path("jsonrpc").asText())) {
            problems.add(method + ": request without jsonrpc 2.0");
        }
        if (!OpenRpcSpec.get().knows(method)) {
            problems.add("not a spec method: " + method);
        } else {
            JsonNode params = request.path("params");
            if (!params.isObject()) {
                problems.add(method + ": params are not named");
            } else {
                problems.addAll(OpenRpcSpec.get().validateParams(method, params));
            }
        }
        ObjectNode error = errors.get(method);
        if (error != null) {
            if (OpenRpcSpec.get().knows(method)) {
                problems.addAll(OpenRpcSpec.get().validateError(method, error));
            }
            reply.set("error", error);
            return reply;
        }
        Function<JsonNode, JsonNode> result = results.get(method);
        if (result == null) {
            reply.set("error", JSON.createObjectNode().put("code", -32601).put("message", "Method not found"));
            return reply;
        }
        JsonNode value = result.apply(request.path("params"));
        if (OpenRpcSpec.get().knows(method)) {
            problems.addAll(OpenRpcSpec.get().validateResult(method, value));
        }
        reply.set("result", value);
        return reply;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 429) {
            exchange.getResponseHeaders().set("Retry-After", "0");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("test JSON does not parse: " + text, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
