package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plain-HTTP transport against a loopback socket that answers byte for byte what a test writes: the framings a
 * node may use (Content-Length, chunked with extensions and trailers, until the connection closes, after a
 * 100 Continue) and replies that must be refused with a bound (a head line of megabytes, endless headers, a body
 * declared larger than allowed, a reply that is not HTTP, one that drips past the deadline). The
 * {@code assertTimeoutPreemptively} bounds are guards against a hang, not measurements.
 */
class PlainHttpPostIT {

    private final ServerSocket server;
    private final CompletableFuture<String> request = new CompletableFuture<>();

    PlainHttpPostIT() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void sendsOnePostWithItsHeadersAndReadsAContentLengthReply() throws Exception {
        answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nRetry-After: 3\r\nContent-Length: 11\r\n\r\n{\"id\":\"é\"}");
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/rpc/v0_10?key=abc");
        HttpReply reply = new PlainHttpPost(uri, Duration.ofSeconds(5), 1024)
                .post("{\"a\":1}", Map.of("x-api-key", "k1"), Duration.ofSeconds(5));
        assertEquals(200, reply.status());
        assertEquals("{\"id\":\"é\"}", reply.body());
        assertEquals("3", reply.header("retry-after").orElseThrow());
        assertEquals("application/json", reply.header("Content-Type").orElseThrow());
        String sent = request.get();
        assertTrue(sent.startsWith("POST /rpc/v0_10?key=abc HTTP/1.1\r\n"), sent);
        assertTrue(sent.contains("\r\nHost: 127.0.0.1:" + server.getLocalPort() + "\r\n"), sent);
        assertTrue(sent.contains("\r\nContent-Length: 7\r\n"), sent);
        assertTrue(sent.contains("\r\nx-api-key: k1\r\n"), sent);
        assertTrue(sent.endsWith("\r\n\r\n{\"a\":1}"), sent);
    }

    @Test
    void readsAChunkedReplyAfterA100Continue() throws Exception {
        answer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-Trailer: t\r\n\r\n");
        HttpReply reply = post(1024, Duration.ofSeconds(5));
        assertEquals(200, reply.status());
        assertEquals("{\"a\":1}", reply.body());
    }

    @Test
    void readsAReplyWithoutLengthUntilTheConnectionCloses() throws Exception {
        answer("HTTP/1.0 503 Service Unavailable\r\n\r\nbusy");
        HttpReply reply = post(1024, Duration.ofSeconds(5));
        assertEquals(503, reply.status());
        assertEquals("busy", reply.body());
    }

    @Test
    void refusesABodyDeclaredOrSentBeyondTheLimit() {
        answer("HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n");
        assertThrows(NodeConnection.BodyTooLarge.class, () -> post(1000, Duration.ofSeconds(5)));
    }

