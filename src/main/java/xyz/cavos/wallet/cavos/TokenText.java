package xyz.cavos.wallet.cavos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A session token as text: standard Base64 of a JSON object. Reading tolerates what copying and pasting
 * add (whitespace, quotes, line breaks, a leading {@code export CAVOS_TOKEN=}, missing padding, the
 * URL-safe alphabet); no message ever quotes the text, since it holds the private key.
 */
final class TokenText {

    static final String NEXT_STEP = "Export the session again from the Cavos dashboard (Settings → Sessions → Export for CLI).";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenText() {
    }

    /** The JSON object inside a pasted token. */
    static JsonNode read(String pasted) {
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
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input, which holds the key: never pass it on.
            throw new InvalidTokenException("The session token does not decode to JSON: it is truncated or not a Cavos session token. " + NEXT_STEP);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTokenException("The session token does not decode to a JSON object: it is not a Cavos session token. " + NEXT_STEP);
        }
        return root;
    }

    /** A new, empty JSON object to write a token into. */
    static ObjectNode newObject() {
        return JSON.createObjectNode();
    }

    /** The token text of a JSON object: standard Base64, padded. */
    static String write(ObjectNode root) {
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode a session token", e);
        }
    }

    private static String clean(String pasted) {
        if (pasted == null) {
            return "";
        }
        String text = pasted.strip();
        for (String prefix : new String[] {"export CAVOS_TOKEN=", "CAVOS_TOKEN="}) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length()).strip();
            }
        }
        if (text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'') && text.charAt(text.length() - 1) == text.charAt(0)) {
            text = text.substring(1, text.length() - 1);
        }
        text = text.replaceAll("\\s+", "");
        while (text.endsWith("=")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
