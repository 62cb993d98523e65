package xyz.cavos.wallet.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/** An HTTP server on a free loopback port for test doubles and proxies, one virtual thread per request. */
final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;

    LoopbackServer(HttpHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", handler);
        server.start();
    }

    /**
     * A JSON-RPC body passed on to a real node, as a proxy does; empty when the node dropped the connection (or the
     * wait was interrupted), so the proxy drops its own.
     */
    static java.util.Optional<java.net.http.HttpResponse<byte[]>> forward(java.net.http.HttpClient http, URI target, byte[] body) {
        return forward(http, target, body, java.util.Map.of());
    }

    /** {@link #forward(java.net.http.HttpClient, URI, byte[])} with these headers too (a paymaster's API key). */
    static java.util.Optional<java.net.http.HttpResponse<byte[]>> forward(java.net.http.HttpClient http, URI target, byte[] body,
            java.util.Map<String, String> headers) {
        try {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(target).header("Content-Type", "application/json");
            headers.forEach(request::header);
            return java.util.Optional.of(http.send(request
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The JSON-RPC endpoint, with the path real providers use. */
    URI rpcUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc/v0_10");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
