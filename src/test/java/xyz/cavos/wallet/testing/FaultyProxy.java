package xyz.cavos.wallet.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * A loopback proxy in front of a real node that, for a share of requests chosen by a seeded random sequence,
 * misbehaves the way networks and providers do: refusing before the node sees the request (HTTP 429, HTTP 500, a
 * dropped connection), or after the node has executed it (HTTP 500, the connection dropped, the answer stalled past
 * the client's patience, a truncated body). The faults after execution are the ones that make a write ambiguous.
 */
public final class FaultyProxy implements AutoCloseable {

    /** What the proxy did to one request. */
    public enum Fault {
        NONE, REFUSED_429, ERROR_500_BEFORE, DROPPED_BEFORE, ERROR_502_AFTER, DROPPED_AFTER, STALLED_AFTER, TRUNCATED_AFTER
    }

    private static final Fault[] FAULTS = {Fault.REFUSED_429, Fault.ERROR_500_BEFORE, Fault.DROPPED_BEFORE, Fault.ERROR_502_AFTER,
            Fault.DROPPED_AFTER, Fault.STALLED_AFTER, Fault.TRUNCATED_AFTER};

    private final URI target;
    private final Random random;
    private final double rate;
    private final Duration stall;
    private final LoopbackServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
    private final java.util.function.UnaryOperator<String> rewrite;

    /** {@code rate}: the share of requests that meet a fault; {@code stall}: how long a stalled answer is held back. */
    public FaultyProxy(URI target, long seed, double rate, Duration stall) {
        this(target, seed, rate, stall, java.util.function.UnaryOperator.identity());
    }

    /** No faults: every answer of the node passes through {@code rewrite} (a node that lies in a particular way). */
    public static FaultyProxy rewriting(URI target, java.util.function.UnaryOperator<String> rewrite) {
        return new FaultyProxy(target, 0, 0, Duration.ZERO, rewrite);
    }

    private FaultyProxy(URI target, long seed, double rate, Duration stall, java.util.function.UnaryOperator<String> rewrite) {
        this.rewrite = rewrite;
        this.target = target;
        this.random = new Random(seed);
        this.rate = rate;
        this.stall = stall;
        this.server = new LoopbackServer(this::handle);
    }

    public URI uri() {
        return server.rpcUri();
    }

    /** How many requests met each fault so far. */
    public synchronized Map<Fault, Integer> counts() {
        return Map.copyOf(counts);
    }

    private synchronized Fault next() {
        Fault fault = random.nextDouble() < rate ? FAULTS[random.nextInt(FAULTS.length)] : Fault.NONE;
        counts.merge(fault, 1, Integer::sum);
        return fault;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Fault fault = next();
            switch (fault) {
                case REFUSED_429 -> {
                    exchange.getResponseHeaders().set("Retry-After", "0");
                    reply(exchange, 429, "Too Many Requests".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                case ERROR_500_BEFORE -> {
                    reply(exchange, 500, "Internal Server Error".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                case DROPPED_BEFORE -> {
                    return; // closed without a status line
                }
                default -> { }
            }
            var forwarded = LoopbackServer.forward(http, target, body);
            if (forwarded.isEmpty()) {
                return; // the node dropped the connection: drop ours too
            }
            HttpResponse<byte[]> response = forwarded.get();
            switch (fault) {
                case ERROR_502_AFTER -> reply(exchange, 502, "Bad Gateway".getBytes(StandardCharsets.UTF_8));
                case DROPPED_AFTER -> { } // executed; the client never hears of it
                case STALLED_AFTER -> {
                    try {
                        Thread.sleep(stall);
                        reply(exchange, response.statusCode(), response.body());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException clientGaveUp) {
                        // the client stopped waiting, as it should
                    }
                }
                case TRUNCATED_AFTER -> reply(exchange, 200, java.util.Arrays.copyOf(response.body(), response.body().length / 2));
                default -> reply(exchange, response.statusCode(),
                        rewrite.apply(new String(response.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }
}
