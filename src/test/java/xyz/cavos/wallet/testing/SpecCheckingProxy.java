package xyz.cavos.wallet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A loopback proxy in front of a real node or paymaster: it passes every request through and checks each Starknet or
 * SNIP-29 method's params and each result or error against the OpenRPC schemas (0.10.2, and the paymaster API), so a
 * test that talks through it proves both sides speak the spec.
 */
public final class SpecCheckingProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Passed on to a paymaster, so that sponsored requests can be checked too. */
    private static final String PAYMASTER_KEY_HEADER = "x-paymaster-api-key";

    private final URI target;
    private final LoopbackServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> methodsChecked = Collections.synchronizedSet(new TreeSet<>());

    public SpecCheckingProxy(URI target) {
        this.target = target;
        server = new LoopbackServer(this::handle);
    }

    public URI uri() {
        return server.rpcUri();
    }

    public List<String> specProblems() {
        return List.copyOf(problems);
    }

    /** The Starknet methods that went through and were checked. */
    public Set<String> methodsChecked() {
        return Set.copyOf(methodsChecked);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst(PAYMASTER_KEY_HEADER);
            var forwarded = LoopbackServer.forward(http, target, body, key == null ? Map.of() : Map.of(PAYMASTER_KEY_HEADER, key));
            if (forwarded.isEmpty()) {
                return; // the node dropped the connection: drop ours too
            }
            HttpResponse<byte[]> response = forwarded.get();
            check(body, response.body());
            exchange.sendResponseHeaders(response.statusCode(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private void check(byte[] requestBody, byte[] replyBody) {
        JsonNode request;
        JsonNode reply;
        try {
            request = JSON.readTree(requestBody);
            reply = JSON.readTree(replyBody);
        } catch (IOException e) {
            return; // injected garbage is the client's business, not the spec's
        }
        List<JsonNode> requests = new ArrayList<>();
        if (request.isArray()) {
            request.forEach(requests::add);
        } else {
            requests.add(request);
        }
        Map<String, JsonNode> replies = new HashMap<>();
        (reply.isArray() ? reply : JSON.createArrayNode().add(reply)).forEach(r -> replies.put(r.path("id").toString(), r));
        OpenRpcSpec spec = OpenRpcSpec.get();
        for (JsonNode item : requests) {
            String method = item.path("method").asText();
            if (!spec.knows(method)) {
                continue;
            }
            methodsChecked.add(method);
            problems.addAll(spec.validateParams(method, item.path("params")));
            JsonNode answer = replies.get(item.path("id").toString());
            if (answer == null) {
                problems.add(method + ": no answer in the reply");
            } else if (answer.has("error")) {
                problems.addAll(spec.validateError(method, answer.get("error")));
            } else {
                problems.addAll(spec.validateResult(method, answer.get("result")));
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
