package xyz.cavos.wallet.starknet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side of {@link RpcClient}: one POST of a JSON body to the node, tried again with backoff for
 * reads on HTTP 429, 5xx, dropped connections and garbled replies, and sent exactly once for writes.
 * Failures become {@link RpcException.Transport}s that name the node by scheme, host and port only.
 */
final class NodeConnection implements AutoCloseable {

    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);
    /**
     * The largest reply read: a batch of every read a snapshot makes is a few kilobytes, a page of events or a
     * block's transaction hashes well under a megabyte. A body beyond this is dropped unread.
     */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final URI endpoint;
    private final String shownEndpoint;
    private final String peer;
    private final java.util.Map<String, String> headers;
    private final int maxBodyBytes;
    /** The client for an https:// node; null for a plain-HTTP one, which {@link #plain} serves. */
    private final HttpClient http;
    private final PlainHttpPost plain;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final AtomicLong roundTrips = new AtomicLong();

    NodeConnection(URI endpoint, Duration connectTimeout, Duration requestTimeout, int maxRetries, Duration initialBackoff) {
        this(endpoint, connectTimeout, requestTimeout, maxRetries, initialBackoff, "Starknet node", java.util.Map.of(), MAX_BODY_BYTES);
    }

    /**
     * A connection to another JSON-RPC service over the same bounded transport: {@code peer} names it in messages
     * (e.g. "paymaster"), {@code headers} go with every request and are never shown, and a reply longer than
     * {@code maxBodyBytes} is dropped unread.
     */
    NodeConnection(URI endpoint, Duration connectTimeout, Duration requestTimeout, int maxRetries, Duration initialBackoff,
                   String peer, java.util.Map<String, String> headers, int maxBodyBytes) {
        this.endpoint = endpoint;
        this.peer = peer;
        this.headers = java.util.Map.copyOf(headers);
        this.maxBodyBytes = maxBodyBytes;
        this.shownEndpoint = shown(endpoint);
        if ("http".equalsIgnoreCase(endpoint.getScheme())) {
            // A plain-HTTP node (a local sandbox, devnet or node) never needs TLS: a connection of its own, without
            // the JDK's HTTP client, whose set-up (TLS and ciphers included) is most of a short command's start-up;
            // redirects are not followed (into TLS or elsewhere)
            this.http = null;
            this.plain = new PlainHttpPost(endpoint, connectTimeout, maxBodyBytes);
        } else {
            this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
            this.plain = null;
        }
        this.requestTimeout = requestTimeout;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
    }

    /** Scheme, host and port, never the path (it may hold an API key). */
    static String shown(URI uri) {
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        return uri.getScheme() + "://" + uri.getHost() + port;
    }

    String shownEndpoint() {
        return shownEndpoint;
    }

    long roundTrips() {
        return roundTrips.get();
    }

    @Override
    public void close() {
        if (http != null) {
            http.shutdownNow();
        } else {
            plain.close();
        }
    }

    /**
     * One HTTP exchange, retried for reads, all within one deadline (the request timeout) that covers connecting,
     * the headers, the whole body and the waits between attempts. Returns the parsed JSON body.
     */
    JsonNode exchange(JsonNode body, String label, boolean write) {
        String text = Json.write(body);
        HttpRequest request = http == null ? null : request(text);
        int attempts = write ? 1 : maxRetries + 1;
        long deadline = Deadline.capped(Deadline.after(requestTimeout));
        RpcException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration wait = null;
            try {
                roundTrips.incrementAndGet();
                HttpReply response = post(text, request, Deadline.left(deadline));
                int status = response.status();
                JsonNode parsed = parseBody(response.body());
                if (status / 100 == 2 && parsed != null) {
                    return parsed;
                }
                if (status / 100 != 2 && parsed != null && isErrorReply(parsed) && !isProviderStatus(status)
                        && !(write && status / 100 == 5 && errorCode(parsed) < 0)) {
                    return parsed; // a JSON-RPC error sent with a server error status: the node's words win
                }
                // (a write answered 5xx with a generic JSON-RPC error, such as a gateway's -32603, may have reached the
                // node before it failed: it is reported below as a server error, which the caller settles)
                if (status / 100 == 2 && !looksLikeJson(response.body())) {
                    // an HTML page or plain text: not a Starknet node, and asking again will not make it one
                    throw new RpcException.Transport(label, RpcException.Transport.Kind.NOT_JSON, status, write,
                            "The server at " + shownEndpoint + " answered " + label + " with a page that is not JSON"
                                    + contentType(response) + ": it is not a Starknet JSON-RPC endpoint.", null);
                }
                if (status / 100 == 2) {
                    last = new RpcException.Transport(label, RpcException.Transport.Kind.MALFORMED_RESPONSE, status, write,
                            "The " + peer + " at " + shownEndpoint + " answered " + label + " with a body that is not JSON."
                                    + " Check that the RPC URL points to a Starknet JSON-RPC 0.10 endpoint.", null);
                } else {
                    String said = parsed != null && isErrorReply(parsed) ? " (\"" + RpcException.Transport.shortened(errorMessage(parsed)) + "\")" : "";
                    // a server error may come after the node took a write; a provider's 4xx (429 too) means it never got there
                    last = new RpcException.Transport(label, RpcException.Transport.Kind.HTTP_STATUS, status, write && status / 100 == 5,
                            "The " + peer + " at " + shownEndpoint + " answered " + label + " with HTTP " + status + said
                                    + statusHint(status), null);
                    if (status != 429 && status / 100 != 5) {
                        throw last;
                    }
                    wait = retryAfter(response).orElse(null);
                }
            } catch (HttpConnectTimeoutException e) {
                last = new RpcException.Transport(label, RpcException.Transport.Kind.UNREACHABLE, 0, false,
                        "Could not connect to the " + peer + " at " + shownEndpoint + " in time. Check the RPC URL and your network.", e);
            } catch (HttpTimeoutException e) {
                throw new RpcException.Transport(label, RpcException.Transport.Kind.TIMEOUT, 0, true,
                        "The " + peer + " at " + shownEndpoint + " did not answer " + label + " within "
                                + requestTimeout.toSeconds() + " s. Try again, or use another RPC URL.", e);
            } catch (BodyTooLarge e) {
                throw new RpcException.Transport(label, RpcException.Transport.Kind.MALFORMED_RESPONSE, 0, write,
                        "The " + peer + " at " + shownEndpoint + " answered " + label + " with more than "
                                + megabytes(maxBodyBytes) + " MB, far more than any answer to it: it was not read."
                                + " Use another RPC endpoint.", e);
            } catch (ConnectException e) {
                boolean unresolved = unresolved(e);
                last = new RpcException.Transport(label, RpcException.Transport.Kind.UNREACHABLE, 0, false,
                        unresolved ? "Could not find the " + peer + "'s host " + endpoint.getHost() + " (the name does not resolve)."
                                + " Check the spelling of the RPC URL and your internet connection."
                                : "Could not reach the " + peer + " at " + shownEndpoint + " (connection refused). "
                                + "Check the RPC URL and that the node is running.", e);
                if (unresolved) {
                    throw last; // asking again will not make the name resolve
                }
            } catch (IOException e) {
                last = new RpcException.Transport(label, RpcException.Transport.Kind.UNREACHABLE, 0, true,
                        "The connection to the " + peer + " at " + shownEndpoint + " broke during " + label
                                + " (the reply was cut off). Try again.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RpcException.Transport(label, RpcException.Transport.Kind.INTERRUPTED, 0, true,
                        "Interrupted while waiting for the " + peer + " at " + shownEndpoint, e);
            }
            if (attempt < attempts) {
                Duration pause = wait != null ? wait : backoff(attempt);
                if (pause.compareTo(Deadline.left(deadline)) >= 0) {
                    break; // no time left for another attempt within this exchange's deadline
                }
                sleep(pause, label);
            }
        }
        throw last;
    }

    /** The request to an https:// node. */
    private HttpRequest request(String text) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        headers.forEach(builder::header);
        return builder.build();
    }

    /**
     * The POST, waiting at most {@code limit} for the whole reply: connection, headers and body. A node that stalls
     * in the middle of its body is cut off at the deadline like one that never answers.
     */
    private HttpReply post(String text, HttpRequest request, Duration limit) throws IOException, InterruptedException {
        if (limit.isZero()) {
            throw new HttpTimeoutException("no time left");
        }
        if (plain != null) {
            return plain.post(text, headers, limit);
        }
        CompletableFuture<HttpResponse<String>> reply = http.sendAsync(request, info -> new BoundedBody(maxBodyBytes));
        try {
            HttpResponse<String> response = reply.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            java.util.Map<String, String> first = new java.util.HashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    first.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), values.getFirst());
                }
            });
            return new HttpReply(response.statusCode(), first, response.body());
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new HttpTimeoutException("the whole reply did not arrive in time");
        } catch (InterruptedException e) {
            reply.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("the reply could not be read", cause);
        }
    }

    /** A size in whole megabytes for a message, at least 1. */
    private static long megabytes(int bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }

    /** Whether a failure to connect was a host name that does not resolve (DNS), not a refusal. */
    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** A reply body longer than the limit: refused as it streams in, never held whole. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(int limit) {
            super("reply body over " + limit + " bytes");
        }
    }

    /** Collects a body up to a number of bytes, as UTF-8 text; past that it cancels the stream and fails. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> text = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return text;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (text.isDone()) {
                    return;
                }
                if ((long) bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    text.completeExceptionally(new BodyTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            text.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            text.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    /** A reply that arrived but is not JSON-RPC. */
    RpcException.Transport malformed(String label, String what, boolean write) {
        return new RpcException.Transport(label, RpcException.Transport.Kind.MALFORMED_RESPONSE, 0, write,
                "The " + peer + " at " + shownEndpoint + " sent a reply to " + label + " that is not valid JSON-RPC ("
                        + what + "). Check that the RPC URL points to a Starknet JSON-RPC 0.10 endpoint.", null);
    }

    /** A JSON-RPC error object ({@code {"error":{"code":…}}}); a provider's own {@code {"error":"text"}} is not one. */
    private static boolean isErrorReply(JsonNode parsed) {
        if (parsed.isObject()) {
            return parsed.path("error").isObject();
        }
        return parsed.isArray() && !parsed.isEmpty() && parsed.get(0).path("error").isObject();
    }

    /**
     * A status a provider (not the node behind it) answers with: rate-limited, not authorised, not found, gone.
     * A JSON-RPC error in such a reply is the provider's, so the status is what counts.
     */
    private static boolean isProviderStatus(int status) {
        return status == 401 || status == 403 || status == 404 || status == 410 || status == 429;
    }

    /** The code of a JSON-RPC error reply: Starknet's own errors are positive, JSON-RPC's generic ones negative. */
    private static int errorCode(JsonNode parsed) {
        JsonNode error = parsed.isArray() ? parsed.get(0).path("error") : parsed.path("error");
        return error.path("code").asInt(0);
    }

    private static String errorMessage(JsonNode parsed) {
        JsonNode error = parsed.isArray() ? parsed.get(0).path("error") : parsed.path("error");
        return error.path("message").asText("");
    }

    /** Whether a body could be JSON at all (a truncated one is worth asking again; a page never is). */
    private static boolean looksLikeJson(String body) {
        String text = body == null ? "" : body.stripLeading();
        return text.startsWith("{") || text.startsWith("[");
    }

    private static String contentType(HttpReply response) {
        return response.header("Content-Type")
                .map(type -> " (" + RpcException.Transport.shortened(type.split(";")[0].strip()) + ")").orElse("");
    }

    /** A reply body as JSON, or null when it is not JSON. */
    static JsonNode parseBody(String body) {
        try {
            JsonNode node = Json.read(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String statusHint(int status) {
        if (status == 429) {
            return " (too many requests). Wait a moment, or use an RPC URL with a higher rate limit.";
        }
        if (status == 401 || status == 403) {
            return " (not authorised). Check the API key in your RPC URL.";
        }
        if (status == 410) {
            return " (gone: the provider discontinued this endpoint). Use another RPC endpoint.";
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

    private static Optional<Duration> retryAfter(HttpReply response) {
        return response.header("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                Duration d = Duration.ofSeconds(Math.max(0, seconds));
                return Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
            } catch (NumberFormatException e) {
                return Optional.empty();
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
                    "Interrupted while waiting to retry the " + peer + " at " + shownEndpoint, e);
        }
    }
}
