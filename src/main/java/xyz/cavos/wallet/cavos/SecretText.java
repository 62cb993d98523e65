package xyz.cavos.wallet.cavos;

import java.util.regex.Pattern;

/**
 * Text about to be shown or logged, with anything that looks like a session token taken out. A token is Base64
 * of a JSON object, so it begins {@code eyJ}; a message that quotes what someone typed (an unmatched argument,
 * an unknown token symbol, a value that is not a number) could otherwise carry a key onto the screen or into a
 * log. Applied where messages leave the program, whatever produced them.
 */
public final class SecretText {

    /** What stands in for a token. */
    public static final String HIDDEN = "[session token hidden]";

    /**
     * Base64 of a JSON object, standard or URL-safe, at least a dozen characters after {@code eyJ}, also where a paste
     * broke it over lines or slipped invisible characters into it (as the token reader accepts).
     */
    private static final Pattern TOKEN_LIKE = Pattern.compile("eyJ(?:[A-Za-z0-9+/_\\-]|[\\r\\n\\t\\p{Cf}\\u00a0]){12,}={0,2}");

    private SecretText() {
    }

    /**
     * The text with each of {@code given} that holds a token (what someone typed or pasted, quoted back verbatim, even
     * broken by blanks) replaced whole, then every token-like run hidden as by {@link #hide(String)}.
     */
    public static String hide(String text, java.util.List<String> given) {
        if (text == null) {
            return null;
        }
        String shown = text;
        for (String value : given) {
            if (value != null && value.length() >= 16 && value.replaceAll("[\\s\\p{Cf}]", "").contains("eyJ")) {
                shown = shown.replace(value, HIDDEN);
            }
        }
        return hide(shown);
    }

    /** The text with every token-like run replaced by {@link #HIDDEN}; {@code null} stays {@code null}. */
    public static String hide(String text) {
        if (text == null || !text.contains("eyJ")) {
            return text;
        }
        return TOKEN_LIKE.matcher(text).replaceAll(HIDDEN);
    }
}
