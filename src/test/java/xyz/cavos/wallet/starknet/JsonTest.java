package xyz.cavos.wallet.starknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link Json} against Jackson's object mapper, which the wallet read and wrote its JSON with before. */
class JsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<String> texts() {
        return List.of(
                "{}", "[]", "0", "-1", "2147483647", "2147483648", "-9223372036854775808", "9223372036854775808",
                "123456789012345678901234567890", "1.5", "-0.0", "1e3", "2.5E-7", "true", "false", "null", "\"\"",
                "\"é ü \\u00ff \\u20ac \\ud83d\\ude00 \\\"quoted\\\" \\\\ \\n\\t\"",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":[\"0x1\",{\"block_number\":812,\"timestamp\":1764000000}]}",
                "{\"a\":1,\"a\":2}", "{\"nested\":{\"empty\":{},\"list\":[[],[null,[true]]]}}",
                "  {\"spaced\" : [ 1 , 2 ] }  \n", "{\"big\":1234567890123456789012345678901234567890.25}");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void readsWhatTheMapperReads(String text) throws Exception {
        JsonNode ours = Json.read(text);
        JsonNode mappers = MAPPER.readTree(text);
        assertThat(ours).isEqualTo(mappers);
        assertThat(ours.getNodeType()).isEqualTo(mappers.getNodeType());
        if (ours.isNumber()) {
            assertThat(ours.numberType()).isEqualTo(mappers.numberType());
        }
        assertThat(Json.read(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(mappers);
        assertThat(Json.read(text.getBytes(StandardCharsets.UTF_16))).isEqualTo(mappers);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void writesWhatTheMapperWrites(String text) throws Exception {
        JsonNode tree = MAPPER.readTree(text);
        assertThat(Json.write(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
        assertThat(Json.writePretty(tree)).isEqualTo(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        assertThat(Json.prettyBytes(tree)).isEqualTo(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));
        assertThat(Json.read(Json.write(tree))).isEqualTo(tree);
    }

    @Test
    void writesNodesBuiltInCodeAsTheMapperDoes() throws Exception {
        var root = Json.object().put("text", "a\u0000b").put("int", 3).put("long", 1L << 40)
                .put("exact", new BigDecimal("0.10")).put("big", BigInteger.TWO.pow(200)).put("float", 0.25f)
                .put("double", 1.0 / 3).putNull("none").put("bytes", new byte[] {1, 2, 3});
        root.set("list", Json.array().add(1).add("two").add(Json.object()));
        assertThat(Json.write(root)).isEqualTo(MAPPER.writeValueAsString(root));
        assertThat(Json.writePretty(root)).isEqualTo(MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    }

    @Test
    void readsUtf8BytesAfterAByteOrderMark() throws Exception {
        byte[] json = "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[json.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(json, 0, marked, 3, json.length);
        assertThat(Json.read(marked)).isEqualTo(MAPPER.readTree(json));
        assertThatThrownBy(() -> Json.read(new byte[] {'"', (byte) 0xC3, '"'})).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void emptyTextIsAMissingValue() throws Exception {
        assertThat(Json.read("").isMissingNode()).isTrue();
        assertThat(Json.read(" \n\t").isMissingNode()).isTrue();
        assertThat(Json.read(new byte[0]).isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "[1,]", "{} {}", "[] x", "1 2", "\"open", "{\"a\":1}}", "tru", "NaN", "'single'",
            "{a:1}", "[1] // comment", "01", "-01", "-", "1.", "1e", "1e+", ".5", "+1", "\"a\u0001b\"", "\"tab\there\"",
            "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\u\uff10\u0660\u0034\u0031\"", "[1 2]", "{\"a\" 1}", "{\"a\":1,}",
            "{1:2}", "nul", "truex"})
    void refusesWhatIsNotOneJsonValue(String text) {
        assertThatThrownBy(() -> Json.read(text)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.read(text.getBytes(StandardCharsets.UTF_8))).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void refusesNestingBeyondTheParsersBoundWithoutOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> Json.read(deep)).isInstanceOf(JsonProcessingException.class).hasMessageContaining("nesting depth");
    }

    /** A refusal says what and where, never what the text held: a token's JSON holds its private key. */
    @Test
    void aRefusalQuotesNothingOfTheText() {
        String key = "0x4c0883a69102937d6231471b5dbb6204fe512961708279f2e3e8a5d4b8e3e2f1";
        for (String text : List.of("{\"sessionPrivateKey\":\"" + key + "\" x", "{\"sessionPrivateKey\":" + key + "}",
                "{\"sessionPrivateKey\":\"" + key + "\\q\"}", "[\"" + key + "\"" + "]".repeat(2), "{" + key + "}",
                "\"" + key + "\u0007\"")) {
            assertThatThrownBy(() -> Json.read(text)).isInstanceOf(JsonProcessingException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key.substring(2, 12)).doesNotContain("sessionPrivateKey")
                            .matches("[A-Za-z0-9 ,'{}\\[\\]:]+ \\(at character \\d+\\)"));
        }
    }

    /** The reader keeps its own stack: the deepest nesting allowed reads on a thread with a small stack. */
    @Test
    void readsNestingUpToTheBoundOnASmallStack() throws Exception {
        String deepest = "[{\"a\":".repeat(Json.MAX_DEPTH / 2) + "1" + "}]".repeat(Json.MAX_DEPTH / 2);
        String deeper = "[" + deepest + "]";
        Object[] outcome = new Object[2];
        Thread reader = new Thread(null, () -> {
            try {
                outcome[0] = Json.read(deepest);
                Json.read(deeper);
            } catch (Throwable e) {
                outcome[1] = e;
            }
        }, "small stack", 128 * 1024);
        reader.start();
        reader.join();
        assertThat(outcome[0]).isEqualTo(MAPPER.readTree(deepest));
        assertThat((Throwable) outcome[1]).isInstanceOf(JsonProcessingException.class).hasMessageContaining("nesting depth exceeds");
    }

    @Test
    void refusesAnOverlongNumber() {
        String digits = "9".repeat(2_000);
        assertThatThrownBy(() -> Json.read(digits)).isInstanceOf(JsonProcessingException.class);
    }
}
