package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many JSON-RPC requests arrived, by exact HTTP path and method; a batch counts each of its requests.
 * Counted on arrival, whatever then answered them. Admin methods are not counted.
 */
final class RequestCounts {

    private final Map<String, Map<String, LongAdder>> byPath = new ConcurrentHashMap<>();

    void arrived(String path, JsonNode request) {
        if (request.isArray()) {
            request.forEach(item -> arrivedOne(path, item));
        } else {
            arrivedOne(path, request);
        }
    }

    private void arrivedOne(String path, JsonNode request) {
        JsonNode method = request.path("method");
        if (method.isTextual() && !SandboxRpc.isAdmin(method.asText())) {
            byPath.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).computeIfAbsent(method.asText(), m -> new LongAdder())
                    .increment();
        }
    }

    /** Requests for {@code method} on every path that starts with {@code pathPrefix}. */
    long count(String pathPrefix, String method) {
        long total = 0;
        for (Map.Entry<String, Map<String, LongAdder>> path : byPath.entrySet()) {
            LongAdder n = path.getKey().startsWith(pathPrefix) ? path.getValue().get(method) : null;
            total += n == null ? 0 : n.sum();
        }
        return total;
    }

    /** Path, then method, then count, both sorted. */
    Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        byPath.forEach((path, methods) -> {
            Map<String, Long> counts = new TreeMap<>();
            methods.forEach((method, n) -> counts.put(method, n.sum()));
            out.put(path, counts);
        });
        return out;
    }
}
