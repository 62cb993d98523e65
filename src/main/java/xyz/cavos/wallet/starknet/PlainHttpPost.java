package xyz.cavos.wallet.starknet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One POST over plain HTTP/1.1 on a fresh connection, for a node at an {@code http://} address (a local sandbox,
 * devnet or node). It needs no TLS, so a short command does not set up the JDK's TLS, cipher and HTTP-client
 * machinery to read a node on this computer. Everything the node sends is bounded: the status line and each header
 * line, the number of headers and trailers, the body ({@code maxBodyBytes}) and the time, one deadline for connecting
 * and the whole reply (the host name's lookup and the sending of a request, a few kilobytes, are not timed). The
 * connection is closed after each reply ({@code Connection: close}).
 *
 * <p>The failures are those of the JDK's HTTP client, so that {@link NodeConnection} reports both alike:
 * {@link HttpConnectTimeoutException}, {@link HttpTimeoutException}, {@link ConnectException} for any failure to
 * connect (with an {@link UnknownHostException} as its cause for a name that does not resolve), {@link NodeConnection.BodyTooLarge},
 * {@link InterruptedException} (noticed between reads: a read waits at most until the deadline, or until
 * {@link #close()}), or another {@link IOException} for a reply that broke off or is not HTTP.
 */
final class PlainHttpPost implements AutoCloseable {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;

    private final URI endpoint;
    private final Duration connectTimeout;
    private final int maxBodyBytes;
    private final Set<Socket> open = Collections.newSetFromMap(new ConcurrentHashMap<>());
    private volatile boolean closed;

    PlainHttpPost(URI endpoint, Duration connectTimeout, int maxBodyBytes) {
        this.endpoint = endpoint;
        this.connectTimeout = connectTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Sends {@code body} as JSON with {@code headers}; the reply must be whole within {@code limit}. */
    HttpReply post(String body, Map<String, String> headers, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        headers.forEach((name, value) -> {
            // a token for the name; for the value, visible Latin-1 characters, spaces and tabs (no line breaks)
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || !value.chars().allMatch(c -> c == '\t' || (c >= ' ' && c != 0x7f && c <= 0xff))) {
                throw new IllegalArgumentException("An HTTP header's name or value is not valid (a line break or a control character?)");
            }
        });
        if (closed) {
            throw new IOException("the connection to the node was closed");
        }
        InetSocketAddress address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort() >= 0 ? endpoint.getPort() : 80);
        if (address.isUnresolved()) {
            throw (ConnectException) new ConnectException("the host name does not resolve")
                    .initCause(new UnknownHostException(endpoint.getHost()));
        }
        // a Socket, not a SocketChannel: opening a channel looks up its provider among every jar's services
        Socket socket = new Socket();
        open.add(socket);
        try {
            if (closed) { // close() may have gone through the open sockets before this one was added
                throw new IOException("the connection to the node was closed");
            }
            int connectMillis = (int) Math.max(1, Math.min(connectTimeout.toMillis(), millisLeft(deadline, true)));
            try {
                socket.connect(address, connectMillis);
                socket.setTcpNoDelay(true); // the request goes out whole, then the reply is awaited
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("no connection within the time allowed");
            } catch (IOException e) {
                if (closed || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                // refused, no route, network unreachable: nothing was sent (as the JDK's client reports it)
                throw (ConnectException) new ConnectException("could not connect: " + e.getMessage()).initCause(e);
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder()
                    .append("POST ").append(target()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(hostHeader()).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Accept: application/json\r\n")
                    .append("Content-Length: ").append(content.length).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = java.util.Arrays.copyOf(headBytes, headBytes.length + content.length);
            System.arraycopy(content, 0, request, headBytes.length, content.length);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return read(new Reader(socket, deadline));
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted();
            }
            throw e;
        } finally {
            open.remove(socket);
            socket.close();
        }
    }

    /** Closes the connections in use: an exchange waiting on one ends at once, and no other begins. */
    @Override
    public void close() {
        closed = true;
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private HttpReply read(Reader in) throws IOException {
        int status;
        Map<String, String> headers;
        do { // 1xx replies (100 Continue) come before the real one
            status = statusOf(in.line());
            headers = headers(in);
        } while (status / 100 == 1);
        byte[] body;
        if (status == 204 || status == 304) {
            body = new byte[0]; // no body, whatever the headers say
        } else if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            long length;
            try {
                length = Long.parseLong(headers.get("content-length").strip());
            } catch (NumberFormatException e) {
                throw new IOException("the reply's Content-Length is not a number");
            }
            if (length < 0) {
                throw new IOException("the reply's Content-Length is negative");
            }
            if (length > maxBodyBytes) {
                throw new NodeConnection.BodyTooLarge(maxBodyBytes);
            }
            body = in.exactly((int) length);
        } else {
            body = in.untilEnd(maxBodyBytes);
        }
        return new HttpReply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static int statusOf(String line) throws IOException {
        // HTTP/1.1 200 OK
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3) {
            throw new IOException("the reply is not HTTP");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the reply's status is not a number");
        }
    }

    private static Map<String, String> headers(Reader in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = in.line();
            if (line.isEmpty()) {
                return headers;
            }
            if (count == MAX_HEADERS) {
                throw new IOException("the reply has more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
    }

    private byte[] chunked(Reader in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = in.line();
            int extension = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a chunk of the reply has no valid size");
            }
            if (size < 0) {
                throw new IOException("a chunk of the reply has no valid size");
            }
            if (body.size() + size > maxBodyBytes) {
                throw new NodeConnection.BodyTooLarge(maxBodyBytes);
            }
            if (size == 0) {
                headers(in); // trailers, bounded like headers, ignored
                return body.toByteArray();
            }
            body.write(in.exactly((int) size));
            if (!in.line().isEmpty()) {
                throw new IOException("a chunk of the reply is longer than its size");
            }
        }
    }

    private String target() {
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        return endpoint.getRawQuery() == null ? path : path + "?" + endpoint.getRawQuery();
    }

    private String hostHeader() {
        String host = endpoint.getHost().contains(":") && !endpoint.getHost().startsWith("[") ? "[" + endpoint.getHost() + "]" : endpoint.getHost();
        return endpoint.getPort() >= 0 ? host + ":" + endpoint.getPort() : host;
    }

    private static long millisLeft(long deadline, boolean connecting) throws HttpTimeoutException, HttpConnectTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw connecting ? new HttpConnectTimeoutException("no time left to connect")
                    : new HttpTimeoutException("the whole reply did not arrive in time");
        }
        return left;
    }

    private static InterruptedException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedException("interrupted while waiting for the reply");
    }

    /** Reads the reply through a small buffer, each read waiting at most until the deadline. */
    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;

        Reader(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        /** Whether more bytes came; false at the end of the stream. */
        private boolean fill() throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("interrupted"); // post turns it into an InterruptedException
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millisLeft(deadline, false)));
            int read;
            try {
                read = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new HttpTimeoutException("the whole reply did not arrive in time");
            }
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        /** One line without its CR LF, at most {@link #MAX_LINE} bytes. */
        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                if (position == limit && !fill()) {
                    throw new IOException("the reply broke off");
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
                }
                if (line.size() == MAX_LINE) {
                    throw new IOException("a line of the reply's head is longer than " + MAX_LINE + " bytes");
                }
                line.write(b);
            }
        }

        byte[] exactly(int length) throws IOException {
            byte[] bytes = new byte[length];
            int done = 0;
            while (done < length) {
                if (position == limit && !fill()) {
                    throw new IOException("the reply broke off");
                }
                int n = Math.min(length - done, limit - position);
                System.arraycopy(buffer, position, bytes, done, n);
                position += n;
                done += n;
            }
            return bytes;
        }

        byte[] untilEnd(int max) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (position < limit || fill()) {
                if (bytes.size() + (limit - position) > max) {
                    throw new NodeConnection.BodyTooLarge(max);
                }
                bytes.write(buffer, position, limit - position);
                position = limit;
            }
            return bytes.toByteArray();
        }
    }
}
