package xyz.cavos.wallet.starknet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Starknet JSON-RPC 0.10 client over {@code java.net.http}. Reads are retried with exponential backoff
 * on HTTP 429, 5xx, dropped connections and garbled replies; writes are sent exactly once
 * ({@link NodeConnection}). Thread-safe.
 */
public final class RpcClient implements AutoCloseable {

    private final NodeConnection connection;
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean oneByOne;

    private RpcClient(Builder builder) {
        this.connection = new NodeConnection(builder.endpoint, builder.connectTimeout, builder.requestTimeout,
                builder.maxRetries, builder.initialBackoff, builder.peer, builder.headers, builder.maxReplyBytes);
    }

    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    public static RpcClient of(URI endpoint) {
        return builder(endpoint).build();
    }

    /**
     * Ends the connection: an https:// node's HTTP client stops its selector thread now (a process that exits with it
     * still waiting in the kernel pays up to 300 ms at JVM shutdown); an http:// node's open socket is closed, and no
     * exchange starts after.
     */
    @Override
    public void close() {
        connection.close();
    }

    /** An RPC URL as shown to people: scheme, host and port, never the path (it may hold an API key). */
    public static String shown(URI url) {
        return NodeConnection.shown(url);
    }

    /** The node's address as shown to people: scheme, host and port, never the path (it may hold an API key). */
    public String endpointForDisplay() {
        return connection.shownEndpoint();
    }

    /** How many HTTP requests this client has made, retries included. */
    public long roundTrips() {
        return connection.roundTrips();
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
        return answer(request, connection.exchange(envelope(request, id), request.method(), request.isWrite()));
    }

    /** The result in the node's reply to one request (its JSON body), or the error the reply carries. */
    <T> T answer(RpcRequest<T> request, JsonNode reply) {
        if (!reply.isObject()) {
            throw connection.malformed(request.method(), "expected a JSON object", request.isWrite());
        }
        return result(request, reply);
    }

    public RpcBatch newBatch() {
        return new RpcBatch(this);
    }

    /**
     * From now on a batch is sent as one request per call: for a node that refuses batches, used only when no
     * other node answers.
     */
    public void sendBatchesOneByOne() {
        oneByOne = true;
    }

    void sendBatch(RpcBatch batch) {
        if (oneByOne) {
            for (RpcBatch.Result<?> result : batch.results()) {
                sendAlone(result);
            }
            return;
        }
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
        JsonNode reply = connection.exchange(body, label, write);
        if (!reply.isArray()) {
            // A node that refuses batches answers with one error object instead of an answer per call.
            if (reply.isObject() && reply.has("error")) {
                JsonNode error = reply.get("error");
                String said = error.isObject() ? error.path("message").asText("") : error.asText("");
                throw new RpcException.Transport(label, RpcException.Transport.Kind.BATCH_REFUSED, 0, write,
                        "The Starknet node at " + connection.shownEndpoint() + " refused " + label
                                + (said.isBlank() ? "" : " (" + RpcException.Transport.shortened(said) + ")") + ".", null);
            }
            throw connection.malformed(label, "expected a JSON array", write);
        }
        for (JsonNode item : reply) {
            RpcBatch.Result<?> result = item.has("id") ? byId.remove(item.get("id").asLong()) : null;
            if (result != null) {
                complete(result, item);
            }
        }
        byId.values().forEach(r -> r.fail(connection.malformed(r.request().method(), "the batch reply has no answer for it", r.request().isWrite())));
    }

    private <T> void sendAlone(RpcBatch.Result<T> result) {
        RpcRequest<T> request = result.request();
        JsonNode reply = connection.exchange(envelope(request, ids.incrementAndGet()), request.method(), request.isWrite());
        if (!reply.isObject()) {
            throw connection.malformed(request.method(), "expected a JSON object", request.isWrite());
        }
        complete(result, reply);
    }

    private <T> void complete(RpcBatch.Result<T> result, JsonNode item) {
        if (item.hasNonNull("error")) {
            result.fail(nodeError(result.request().method(), item.get("error")));
        } else if (item.has("result")) {
            result.complete(item.get("result"));
        } else {
            result.fail(connection.malformed(result.request().method(), "an answer without result or error", result.request().isWrite()));
        }
    }

    private <T> T result(RpcRequest<T> request, JsonNode reply) {
        if (reply.hasNonNull("error")) {
            throw nodeError(request.method(), reply.get("error"));
        }
        if (!reply.has("result")) {
            throw connection.malformed(request.method(), "an answer without result or error", request.isWrite());
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

    /** Settings for a client; the defaults suit a public RPC provider. */
    public static final class Builder {
        private final URI endpoint;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(250);
        private String peer = "Starknet node";
        private final Map<String, String> headers = new java.util.LinkedHashMap<>();
        private int maxReplyBytes = NodeConnection.MAX_BODY_BYTES;

        private Builder(URI endpoint) {
            String scheme = endpoint.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
                throw new InvalidValueException("RPC URL " + InvalidValueException.quote(shownOrRaw(endpoint))
                        + " is not an http(s) URL such as https://starknet-mainnet.example/rpc/v0_10");
            }
            this.endpoint = endpoint;
        }

        private static String shownOrRaw(URI uri) {
            return uri.getHost() != null ? NodeConnection.shown(uri) : uri.getScheme() + ":…";
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

        /** What the server is called in messages, e.g. "paymaster"; a Starknet node by default. */
        public Builder peerName(String value) {
            this.peer = value;
            return this;
        }

        /**
         * A header sent with every request, such as an API key. Its value appears in no message, and the caller
         * checks it is a valid header value (printable ASCII) before handing it over.
         */
        public Builder header(String name, String value) {
            this.headers.put(name, value);
            return this;
        }

        /** The largest reply body read; a longer one is dropped as it streams in. */
        public Builder maxReplyBytes(int value) {
            if (value < 1024) {
                throw new IllegalArgumentException("maxReplyBytes must be at least 1024");
            }
            this.maxReplyBytes = value;
            return this;
        }

        public RpcClient build() {
            return new RpcClient(this);
        }
    }
}
