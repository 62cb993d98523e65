package xyz.cavos.wallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Json;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.SessionState;

/**
 * Every result type, with every optional present and then every one absent, written by {@link ResultJson} and by
 * Jackson's object mapper set up as {@code --json} used it before (the same annotations, serializers and rule
 * for absent values): the same fields, in the same order, with the same values.
 */
class ResultJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new Jdk8Module())
            .registerModule(new SimpleModule("results")
                    .addSerializer(Felt.class, asString(Felt::toHex))
                    .addSerializer(U256.class, asString(U256::toString))
                    .addSerializer(Instant.class, asString(Render::iso))
                    .addSerializer(SessionState.class, asString(state -> state.name().toLowerCase(Locale.ROOT))))
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);

    private static <T> JsonSerializer<T> asString(Function<T, String> text) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(text.apply(value));
            }
        };
    }

    static Stream<Arguments> results() {
        return Arrays.stream(CommandResult.class.getPermittedSubclasses())
                .flatMap(type -> Stream.of(Arguments.of(type.getSimpleName() + ", all present", sample(type, true)),
                        Arguments.of(type.getSimpleName() + ", optionals absent", sample(type, false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("results")
    void writesEachResultAsJacksonDid(String what, Record result) throws Exception {
        JsonNode ours = Output.data((CommandResult) result);
        JsonNode jacksons = JACKSON.valueToTree(result);
        assertThat(Json.writePretty(ours)).isEqualTo(JACKSON.writeValueAsString(jacksons));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("results")
    void leavesNoFieldEmptyOrNull(String what, Record result) {
        JsonNode ours = Output.data((CommandResult) result);
        assertThat(ours.isObject()).isTrue();
        ours.properties().forEach(field -> assertThat(field.getValue().isNull()).as(field.getKey()).isFalse());
    }

    /** A value of every component: distinct text per name, a fixed felt, time and amount; optionals by {@code present}. */
    private static Object sample(Type type, String name, boolean present) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        Type argument = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
        if (raw == String.class) {
            return name + " text";
        } else if (raw == boolean.class || raw == Boolean.class) {
            return name.length() % 2 == 0;
        } else if (raw == int.class) {
            return name.length();
        } else if (raw == long.class) {
            return 10_000_000_000L + name.length();
        } else if (raw == Felt.class) {
            return Felt.of(BigInteger.TWO.pow(200).add(BigInteger.valueOf(name.length())));
        } else if (raw == U256.class) {
            return U256.of(BigInteger.TWO.pow(130).add(BigInteger.valueOf(name.length())));
        } else if (raw == Instant.class) {
            return Instant.ofEpochSecond(1_764_000_000L + name.length());
        } else if (raw == SessionState.class) {
            return SessionState.EXPIRING_SOON;
        } else if (raw == Optional.class) {
            return present ? Optional.of(sample(argument, name, true)) : Optional.empty();
        } else if (raw == OptionalLong.class) {
            return present ? OptionalLong.of(name.length()) : OptionalLong.empty();
        } else if (raw == List.class) {
            List<Object> list = new ArrayList<>();
            if (present) {
                list.add(sample(argument, name + "[0]", true));
                list.add(sample(argument, name + "[1]", false));
            }
            return list;
        } else if (raw.isRecord()) {
            return sample(raw, present);
        }
        throw new AssertionError("no sample for " + type + " (" + name + "): add one");
    }

    private static Record sample(Class<?> type, boolean present) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = sample(components[i].getGenericType(), components[i].getName(), present);
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return (Record) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make a " + type.getSimpleName(), e);
        }
    }
}
