package xyz.cavos.wallet.starknet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * JSON text to and from Jackson's tree: read by a reader of our own ({@link Reader}), written by Jackson's
 * streaming generator. Every file, token, RPC reply and {@code --json} result the wallet reads or writes goes
 * through here, so that a command never sets up Jackson's object mapper (its first use costs a command-line start
 * a tenth of its time). A tree is never turned into text by its {@code toString}, which sets the mapper up too.
 *
 * <p>Reading is strict: one JSON value and nothing after it, within bounds on nesting and number length. Numbers
 * read as the smallest node that holds them exactly (int, long, big integer), and fractions as doubles, as
 * Jackson's mapper reads them. Writing gives the same text as the mapper: compact, or
 * indented by two spaces with {@code " : "} after a name.
 */
public final class Json {

    /** The deepest nesting read, as Jackson's parser allows by default. */
    static final int MAX_DEPTH = 1000;
    /** The longest number read, in characters, as Jackson's parser allows by default. */
    static final int MAX_NUMBER_CHARS = 1000;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** A new, empty JSON object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new, empty JSON array. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The value in {@code text}; a missing node when the text is empty or blank. */
    public static JsonNode read(String text) throws JsonProcessingException {
        return new Reader(text).readAll();
    }

    /**
     * The value in {@code bytes}: UTF-8 (a byte-order mark is skipped), or UTF-16 with a byte-order mark; a missing
     * node when there is none.
     */
    public static JsonNode read(byte[] bytes) throws JsonProcessingException {
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        boolean utf8Mark = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        try {
            CharBuffer text = (utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, utf8Mark ? 3 : 0, bytes.length - (utf8Mark ? 3 : 0)));
            return read(text.toString());
        } catch (CharacterCodingException e) {
            throw new JsonParseException(null, "JSON bytes that are not " + (utf16 ? "UTF-16" : "UTF-8"));
        }
    }

    /**
     * A strict reader of RFC 8259 JSON text. It is the wallet's own, not Jackson's parser, whose set-up builds
     * {@code BigDecimal}'s tables (tens of milliseconds of a command-line start). Its bounds: {@value #MAX_DEPTH}
     * levels of nesting and numbers of {@value #MAX_NUMBER_CHARS} characters, as Jackson's defaults. A message
     * never quotes the text, which may hold a key.
     */
    private static final class Reader {

        private final String text;
        private int at;
        private int depth;

        Reader(String text) {
            this.text = text;
        }

        JsonNode readAll() throws JsonParseException {
            skipBlanks();
            if (at == text.length()) {
                return MissingNode.getInstance();
            }
            JsonNode value = value();
            skipBlanks();
            if (at < text.length()) {
                throw failure("text after the JSON value");
            }
            return value;
        }

        /**
         * The value at {@code at}, read with a stack of the arrays and objects still open rather than by recursion, so
         * that deep nesting is refused by the bound, never by the thread's stack.
         */
        private JsonNode value() throws JsonParseException {
            ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
            ArrayDeque<String> names = new ArrayDeque<>(); // the name of each open object's field being read
            while (true) {
                JsonNode value;
                char c = at < text.length() ? text.charAt(at) : 0;
                if (c == '{' || c == '[') {
                    if (++depth > MAX_DEPTH) {
                        throw failure("the nesting depth exceeds " + MAX_DEPTH);
                    }
                    at++;
                    ContainerNode<?> container = c == '{' ? NODES.objectNode() : NODES.arrayNode();
                    skipBlanks();
                    if (!next(c == '{' ? '}' : ']')) {
                        open.push(container);
                        if (c == '{') {
                            names.push(fieldName());
                        }
                        continue; // to its first value
                    }
                    depth--;
                    value = container;
                } else {
                    value = scalar();
                }
                // the value is whole: put it in the innermost open container, and close those that end here
                while (true) {
                    ContainerNode<?> parent = open.peek();
                    if (parent == null) {
                        return value;
                    }
                    boolean object = parent.isObject();
                    if (object) {
                        ((ObjectNode) parent).set(names.pop(), value);
                    } else {
                        ((ArrayNode) parent).add(value);
                    }
                    skipBlanks();
                    if (next(',')) {
                        skipBlanks();
                        if (object) {
                            names.push(fieldName());
                        }
                        break; // to the next value
                    }
                    if (!next(object ? '}' : ']')) {
                        throw failure(object ? "',' or '}' expected in an object" : "',' or ']' expected in an array");
                    }
                    open.pop();
                    depth--;
                    value = parent;
                }
            }
        }

        /** A field's name, its colon and the blanks up to its value. */
        private String fieldName() throws JsonParseException {
            if (at == text.length() || text.charAt(at) != '"') {
                throw failure("a field name in double quotes expected");
            }
            String name = string();
            skipBlanks();
            if (!next(':')) {
                throw failure("':' expected after a field name");
            }
            skipBlanks();
            return name;
        }

        /** A string, number, true, false or null at {@code at}. */
        private JsonNode scalar() throws JsonParseException {
            if (at == text.length()) {
                throw failure("the text ends where a value should be");
            }
            char c = text.charAt(at);
            switch (c) {
                case '"':
                    return NODES.textNode(string());
                case 't':
                    word("true");
                    return NODES.booleanNode(true);
                case 'f':
                    word("false");
                    return NODES.booleanNode(false);
                case 'n':
                    word("null");
                    return NODES.nullNode();
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw failure("a character that starts no JSON value");
            }
        }

        private String string() throws JsonParseException {
            at++; // the opening quote
            StringBuilder value = null;
            int run = at;
            while (true) {
                if (at >= text.length()) {
                    throw failure("a string is not closed");
                }
                char c = text.charAt(at);
                if (c == '"') {
                    String tail = text.substring(run, at++);
                    return value == null ? tail : value.append(tail).toString();
                } else if (c < 0x20) {
                    throw failure("a control character inside a string");
                } else if (c == '\\') {
                    if (value == null) {
                        value = new StringBuilder();
                    }
                    value.append(text, run, at);
                    value.append(escape());
                    run = at;
                } else {
                    at++;
                }
            }
        }

        /** The character of the escape at {@code at}, which moves past it. */
        private char escape() throws JsonParseException {
            if (at + 1 >= text.length()) {
                throw failure("a string is not closed");
            }
            char kind = text.charAt(at + 1);
            at += 2;
            return switch (kind) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw failure("a \\u escape needs four hex digits");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = hexDigit(text.charAt(at + i));
                        if (digit < 0) {
                            throw failure("a \\u escape needs four hex digits");
                        }
                        code = code * 16 + digit;
                    }
                    at += 4;
                    yield (char) code;
                }
                default -> throw failure("an unknown escape after a backslash");
            };
        }

        private JsonNode number() throws JsonParseException {
            int start = at;
            next('-');
            if (next('0')) {
                if (at < text.length() && isDigit(text.charAt(at))) {
                    throw failure("a number with a leading zero");
                }
            } else if (!digits()) {
                throw failure("a '-' without digits");
            }
            boolean integral = true;
            if (next('.')) {
                integral = false;
                if (!digits()) {
                    throw failure("a decimal point without digits after it");
                }
            }
            if (next('e') || next('E')) {
                integral = false;
                if (!next('+')) {
                    next('-');
                }
                if (!digits()) {
                    throw failure("an exponent without digits");
                }
            }
            if (at - start > MAX_NUMBER_CHARS) {
                throw failure("a number longer than " + MAX_NUMBER_CHARS + " characters");
            }
            String number = text.substring(start, at);
            if (!integral) {
                return NODES.numberNode(Double.parseDouble(number));
            }
            int length = number.length() - (number.charAt(0) == '-' ? 1 : 0);
            if (length < 10) {
                return NODES.numberNode(Integer.parseInt(number));
            }
            if (length < 19) {
                long value = Long.parseLong(number);
                return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
            }
            BigInteger value = new BigInteger(number);
            return value.bitLength() <= 31 ? NODES.numberNode(value.intValue())
                    : value.bitLength() <= 63 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
        }

        private boolean digits() {
            int start = at;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
            return at > start;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private void word(String word) throws JsonParseException {
            if (!text.startsWith(word, at)) {
                throw failure("an unknown word (true, false or null expected)");
            }
            at += word.length();
        }

        private boolean next(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void skipBlanks() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                at++;
            }
        }

        /** The value of an ASCII hex digit, else -1 (other scripts' digits are not JSON's). */
        private static int hexDigit(char c) {
            return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }

        private JsonParseException failure(String what) {
            return new JsonParseException(null, what + " (at character " + (at + 1) + ")");
        }
    }

    /** {@code node} as compact JSON text. */
    public static String write(JsonNode node) {
        return text(node, false);
    }

    /** {@code node} as indented JSON text. */
    public static String writePretty(JsonNode node) {
        return text(node, true);
    }

    /** {@code node} as indented JSON in UTF-8, as the wallet's files hold it. */
    public static byte[] prettyBytes(JsonNode node) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
            generator.setPrettyPrinter(new DefaultPrettyPrinter());
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(JsonNode node, boolean pretty) {
        Writer text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            if (pretty) {
                generator.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case BINARY -> generator.writeBinary(node.binaryValue());
            default -> throw new IllegalArgumentException("not writable as JSON: a " + node.getNodeType() + " node");
        }
    }
}
