package xyz.cavos.wallet.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Json;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.SessionState;

/**
 * A result record as the {@code --json} envelope's {@code data}: its components in order, by name.
 * Felts are hex, raw amounts decimal strings, times ISO-8601 UTC, session states lower case; an empty optional
 * or a null is left out. A component marked {@link JsonUnwrapped} has its own components written in its place,
 * one marked {@link JsonProperty} is written under that name, and a method marked {@link JsonProperty} adds a
 * value after the components.
 */
final class ResultJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultJson() {
    }

    static ObjectNode of(Record result) {
        ObjectNode object = Json.object();
        putComponents(object, result);
        return object;
    }

    /** A value of a record as it is written: under {@code name}, or, {@code unwrapped}, as its own components. */
    private record Property(String name, Method getter, boolean unwrapped) {
    }

    /** Each record class's properties in order, read once per class: its components, then its marked methods. */
    private static final ClassValue<List<Property>> PROPERTIES = new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
            List<Property> properties = new ArrayList<>();
            Set<String> accessors = new HashSet<>();
            for (RecordComponent component : type.getRecordComponents()) {
                // the annotations of a component are on its accessor: Jackson's do not apply to record components
                Method accessor = component.getAccessor();
                accessors.add(accessor.getName());
                properties.add(new Property(name(accessor), accessor, accessor.isAnnotationPresent(JsonUnwrapped.class)));
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!accessors.contains(method.getName()) && method.getParameterCount() == 0 && method.isAnnotationPresent(JsonProperty.class)) {
                    properties.add(new Property(name(method), method, false));
                }
            }
            return List.copyOf(properties);
        }
    };

    private static void putComponents(ObjectNode object, Record record) {
        for (Property property : PROPERTIES.get(record.getClass())) {
            Object value = invoke(property.getter(), record);
            if (property.unwrapped() && value instanceof Record inner) {
                putComponents(object, inner);
            } else {
                put(object, property.name(), value);
            }
        }
    }

    private static String name(Method accessor) {
        JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
        return renamed == null || renamed.value().isEmpty() ? accessor.getName() : renamed.value();
    }

    private static void put(ObjectNode object, String name, Object value) {
        JsonNode node = node(value);
        if (node != null) {
            object.set(name, node);
        }
    }

    /** The JSON of one value; null for a value that is left out. (A chain of tests, not a switch on types, whose set-up costs a start.) */
    private static JsonNode node(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof Optional<?> optional) {
            return optional.map(ResultJson::node).orElse(null);
        } else if (value instanceof OptionalLong optional) {
            return optional.isPresent() ? NODES.numberNode(optional.getAsLong()) : null;
        } else if (value instanceof String text) {
            return NODES.textNode(text);
        } else if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        } else if (value instanceof Integer number) {
            return NODES.numberNode(number);
        } else if (value instanceof Long number) {
            return NODES.numberNode(number);
        } else if (value instanceof Felt felt) {
            return NODES.textNode(felt.toHex());
        } else if (value instanceof U256 amount) {
            return NODES.textNode(amount.toString());
        } else if (value instanceof Instant time) {
            return NODES.textNode(Render.iso(time));
        } else if (value instanceof SessionState state) {
            return NODES.textNode(state.name().toLowerCase(Locale.ROOT));
        } else if (value instanceof Collection<?> values) {
            ArrayNode array = Json.array();
            values.forEach(element -> array.add(element == null ? NODES.nullNode() : node(element)));
            return array;
        } else if (value instanceof Record record) {
            return of(record);
        }
        throw new IllegalArgumentException("a result holds a " + value.getClass().getName() + ", which has no JSON form");
    }

    private static Object invoke(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }
}
