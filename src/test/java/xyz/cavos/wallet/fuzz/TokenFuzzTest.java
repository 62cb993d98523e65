package xyz.cavos.wallet.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xyz.cavos.wallet.cavos.InvalidTokenException;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.TestResources;

/**
 * The session token as people paste it: {@link SessionToken#decode}. It either gives a token or refuses with an
 * {@link InvalidTokenException} that says what to do (export again from the dashboard) and never shows the
 * session's private key.
 *
 * <p>An input that starts with a control byte (0x01 to 0x1f) is a list of edits to the Cavos SDK's own export
 * (vectors/cavos-session.json, "sdk_default"): fields replaced, removed, given other types, the private key
 * respelled, then the Base64 text pasted with the blanks, quotes and breaks copying adds, or cut or damaged.
 * Any other input is the pasted text itself (UTF-8).
 */
class TokenFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode VECTOR = TestResources.json("vectors/cavos-session.json").get("tokens").get("sdk_default");
    private static final ObjectNode EXPORT = (ObjectNode) VECTOR.get("decoded");
    /** The private key of the vector, as the dashboard writes it: 0x and lowercase hex. */
    private static final String KEY = EXPORT.get("sessionPrivateKey").asText();
    private static final BigInteger KEY_VALUE = new BigInteger(KEY.substring(2), 16);
    /** How long a run of the key's digits counts as showing the key. */
    private static final int SHOWN_DIGITS = 16;
    private static final Pattern DIGITS = Pattern.compile("[0-9a-f]{" + SHOWN_DIGITS + ",}");

    private static final String[] FIELDS = {
        "sessionPrivateKey", "sessionPubKey", "nonceParams", "nonceParams.sessionPubKey", "nonceParams.validAfter",
        "nonceParams.validUntil", "nonceParams.renewalDeadline", "nonceParams.randomness", "nonce", "walletAddress",
        "addressSeed", "appSalt", "walletName", "network", "chainId", "rpcUrl", "sessionPolicy",
        "sessionPolicy.allowedContracts", "sessionPolicy.allowedContracts.0", "sessionPolicy.spendingLimits",
        "sessionPolicy.spendingLimits.0", "sessionPolicy.spendingLimits.0.token", "sessionPolicy.spendingLimits.0.limit",
        "sessionPolicy.maxCallsPerTx", "unknownField",
    };

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] input) throws JsonProcessingException {
        if (input.length > 0 && input[0] >= 0x01 && input[0] <= 0x1f) {
            decodeEditedExport(new Script(input));
        } else {
            decodePasted(new String(input, StandardCharsets.UTF_8));
        }
    }

    /** Any pasted text: a token, or a refusal that says what to do next. */
    private static void decodePasted(String pasted) {
        SessionToken[] token = new SessionToken[1];
        RuntimeException refusal = Refusals.check(pasted, () -> token[0] = SessionToken.decode(pasted), InvalidTokenException.class);
        if (refusal != null) {
            assertSaysWhatToDo(refusal.getMessage());
        } else {
            assertEquals(token[0].encode(), SessionToken.decode(token[0].encode()).encode(), "a re-export reads back as itself");
            assertTimesAreDates(token[0]);
        }
    }

    /** The validity window as the import summary and the app show it: dates. */
    private static void assertTimesAreDates(SessionToken token) {
        for (long time : new long[] {token.validAfter(), token.validUntil(), token.renewalDeadlineHint()}) {
            assertTrue(time >= 0 && time <= Instant.MAX.getEpochSecond(), "a unix time that is no date: " + time + " in " + token);
        }
    }

    /** The SDK's export, edited, then pasted: a token, or a refusal that does not show the private key. */
    private static void decodeEditedExport(Script script) throws JsonProcessingException {
        ObjectNode json = EXPORT.deepCopy();
        Paste paste = new Paste();
        for (int edits = 0; edits < 12 && script.hasMore(); edits++) {
            switch (script.pick(7)) {
                case 0 -> set(json, script.field(), json.textNode(script.text()));
                case 1 -> remove(json, script.field());
                case 2 -> set(json, script.field(), json.nullNode());
                case 3 -> set(json, script.field(), script.number(json));
                case 4 -> set(json, script.field(), script.structure(json));
                case 5 -> json.set("sessionPrivateKey", script.respelledKey(json));
                default -> paste.change(script);
            }
        }
        String text = JSON.writeValueAsString(json);
        byte[] bytes = latin1(text);
        String pasted = paste.apply(Base64.getEncoder().encodeToString(bytes));

        SessionToken[] token = new SessionToken[1];
        RuntimeException refusal = Refusals.check(text + "\npasted as " + pasted, () -> token[0] = SessionToken.decode(pasted),
                InvalidTokenException.class);
        List<String> secrets = secrets(json.get("sessionPrivateKey"));
        ObjectNode rest = json.deepCopy();
        rest.remove("sessionPrivateKey");
        String elsewhere = spellings(rest);
        if (refusal != null) {
            assertSaysWhatToDo(refusal.getMessage());
            assertShowsNoKey(refusal.getMessage(), secrets, elsewhere);
        } else {
            assertShowsNoKey(token[0].toString(), secrets, elsewhere);
            assertTimesAreDates(token[0]);
            if (!paste.damaged) {
                assertArrayEquals(bytes, Base64.getDecoder().decode(token[0].encode()), "a re-export gives back the JSON imported");
            }
        }
    }

    private static void assertSaysWhatToDo(String message) {
        assertTrue(message.contains("dashboard"), "says where to get a good token: " + message);
    }

    /**
     * No run of {@link #SHOWN_DIGITS} characters of the private key (hex, padded hex, decimal, or the text the
     * field held) in the text, unless another field of the token holds the same run and the text quotes that.
     */
    private static void assertShowsNoKey(String text, List<String> secrets, String elsewhere) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            for (int i = 0; i + SHOWN_DIGITS <= secret.length(); i++) {
                String run = secret.substring(i, i + SHOWN_DIGITS);
                if (lower.contains(run) && !elsewhere.contains(run)) {
                    throw new AssertionError("shows the session private key (" + run + "): " + text);
                }
            }
        }
    }

    /** Every value in the JSON as text, lowercase, numbers also in hex and decimal: what a message may quote. */
    private static String spellings(JsonNode json) throws JsonProcessingException {
        StringBuilder out = new StringBuilder(JSON.writeValueAsString(json).toLowerCase(Locale.ROOT));
        List<JsonNode> nodes = new ArrayList<>(List.of(json));
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.removeLast();
            node.forEach(nodes::add);
            String value = node.asText().strip().toLowerCase(Locale.ROOT);
            if (node.isValueNode() && value.length() <= 100 && value.matches("0x[0-9a-f]+|[0-9]+")) {
                BigInteger number = value.startsWith("0x") ? new BigInteger(value.substring(2), 16) : new BigInteger(value);
                out.append('\n').append(number.toString(16)).append('\n').append(number);
            }
        }
        return out.toString();
    }

    /**
     * The spellings of the private key the token may hold, lowercase: the vector's key in hex, padded hex and
     * decimal, and the runs of digits in what the field holds (a message's own words are not secret).
     */
    private static List<String> secrets(JsonNode key) {
        List<String> secrets = new ArrayList<>(List.of(KEY_VALUE.toString(16), String.format("%064x", KEY_VALUE), KEY_VALUE.toString()));
        if (key != null && key.isValueNode()) {
            String text = key.asText().toLowerCase(Locale.ROOT);
            Matcher digits = DIGITS.matcher(text);
            while (digits.find()) {
                secrets.add(digits.group());
            }
            if (text.strip().matches("0x[0-9a-f]{1,64}")) {
                BigInteger value = new BigInteger(text.strip().substring(2), 16);
                secrets.add(value.toString(16));
                secrets.add(value.toString());
            }
        }
        return secrets;
    }

    /** A JSON text as the SDK's {@code btoa} needs it: Latin-1, anything above U+00FF escaped. */
    private static byte[] latin1(String json) {
        StringBuilder out = new StringBuilder(json.length());
        json.chars().forEach(c -> out.append(c <= 0xFF ? Character.toString(c) : String.format("\\u%04x", c)));
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode parent = parent(root, parts);
        String last = parts[parts.length - 1];
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array && !array.isEmpty()) {
            array.set(0, value);
        }
    }

    private static void remove(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        JsonNode parent = parent(root, parts);
        if (parent instanceof ObjectNode object) {
            object.remove(parts[parts.length - 1]);
        } else if (parent instanceof ArrayNode array && !array.isEmpty()) {
            array.remove(0);
        }
    }

    private static JsonNode parent(ObjectNode root, String[] parts) {
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = node.isArray() ? (parts[i].equals("0") ? node.get(0) : null) : node.get(parts[i]);
        }
        return node;
    }

    /** Reads the edits from the fuzzer's bytes, one byte per choice. */
    private static final class Script {
        private final byte[] bytes;
        private int next = 1;

        Script(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean hasMore() {
            return next < bytes.length;
        }

        int pick(int choices) {
            return hasMore() ? (bytes[next++] & 0xFF) % choices : 0;
        }

        String field() {
            return FIELDS[pick(FIELDS.length)];
        }

        /** Up to 80 bytes of UTF-8, the length first. */
        String text() {
            int length = Math.min(pick(81), bytes.length - next);
            String text = new String(bytes, next, length, StandardCharsets.UTF_8);
            next += length;
            return text;
        }

        JsonNode number(ObjectNode json) {
            return switch (pick(4)) {
                case 0 -> json.numberNode(pick(256) - 128);
                case 1 -> json.numberNode(BigInteger.ONE.shiftLeft(pick(300)).subtract(BigInteger.valueOf(pick(3) - 1)));
                case 2 -> json.numberNode(pick(256) / 7.0);
                default -> json.numberNode(Long.MIN_VALUE + pick(2));
            };
        }

        JsonNode structure(ObjectNode json) {
            return switch (pick(5)) {
                case 0 -> json.objectNode();
                case 1 -> json.arrayNode();
                case 2 -> json.arrayNode().add(text());
                case 3 -> json.booleanNode(pick(2) == 0);
                default -> json.objectNode().put(text(), text());
            };
        }

        /** The vector's key, spelled another way or damaged: every one of these is the session's secret. */
        JsonNode respelledKey(ObjectNode json) {
            String digits = KEY.substring(2);
            return switch (pick(16)) {
                case 0 -> json.textNode(KEY.toUpperCase(Locale.ROOT));
                case 1 -> json.textNode("0X" + digits);
                case 2 -> json.textNode(String.format("0x%064x", KEY_VALUE));
                case 3 -> json.textNode(KEY_VALUE.toString());
                case 4 -> json.textNode(KEY + "z");
                case 5 -> json.textNode("z" + KEY);
                case 6 -> json.textNode(" " + KEY + "\u00a0");
                case 7 -> json.textNode("-" + KEY);
                case 8 -> json.textNode(KEY.substring(0, 2 + pick(digits.length())));
                case 9 -> json.numberNode(KEY_VALUE);
                case 10 -> json.arrayNode().add(KEY);
                case 11 -> json.objectNode().put("value", KEY);
                case 12 -> json.textNode("0x" + KEY_VALUE.flipBit(pick(252)).toString(16));
                case 13 -> json.textNode(KEY + KEY.substring(2));
                case 14 -> json.textNode("0x" + digits.replace(digits.charAt(pick(digits.length())), 'g'));
                default -> json.textNode(KEY);
            };
        }
    }

    /** What happens to the Base64 text between the export and the paste. */
    private static final class Paste {
        private boolean exportPrefix;
        private String quotes = "";
        private int lineLength;
        private boolean urlSafe;
        private boolean unpadded;
        private int cutAt = -1;
        private int damageAt = -1;
        private char damage;
        /** Cut or a character replaced: the text may no longer be the JSON it was made from. */
        private boolean damaged;

        void change(Script script) {
            switch (script.pick(7)) {
                case 0 -> exportPrefix = true;
                case 1 -> quotes = new String[] {"\"\"", "''", "\u201c\u201d", "``"}[script.pick(4)];
                case 2 -> lineLength = 1 + script.pick(76);
                case 3 -> urlSafe = true;
                case 4 -> unpadded = true;
                case 5 -> cutAt = script.pick(256) * 8;
                default -> {
                    damageAt = script.pick(256) * 8;
                    damage = "A+/-_=.\u200b \u00e9".charAt(script.pick(10));
                }
            }
        }

        String apply(String base64) {
            String text = base64;
            if (cutAt >= 0 && cutAt < text.length()) {
                text = text.substring(0, cutAt);
                damaged = true;
            }
            if (damageAt >= 0 && damageAt < text.length()) {
                text = text.substring(0, damageAt) + damage + text.substring(damageAt + 1);
                damaged = true;
            }
            if (urlSafe) {
                text = text.replace('+', '-').replace('/', '_');
            }
            if (unpadded) {
                text = text.replace("=", "");
            }
            if (lineLength > 0) {
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < text.length(); i += lineLength) {
                    lines.append(text, i, Math.min(text.length(), i + lineLength)).append("\r\n");
                }
                text = lines.toString();
            }
            if (!quotes.isEmpty()) {
                text = quotes.charAt(0) + text + quotes.charAt(1);
            }
            return exportPrefix ? "export CAVOS_TOKEN=" + text : text;
        }
    }
}
