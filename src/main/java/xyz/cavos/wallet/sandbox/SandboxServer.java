package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.function.Supplier;

/** HTTP on loopback for the sandbox: JSON-RPC over POST, single or batch, with optional injected faults. */
final class SandboxServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final java.util.concurrent.atomic.AtomicLong nodeRequests = new java.util.concurrent.atomic.AtomicLong();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SandboxRpc rpc;
    private final Supplier<FaultPlan> faults;

    SandboxServer(int port, SandboxRpc rpc, Supplier<FaultPlan> faults) throws IOException {
        this.rpc = rpc;
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
            JsonNode request;
            try {
                request = JSON.readTree(exchange.getRequestBody());
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
            if (!onlyAdmin(request)) {
                nodeRequests.incrementAndGet();
                if (misbehave(exchange)) {
                    return;
                }
            }
            JsonNode reply;
            if (request.isArray()) {
                ArrayNode replies = JSON.createArrayNode();
                request.forEach(item -> replies.add(rpc.answer(item)));
                reply = replies;
            } else {
                reply = rpc.answer(request);
            }
            send(exchange, 200, "application/json", JSON.writeValueAsString(reply));
        }
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

    /** Applies the fault plan; true when the request was answered (or dropped) by a fault. */
    private boolean misbehave(HttpExchange exchange) throws IOException {
        FaultPlan plan = faults.get();
        if (plan.latencyMillis() > 0) {
            try {
                Thread.sleep(plan.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
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
