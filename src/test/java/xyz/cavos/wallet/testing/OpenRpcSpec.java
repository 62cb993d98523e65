package xyz.cavos.wallet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Starknet JSON-RPC 0.10.2 OpenRPC documents and the SNIP-29 paymaster API (copied into test resources) as a
 * validator: the params of a request and the result or error of a reply, method by method.
 */
public final class OpenRpcSpec {

    private static final String BASE = "classpath:openrpc/";
    private static final List<String> FILES = List.of(
            "starknet_api_openrpc.json", "starknet_write_api.json", "starknet_trace_api_openrpc.json", "paymaster_api.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final OpenRpcSpec INSTANCE = new OpenRpcSpec();

    private record Method(String file, int index, JsonNode node) {
    }

    private final Map<String, Method> methods = new HashMap<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory;

    private OpenRpcSpec() {
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(BASE + "api/", BASE)));
        for (String file : FILES) {
            JsonNode document = read(file);
            JsonNode list = document.get("methods");
            for (int i = 0; i < list.size(); i++) {
                methods.put(list.get(i).get("name").asText(), new Method(file, i, list.get(i)));
            }
        }
    }

    public static OpenRpcSpec get() {
        return INSTANCE;
    }

    public boolean knows(String method) {
        return methods.containsKey(method);
    }

    /** Problems with a request's named params: unknown or missing params, or params off their schema. */
    public List<String> validateParams(String methodName, JsonNode params) {
        Method method = method(methodName);
        List<String> problems = new ArrayList<>();
        JsonNode declared = method.node().get("params");
        Set<String> known = new java.util.HashSet<>();
        for (int j = 0; j < declared.size(); j++) {
            JsonNode param = declared.get(j);
            String name = param.get("name").asText();
            known.add(name);
            JsonNode value = params.get(name);
            if (value == null) {
                if (param.path("required").asBoolean(false)) {
                    problems.add(methodName + ": missing required param " + name);
                }
                continue;
            }
            String pointer = "#/methods/" + method.index() + "/params/" + j + "/schema";
            problems.addAll(validate(method.file(), pointer, value, methodName + " param " + name));
        }
        for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add(methodName + ": unknown param " + name);
            }
        }
        return problems;
    }

    public List<String> validateResult(String methodName, JsonNode result) {
        Method method = method(methodName);
        return validate(method.file(), "#/methods/" + method.index() + "/result/schema", result, methodName + " result");
    }

    /** An error reply must use a code the method declares (or a general JSON-RPC code) with data of its schema. */
    public List<String> validateError(String methodName, JsonNode error) {
        Method method = method(methodName);
        int code = error.path("code").asInt();
        List<String> problems = new ArrayList<>();
        if (!error.path("message").isTextual()) {
            problems.add(methodName + " error: message is not a string");
        }
        for (JsonNode ref : method.node().path("errors")) {
            String target = ref.path("$ref").asText();
            JsonNode definition = resolve(method.file(), target);
            if (definition.path("code").asInt() == code) {
                JsonNode dataSchema = definition.get("data");
                if (dataSchema != null && dataSchema.isTextual() && error.has("data")) {
                    // SNIP-29 writes a plain type name ("string") where a schema would be
                    if ("string".equals(dataSchema.asText()) && !error.get("data").isTextual()) {
                        problems.add(methodName + " error " + code + " data: not a string");
                    }
                } else if (dataSchema != null && error.has("data")) {
                    String file = target.startsWith("./api/") ? FILES.getFirst() : method.file();
                    String pointer = "#" + target.substring(target.indexOf('#') + 1) + "/data";
                    problems.addAll(validate(file, pointer, error.get("data"), methodName + " error " + code + " data"));
                }
                return problems;
            }
        }
        if (code > -32800 && code <= -32000) {
            return problems; // JSON-RPC's own codes (parse error, invalid params, …)
        }
        problems.add(methodName + ": error code " + code + " is not one the method declares");
        return problems;
    }

    private JsonNode resolve(String file, String ref) {
        String target = ref.startsWith("./api/") ? FILES.getFirst() : file;
        String pointer = ref.substring(ref.indexOf('#') + 1);
        return read(target).at(pointer);
    }

    private List<String> validate(String file, String pointer, JsonNode value, String what) {
        JsonSchema schema = schemas.computeIfAbsent(file + pointer,
                key -> factory.getSchema(SchemaLocation.of(BASE + file + pointer)));
        Set<ValidationMessage> messages = schema.validate(value);
        // The spec's oneOf branches overlap in places (a full block also fits the pre-confirmed block shape),
        // so matching more than one branch is not a defect; matching none still is.
        return messages.stream()
                .filter(m -> !("oneOf".equals(m.getType()) && m.getMessage().contains("but 2 are valid")))
                .map(m -> what + ": " + m.getMessage())
                .toList();
    }

    private Method method(String name) {
        Method method = methods.get(name);
        if (method == null) {
            throw new IllegalArgumentException("Not a method of the Starknet RPC spec or the paymaster API: " + name);
        }
        return method;
    }

    private static JsonNode read(String file) {
        return DOCUMENTS.computeIfAbsent(file, f -> {
            try (InputStream in = OpenRpcSpec.class.getResourceAsStream("/openrpc/" + f)) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
