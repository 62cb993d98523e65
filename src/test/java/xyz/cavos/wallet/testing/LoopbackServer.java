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

    /** The JSON-RPC endpoint, with the path real providers use. */
    URI rpcUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc/v0_10");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
