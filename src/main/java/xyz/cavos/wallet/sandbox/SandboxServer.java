package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * HTTP on loopback for the sandbox: JSON-RPC over POST, single or batch, with the faults injected for the
 * request's path, and a count of the requests that arrived on each path. {@value #PAYMASTER_PATH} serves the
 * SNIP-29 paymaster API; every other path the node's. Request bodies are bounded before they are parsed.
 */
final class SandboxServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GONE = "{\"error\":\"This endpoint has been discontinued.\"}";
    private static final String PARKED = """
            <!DOCTYPE html>
            <html><head><title>This domain is parked</title></head>
            <body><h1>This domain is parked</h1><p>The site you are looking for is not available.</p></body></html>
            """;
    private static final String BATCH_REFUSED =
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Batch requests are not supported\"}}";

    /** The path of the paymaster API. */
    static final String PAYMASTER_PATH = "/paymaster";
    /** The largest request body read, for the node and for the paymaster. */
    static final int MAX_BODY_BYTES = 4 << 20;
    static final int MAX_PAYMASTER_BODY_BYTES = 256 << 10;
    private static final String TOO_LARGE =
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid request: the body is too large\"}}";

    private final java.util.concurrent.atomic.AtomicLong nodeRequests = new java.util.concurrent.atomic.AtomicLong();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SandboxRpc rpc;
    private final PaymasterRpc paymaster;
    private final Function<String, FaultPlan> faults;
    private final RequestCounts counts = new RequestCounts();

    /** {@code faults}: the plan for a request path. */
    SandboxServer(int port, SandboxRpc rpc, PaymasterRpc paymaster, Function<String, FaultPlan> faults) throws IOException {
        this.rpc = rpc;
        this.paymaster = paymaster;
        this.faults = faults;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** HTTP requests that asked the node something (admin-only requests not counted): what a client's round trips cost. */
    long nodeRequests() {
        return nodeRequests.get();
    }

    RequestCounts counts() {
        return counts;
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 200, "text/plain", "Cavos sandbox: a Starknet JSON-RPC " + SandboxRpc.SPEC_VERSION
                        + " node on loopback. POST JSON-RPC requests to this URL.\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            boolean toPaymaster = path.equals(PAYMASTER_PATH);
            int limit = toPaymaster ? MAX_PAYMASTER_BODY_BYTES : MAX_BODY_BYTES;
            byte[] body = exchange.getRequestBody().readNBytes(limit + 1);
            if (body.length > limit) {
                send(exchange, 413, "application/json", TOO_LARGE);
                return;
            }
            JsonNode request;
            try {
                request = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                send(exchange, 200, "application/json",
                        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
                return;
            }
            if (request == null) {
                send(exchange, 200, "application/json",
                        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid request\"}}");
                return;
            }
            counts.arrived(path, request);
            FaultPlan plan = FaultPlan.NONE;
            if (!onlyAdmin(request)) {
                nodeRequests.incrementAndGet();
                plan = faults.apply(path);
                if (misbehave(exchange, plan)) {
                    return;
                }
                if (plan.noBatches() && request.isArray()) {
                    send(exchange, 200, "application/json", BATCH_REFUSED);
                    return;
                }
            }
            FaultPlan applied = plan;
            java.util.Optional<String> apiKey = java.util.Optional.ofNullable(
                    exchange.getRequestHeaders().getFirst(PaymasterRpc.API_KEY_HEADER));
            Function<JsonNode, ObjectNode> answerer = toPaymaster ? item -> paymaster.answer(item, apiKey) : item -> answer(item, applied);
            JsonNode reply;
            if (request.isArray()) {
                ArrayNode replies = JSON.createArrayNode();
                for (JsonNode item : request) {
                    replies.add(answerer.apply(item));
                }
                reply = replies;
            } else {
                reply = answerer.apply(request);
            }
            if (plan.loseWriteReplies() && submitsTransaction(request)) {
                exchange.close(); // executed, but the client never hears of it
                return;
            }
            send(exchange, 200, "application/json", JSON.writeValueAsString(reply));
        }
    }

    /** The node's answer, with the chain id and spec version the plan makes the node claim. */
    private ObjectNode answer(JsonNode request, FaultPlan plan) {
        ObjectNode reply = rpc.answer(request);
        if (reply.has("result")) {
            switch (request.path("method").asText()) {
                case "starknet_chainId" -> plan.chainId().ifPresent(id -> reply.put("result", id.toHex()));
                case "starknet_specVersion" -> plan.specVersion().ifPresent(version -> reply.put("result", version));
                default -> { }
            }
        }
        return reply;
    }

    private static boolean submitsTransaction(JsonNode request) {
        if (request.isArray()) {
            for (JsonNode item : request) {
                if (submitsTransaction(item)) {
                    return true;
                }
            }
            return false;
        }
        return request.path("method").asText().equals("starknet_addInvokeTransaction");
    }

    private static boolean onlyAdmin(JsonNode request) {
        if (request.isArray()) {
            for (JsonNode item : request) {
                if (!SandboxRpc.isAdmin(item.path("method").asText())) {
                    return false;
                }
            }
            return !request.isEmpty();
        }
        return SandboxRpc.isAdmin(request.path("method").asText());
    }

    /** Applies the plan's delay and its faults that replace the answer; true when a fault answered (or dropped) the request. */
    private static boolean misbehave(HttpExchange exchange, FaultPlan plan) throws IOException {
        if (plan.latencyMillis() > 0) {
            try {
                Thread.sleep(plan.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        if (plan.gone()) {
            send(exchange, 410, "application/json", GONE);
            return true;
        }
        if (plan.html()) {
            send(exchange, 200, "text/html", PARKED);
            return true;
        }
        if (plan.rateLimited()) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(plan.retryAfterSeconds()));
            send(exchange, 429, "application/json", "{\"error\":\"Too many requests, retry after " + plan.retryAfterSeconds()
                    + " seconds.\"}");
            return true;
        }
        double roll = ThreadLocalRandom.current().nextDouble();
        if ((roll -= plan.rate429()) < 0) {
            exchange.getResponseHeaders().set("Retry-After", "0");
            send(exchange, 429, "text/plain", "Too Many Requests (injected by the sandbox)");
            return true;
        }
        if ((roll -= plan.rate500()) < 0) {
            send(exchange, 500, "text/plain", "Internal Server Error (injected by the sandbox)");
            return true;
        }
        if ((roll -= plan.rateMalformed()) < 0) {
            send(exchange, 200, "application/json", "{\"jsonrpc\":\"2.0\",\"result\":{\"trunc");
            return true;
        }
        if (roll - plan.rateDrop() < 0) {
            exchange.close(); // no status line, no body: the client sees the connection end
            return true;
        }
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
