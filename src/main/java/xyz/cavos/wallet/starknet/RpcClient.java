package xyz.cavos.wallet.starknet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Starknet JSON-RPC 0.10 client over {@code java.net.http}. Reads are retried with exponential backoff
 * on HTTP 429, 5xx, dropped connections and garbled replies; writes are sent exactly once. Thread-safe.
 */
public final class RpcClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS, true);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    private final URI endpoint;
    private final String shownEndpoint;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong roundTrips = new AtomicLong();

    private RpcClient(Builder builder) {
        this.endpoint = builder.endpoint;
        this.shownEndpoint = shown(builder.endpoint);
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(builder.connectTimeout);
        if ("http".equalsIgnoreCase(builder.endpoint.getScheme())) {
            // A plain-HTTP node (a local sandbox or devnet) never needs TLS: skip loading the default trust
            // store, which is most of a short command's start-up, and do not follow redirects into TLS.
            http.sslContext(plainHttpOnly()).followRedirects(HttpClient.Redirect.NEVER);
        } else {
            http.followRedirects(HttpClient.Redirect.NORMAL);
        }
        this.http = http.build();
        this.requestTimeout = builder.requestTimeout;
        this.maxRetries = builder.maxRetries;
        this.initialBackoff = builder.initialBackoff;
    }

    /** A TLS context that trusts nobody: handed to a client that only ever speaks plain HTTP. */
    private static javax.net.ssl.SSLContext plainHttpOnly() {
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(new javax.net.ssl.KeyManager[0], new javax.net.ssl.TrustManager[0], null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    public static RpcClient of(URI endpoint) {
        return builder(endpoint).build();
    }

    /**
     * Stops the HTTP client's selector thread now. A process that exits with it still waiting in the
     * kernel pays up to 300 ms at JVM shutdown, which is most of a short CLI command.
     */
    @Override
    public void close() {
        http.shutdownNow();
    }

    /** The node's address as shown to people: scheme, host and port, never the path (it may hold an API key). */
    public String endpointForDisplay() {
        return shownEndpoint;
    }

    /** How many HTTP requests this client has made, retries included. */
    public long roundTrips() {
        return roundTrips.get();
    }

    // ---- typed calls ----

    public String specVersion() {
        return send(RpcRequest.specVersion());
    }

    public Felt chainId() {
        return send(RpcRequest.chainId());
    }

    public long blockNumber() {
        return send(RpcRequest.blockNumber());
    }

    public Block getBlockWithTxHashes(BlockId block) {
        return send(RpcRequest.getBlockWithTxHashes(block));
    }

    public List<Felt> call(Call call, BlockId block) {
        return send(RpcRequest.call(call, block));
    }

    public Felt getNonce(Felt contractAddress, BlockId block) {
        return send(RpcRequest.getNonce(contractAddress, block));
    }

    public List<FeeEstimate> estimateFee(List<InvokeV3> transactions, boolean skipValidate, BlockId block) {
        return send(RpcRequest.estimateFee(transactions, skipValidate, block));
    }

    public Felt addInvokeTransaction(InvokeV3 transaction) {
        return send(RpcRequest.addInvokeTransaction(transaction));
    }

    public TransactionReceipt getTransactionReceipt(Felt transactionHash) {
        return send(RpcRequest.getTransactionReceipt(transactionHash));
    }

    public TransactionStatus getTransactionStatus(Felt transactionHash) {
        return send(RpcRequest.getTransactionStatus(transactionHash));
    }

    public EventsPage getEvents(EventFilter filter) {
        return send(RpcRequest.getEvents(filter));
    }

    public Felt getClassHashAt(Felt contractAddress, BlockId block) {
        return send(RpcRequest.getClassHashAt(contractAddress, block));
    }

    // ---- sending ----

    public <T> T send(RpcRequest<T> request) {
        long id = ids.incrementAndGet();
        JsonNode reply = exchange(envelope(request, id), request.method(), request.isWrite());
        if (!reply.isObject()) {
            throw malformed(request.method(), "expected a JSON object", null);
        }
        return result(request, reply);
    }

    public RpcBatch newBatch() {
        return new RpcBatch(this);
    }

    void sendBatch(RpcBatch batch) {
        ArrayNode body = RpcJson.NODES.arrayNode();
        Map<Long, RpcBatch.Result<?>> byId = new HashMap<>();
        boolean write = false;
        for (RpcBatch.Result<?> result : batch.results()) {
            long id = ids.incrementAndGet();
            byId.put(id, result);
            body.add(envelope(result.request(), id));
            write |= result.request().isWrite();
        }
        String label = "a batch of " + batch.size() + " calls";
        JsonNode reply = exchange(body, label, write);
        if (!reply.isArray()) {
            // A node that rejects the whole batch answers with one error object.
            if (reply.isObject() && reply.has("error")) {
                RpcException error = nodeError(label, reply.get("error"));
                byId.values().forEach(r -> r.fail(error));
                return;
            }
            throw malformed(label, "expected a JSON array", null);
        }
        for (JsonNode item : reply) {
            RpcBatch.Result<?> result = item.has("id") ? byId.remove(item.get("id").asLong()) : null;
            if (result != null) {
                complete(result, item);
            }
        }
        byId.values().forEach(r -> r.fail(malformed(r.request().method(), "the batch reply has no answer for it", null)));
    }

    private <T> void complete(RpcBatch.Result<T> result, JsonNode item) {
        if (item.hasNonNull("error")) {
            result.fail(nodeError(result.request().method(), item.get("error")));
        } else if (item.has("result")) {
            result.complete(item.get("result"));
        } else {
            result.fail(malformed(result.request().method(), "an answer without result or error", null));
        }
    }

    private <T> T result(RpcRequest<T> request, JsonNode reply) {
        if (reply.hasNonNull("error")) {
            throw nodeError(request.method(), reply.get("error"));
        }
        if (!reply.has("result")) {
            throw malformed(request.method(), "an answer without result or error", null);
        }
        return request.parse(reply.get("result"));
    }

    private static ObjectNode envelope(RpcRequest<?> request, long id) {
        ObjectNode node = RpcJson.NODES.objectNode();
        node.put("jsonrpc", "2.0");
        node.put("method", request.method());
        node.set("params", request.paramsNode());
        node.put("id", id);
        return node;
    }

    private RpcException.NodeError nodeError(String method, JsonNode error) {
        return new RpcException.NodeError(method, error.path("code").asInt(), error.path("message").asText(""),
                error.path("data"));
    }

    /** One HTTP exchange, retried for reads. Returns the parsed JSON body. */
    private JsonNode exchange(JsonNode body, String label, boolean write) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode a JSON-RPC request", e);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build();
        int attempts = write ? 1 : maxRetries + 1;
        RpcException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration wait = null;
            try {
                roundTrips.incrementAndGet();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                JsonNode parsed = parseBody(response.body());
                if (status / 100 == 2 && parsed != null) {
                    return parsed;
                }
                if (status / 100 != 2 && parsed != null && isErrorReply(parsed)) {
                    return parsed; // a JSON-RPC error sent with a non-2xx status: the node's words win
                }
                if (status / 100 == 2) {
                    last = new RpcException.Transport(label, RpcException.Transport.Kind.MALFORMED_RESPONSE, status, write,
                            "The Starknet node at " + shownEndpoint + " answered " + label + " with a body that is not JSON."
                                    + " Check that the RPC URL points to a Starknet JSON-RPC 0.10 endpoint.", null);
                } else {
                    last = new RpcException.Transport(label, RpcException.Transport.Kind.HTTP_STATUS, status, write,
                            "The Starknet node at " + shownEndpoint + " answered " + label + " with HTTP " + status
                                    + statusHint(status), null);
                    if (status != 429 && status / 100 != 5) {
                        throw last;
                    }
                    wait = retryAfter(response).orElse(null);
                }
            } catch (HttpConnectTimeoutException e) {
                last = new RpcException.Transport(label, RpcException.Transport.Kind.UNREACHABLE, 0, false,
                        "Could not connect to the Starknet node at " + shownEndpoint + " in time. Check the RPC URL and your network.", e);
            } catch (HttpTimeoutException e) {
                throw new RpcException.Transport(label, RpcException.Transport.Kind.TIMEOUT, 0, true,
                        "The Starknet node at " + shownEndpoint + " did not answer " + label + " within "
                                + requestTimeout.toSeconds() + " s. Try again, or use another RPC URL.", e);
            } catch (ConnectException e) {
                last = new RpcException.Transport(label, RpcException.Transport.Kind.UNREACHABLE, 0, false,
                        "Could not reach the Starknet node at " + shownEndpoint + " (connection refused). "
                                + "Check the RPC URL, or start the sandbox with: cavos sandbox start", e);
            } catch (IOException e) {
                last = new RpcException.Transport(label, RpcException.Transport.Kind.UNREACHABLE, 0, true,
                        "The connection to the Starknet node at " + shownEndpoint + " broke during " + label
                                + " (" + e.getClass().getSimpleName() + "). Try again.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RpcException.Transport(label, RpcException.Transport.Kind.INTERRUPTED, 0, true,
                        "Interrupted while waiting for the Starknet node at " + shownEndpoint, e);
            }
            if (attempt < attempts) {
                sleep(wait != null ? wait : backoff(attempt), label);
            }
        }
        throw last;
    }

    private static boolean isErrorReply(JsonNode parsed) {
        if (parsed.isObject()) {
            return parsed.has("error");
        }
        return parsed.isArray() && !parsed.isEmpty() && parsed.get(0).has("error");
    }

    private static JsonNode parseBody(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private RpcException.Transport malformed(String label, String what, Throwable cause) {
        return new RpcException.Transport(label, RpcException.Transport.Kind.MALFORMED_RESPONSE, 0, false,
                "The Starknet node at " + shownEndpoint + " sent a reply to " + label + " that is not valid JSON-RPC ("
                        + what + "). Check that the RPC URL points to a Starknet JSON-RPC 0.10 endpoint.", cause);
    }

    private static String statusHint(int status) {
        if (status == 429) {
            return " (too many requests). Wait a moment, or use an RPC URL with a higher rate limit.";
        }
        if (status == 401 || status == 403) {
            return " (not authorised). Check the API key in your RPC URL.";
        }
        if (status == 404) {
            return " (not found). Check the path of your RPC URL (for example …/rpc/v0_10).";
        }
        if (status / 100 == 3) {
            return " (a redirect). Use the address it points to, most likely the https:// one, as the RPC URL.";
        }
        if (status / 100 == 5) {
            return " (server error). The node may be overloaded; try again later or use another RPC URL.";
        }
        return ".";
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                Duration d = Duration.ofSeconds(Math.max(0, seconds));
                return java.util.Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    private Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << (attempt - 1);
        long jitter = base > 0 ? ThreadLocalRandom.current().nextLong(base / 2 + 1) : 0;
        return Duration.ofMillis(base + jitter);
    }

    private void sleep(Duration duration, String label) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException.Transport(label, RpcException.Transport.Kind.INTERRUPTED, 0, false,
                    "Interrupted while waiting to retry the Starknet node at " + shownEndpoint, e);
        }
    }

    static String shown(URI uri) {
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        return uri.getScheme() + "://" + uri.getHost() + port;
    }

    /** Settings for a client; the defaults suit a public RPC provider. */
    public static final class Builder {
        private final URI endpoint;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(250);

        private Builder(URI endpoint) {
            String scheme = endpoint.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
                throw new InvalidValueException("RPC URL " + InvalidValueException.quote(shownOrRaw(endpoint))
                        + " is not an http(s) URL such as https://starknet-mainnet.example/rpc/v0_10");
            }
            this.endpoint = endpoint;
        }

        private static String shownOrRaw(URI uri) {
            return uri.getHost() != null ? shown(uri) : uri.getScheme() + ":…";
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /** How many times a read is tried again after a retryable failure; writes are never retried. */
        public Builder maxRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
            this.maxRetries = value;
            return this;
        }

        public Builder initialBackoff(Duration value) {
            this.initialBackoff = value;
            return this;
        }

        public RpcClient build() {
            return new RpcClient(this);
        }
    }
}
