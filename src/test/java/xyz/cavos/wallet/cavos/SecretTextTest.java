package xyz.cavos.wallet.cavos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretTextTest {

    private static final String JSON = "{\"sessionPrivateKey\":\"0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcde\",\"walletAddress\":\"0x1\"}";
    private static final String TOKEN = Base64.getEncoder().encodeToString(JSON.getBytes(StandardCharsets.ISO_8859_1));

    @Test
    void aTokenAnywhereInAMessageIsHiddenWholeOrInPart() {
        assertEquals("Unmatched argument at index 1: '" + SecretText.HIDDEN + "'", SecretText.hide("Unmatched argument at index 1: '" + TOKEN + "'"));
        String urlSafe = TOKEN.replace('+', '-').replace('/', '_');
        assertFalse(SecretText.hide("token " + urlSafe + " and more").contains(urlSafe.substring(0, 20)));
        String quotedShort = "Unknown token \"" + TOKEN.substring(0, 80) + "…\".";
        assertEquals("Unknown token \"" + SecretText.HIDDEN + "…\".", SecretText.hide(quotedShort));
        String twoLines = "first " + TOKEN + "\nsecond " + TOKEN;
        String hidden = SecretText.hide(twoLines); // a line break may be inside a token, so the next line's start may go too
        assertTrue(hidden.startsWith("first " + SecretText.HIDDEN) && hidden.endsWith(SecretText.HIDDEN) && !hidden.contains(TOKEN.substring(20, 40)),
                hidden);
    }

    @Test
    void aTokenBrokenOverLinesOrByInvisibleCharactersIsHiddenToo() {
        String wrapped = TOKEN.substring(0, 40) + "\n" + TOKEN.substring(40, 80) + "\u200b" + TOKEN.substring(80);
        String shown = SecretText.hide("Unmatched argument at index 1: '" + wrapped + "'");
        assertFalse(shown.contains(TOKEN.substring(40, 60)) || shown.contains(TOKEN.substring(90, 110)), shown);
        String spaced = TOKEN.substring(0, 30) + " " + TOKEN.substring(30);
        String quoted = "Unmatched argument at index 1: '" + spaced + "'";
        assertEquals("Unmatched argument at index 1: '" + SecretText.HIDDEN + "'", SecretText.hide(quoted, java.util.List.of("balance", spaced)));
    }

    @Test
    void textWithoutATokenIsLeftAlone() {
        for (String plain : new String[] {"", "Amount \"1e18\" uses exponent notation", "eyJ", "eyJhbG", "the key 0x1234 is fine"}) {
            assertEquals(plain, SecretText.hide(plain));
        }
        assertNull(SecretText.hide(null));
    }
}