    @Test
    void refusesABodyWithoutLengthBeyondTheLimit() {
        answer("HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(5000));
        assertThrows(NodeConnection.BodyTooLarge.class, () -> post(1000, Duration.ofSeconds(5)));
    }

    @Test
    void aRefusedConnectionIsAConnectFailure() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        PlainHttpPost post = new PlainHttpPost(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(5), 1024);
        assertThrows(ConnectException.class, () -> post.post("{}", Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void closingEndsTheExchangeWaitingForItsReplyAndNoOtherStarts() throws Exception {
        CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept()) {
                readRequest(socket.getInputStream());
                socket.getInputStream().read(); // no answer: waits for the client to hang up
            } catch (IOException ignored) {
                // the client hung up
            }
        });
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
        PlainHttpPost post = new PlainHttpPost(uri, Duration.ofSeconds(5), 1024);
        Thread closing = Thread.ofPlatform().start(() -> { // its own thread: the common pool may have one, serving the node
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            post.close();
        });
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(IOException.class, () -> post.post("{}", Map.of(), Duration.ofSeconds(15))));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "ended by close(), not by the 15 s deadline");
        closing.join();
        IOException after = assertThrows(IOException.class, () -> post.post("{}", Map.of(), Duration.ofSeconds(5)));
        assertTrue(after.getMessage().contains("closed"), after.getMessage());
    }

    @Test
    void anIpv6NodeGetsItsAddressInBracketsInTheHostHeader() throws Exception {
        try (ServerSocket six = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = six.accept()) {
                    String request = readRequest(socket.getInputStream());
                    socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
                    return request;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            URI uri = URI.create("http://[::1]:" + six.getLocalPort() + "/rpc");
            assertEquals("{}", new PlainHttpPost(uri, Duration.ofSeconds(5), 1024).post("{}", Map.of(), Duration.ofSeconds(5)).body());
            assertTrue(seen.get().contains("\r\nHost: [::1]:" + six.getLocalPort() + "\r\n"), seen.get());
        }
    }

    @Test
    void aHeaderWithAControlCharacterOrBeyondLatin1IsRefused() {
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
        PlainHttpPost post = new PlainHttpPost(uri, Duration.ofSeconds(5), 1024);
        assertThrows(IllegalArgumentException.class, () -> post.post("{}", Map.of("x-api-key", "k\u0000"), Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> post.post("{}", Map.of("x-api-key", "k\u20ac"), Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> post.post("{}", Map.of("x api key", "k"), Duration.ofSeconds(5)));
    }

    @Test
    void refusesAChunkedBodyBeyondTheLimit() {
        answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n" + "x".repeat(512) + "\r\n200\r\n" + "x".repeat(512) + "\r\n0\r\n\r\n");
        assertThrows(NodeConnection.BodyTooLarge.class, () -> post(1000, Duration.ofSeconds(5)));
    }

    @Test
    void refusesEndlessTrailers() {
        String refusal = refusalOf("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n" + "X-T: b\r\n".repeat(1000) + "\r\n");
        assertTrue(refusal.contains("more than 100 headers"), refusal);
    }

    @Test
    void refusesAnEndlessHeadLine() {
        String refusal = refusalOf("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(100_000) + "\r\n\r\n");
        assertTrue(refusal.contains("longer than 8192 bytes"), refusal);
    }

    @Test
    void refusesEndlessHeaders() {
        String refusal = refusalOf("HTTP/1.1 200 OK\r\n" + "X-A: b\r\n".repeat(1000) + "\r\n");
        assertTrue(refusal.contains("more than 100 headers"), refusal);
    }

    @Test
    void refusesAReplyThatIsNotHttp() {
        assertEquals("the reply is not HTTP", refusalOf("SSH-2.0-OpenSSH_9.6\r\n"));
    }

    @Test
    void aReplyThatDripsPastTheDeadlineIsCutOff() {
        CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept()) {
                readRequest(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 100; i++) { // one byte every 100 ms: each read succeeds, the whole does not
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException ignored) {
                // the client hung up
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(HttpTimeoutException.class, () -> post(1024, Duration.ofMillis(800))));
    }

    @Test
    void aHostThatDoesNotResolveIsAConnectFailureCausedByTheName() {
        PlainHttpPost post = new PlainHttpPost(URI.create("http://no-such-host.invalid:5050/rpc"), Duration.ofSeconds(5), 1024);
        ConnectException error = assertThrows(ConnectException.class, () -> post.post("{}", Map.of(), Duration.ofSeconds(5)));
        assertInstanceOf(UnknownHostException.class, error.getCause());
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedBeforeAnythingIsSent() {
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
        PlainHttpPost post = new PlainHttpPost(uri, Duration.ofSeconds(5), 1024);
        assertThrows(IllegalArgumentException.class,
                () -> post.post("{}", Map.of("x-api-key", "k\r\nX-Injected: 1"), Duration.ofSeconds(5)));
    }

    /** The message of the IOException a post fails with when the node answers {@code reply}. */
    private String refusalOf(String reply) {
        answer(reply);
        return assertThrows(IOException.class, () -> post(1024, Duration.ofSeconds(5))).getMessage();
    }

    private HttpReply post(int maxBody, Duration limit) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
        return new PlainHttpPost(uri, Duration.ofSeconds(5), maxBody).post("{}", Map.of(), limit);
    }

    /** Accepts one connection, keeps the request it reads and writes {@code reply}, then closes. */
    private void answer(String reply) {
        CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept()) {
                request.complete(readRequest(socket.getInputStream()));
                socket.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                socket.shutdownOutput();
                socket.getInputStream().readAllBytes(); // until the client hangs up
            } catch (IOException e) {
                request.completeExceptionally(e);
            }
        });
    }

    /** The request's head and its body of Content-Length bytes. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            bytes.write(b);
        }
        String head = bytes.toString(StandardCharsets.ISO_8859_1);
        int length = head.lines().filter(line -> line.startsWith("Content-Length: ")).mapToInt(line -> Integer.parseInt(line.substring(16))).findFirst().orElse(0);
        bytes.write(in.readNBytes(length));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
