package xyz.cavos.wallet.cavos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xyz.cavos.wallet.starknet.Json;

/**
 * A session token as text: standard Base64 of a JSON object whose bytes are Latin-1, one byte per character,
 * because the Cavos SDK makes it with the browser's {@code btoa(JSON.stringify(...))}. Reading tolerates what
 * copying and pasting add (blanks, invisible characters, straight or curly quotes, line breaks, a leading
 * {@code export CAVOS_TOKEN=}, missing padding, the URL-safe alphabet); no message ever quotes the text,
 * since it holds the private key.
 */
final class TokenText {

    static final String NEXT_STEP = "Export the session again from the Cavos dashboard (Settings → Sessions → Export for CLI).";
    /** Far above any real token (about 1.5 KB, a few KB with a long policy), low enough to refuse a pasted file. */
    static final int MAX_CHARS = 64 * 1024;
    private static final String QUOTES = "\"'`\u2018\u2019\u201C\u201D";
    private static final Pattern ASSIGNMENT = Pattern.compile("(?:export[\\s\\p{Z}\\p{Cf}]+)?CAVOS_TOKEN[\\s\\p{Z}\\p{Cf}]*=");

    /** The JSON object inside a token and the bytes it was read from. */
    record Decoded(JsonNode root, byte[] json) {
    }

    private TokenText() {
    }

    /** The JSON object inside a pasted token, and its bytes as the token carried them. */
    static Decoded read(String pasted) {
        String text = clean(pasted);
        if (text.isEmpty()) {
            throw new InvalidTokenException("The session token is empty. Paste the token exported from the Cavos dashboard (it starts with eyJ).");
        }
        byte[] bytes;
        try {
            bytes = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("The session token is not valid Base64: it should be one line of letters, digits, "
                    + "+ and / starting with eyJ. It may have been cut when copying. " + NEXT_STEP);
        }
        JsonNode root;
        try {
            root = Json.read(new String(bytes, StandardCharsets.ISO_8859_1));
        } catch (JsonProcessingException e) {
            // the input holds the key: no parser's message is passed on, whatever it says
            throw new InvalidTokenException("The session token does not decode to JSON: it is truncated or not a Cavos session token. " + NEXT_STEP);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTokenException("The session token does not decode to a JSON object: it is not a Cavos session token. " + NEXT_STEP);
        }
        return new Decoded(root, bytes);
    }

    /** A new, empty JSON object to write a token into. */
    static ObjectNode newObject() {
        return Json.object();
    }

    /**
     * The bytes of a JSON object as the SDK would write them: compact, Latin-1. A character the SDK could not
     * write (above U+00FF) is escaped as {@code \\uXXXX}, which reads back as the same character.
     */
    static byte[] jsonBytes(ObjectNode root) {
        String text = Json.write(root);
        StringBuilder latin1 = new StringBuilder(text.length());
        text.chars().forEach(c -> latin1.append(c <= 0xFF ? Character.toString(c) : String.format("\\u%04x", c)));
        return latin1.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The token text of JSON bytes: standard Base64, padded, as {@code btoa} writes it. */
    static String write(byte[] json) {
        return Base64.getEncoder().encodeToString(json);
    }

    /** What JavaScript's {@code String.prototype.trim} and {@code BigInt()} skip around a value. */
    static boolean isJsWhiteSpace(int c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0xFEFF || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** The text without the leading and trailing characters {@code drop} accepts. */
    static String trim(String text, IntPredicate drop) {
        int start = 0;
        int end = text.length();
        while (start < end && drop.test(text.charAt(start))) {
            start++;
        }
        while (end > start && drop.test(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Blanks as pasted text has them: white space, line breaks and invisible ones (zero-width space, BOM). */
    private static boolean isBlank(int c) {
        return isJsWhiteSpace(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT;
    }

    /** The Base64 in pasted text: blanks are dropped wherever copying put them, quotes and an assignment around it. */
    private static String clean(String pasted) {
        if (pasted == null) {
            return "";
        }
        if (pasted.length() > MAX_CHARS) {
            throw new InvalidTokenException("The pasted text is too long for a session token (over " + MAX_CHARS
                    + " characters): paste only the token, which starts with eyJ. " + NEXT_STEP);
        }
        String text = trim(pasted, TokenText::isBlank);
        Matcher assignment = ASSIGNMENT.matcher(text);
        if (assignment.lookingAt()) {
            text = text.substring(assignment.end());
        }
        text = trim(text, c -> isBlank(c) || QUOTES.indexOf(c) >= 0);
        StringBuilder base64 = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isBlank(c)) {
                base64.append(c);
            }
        }
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }
}
