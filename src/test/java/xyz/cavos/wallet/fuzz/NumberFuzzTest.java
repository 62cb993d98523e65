package xyz.cavos.wallet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.U256;

/**
 * Addresses and amounts as people type them: {@link Felt#parse(String, String)}, {@link U256#parse} and
 * {@link U256#parseAmount}. The input's first byte is the token's decimals (0 to 255, as ERC-20's u8), the
 * rest is the text (UTF-8). Each either gives the number the text spells or refuses with an
 * {@link InvalidValueException} that names the value and stays short.
 */
class NumberFuzzTest {

    /** The longest refusal: label, the value cut to 80 characters, the rule. */
    private static final int MAX_MESSAGE_CHARS = 400;
    /** Digits with at most one point among them, at least one digit. */
    private static final Pattern PLAIN = Pattern.compile("[0-9]+\\.?[0-9]*|\\.[0-9]+");

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int decimals = input[0] & 0xFF;
        String text = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);

        Felt[] felt = new Felt[1];
        RuntimeException feltRefusal = Refusals.check(text, () -> felt[0] = Felt.parse("Recipient", text), InvalidValueException.class);
        U256[] raw = new U256[1];
        RuntimeException rawRefusal = Refusals.check(text, () -> raw[0] = U256.parse(text), InvalidValueException.class);
        U256[] amount = new U256[1];
        RuntimeException amountRefusal = Refusals.check(text, () -> amount[0] = U256.parseAmount(text, decimals), InvalidValueException.class);

        if (feltRefusal != null) {
            assertRefusal("Recipient", feltRefusal);
        } else {
            assertTrue(felt[0].value().signum() >= 0 && felt[0].value().compareTo(Felt.PRIME) < 0, felt[0].toHex());
            assertEquals(felt[0], Felt.parse(felt[0].toHex()), "the canonical hex reads back");
            assertEquals(felt[0], Felt.parse(felt[0].toDecimalString()), "the decimal spelling reads back");
        }
        if (rawRefusal != null) {
            assertRefusal("Amount", rawRefusal);
        } else {
            assertEquals(raw[0], U256.parse(raw[0].toString()), "the decimal spelling reads back");
        }
        // A felt is a u256 below the prime: the two parsers accept the same spellings.
        assertEquals(feltRefusal == null, rawRefusal == null && raw[0].value().compareTo(Felt.PRIME) < 0,
                "Felt.parse and U256.parse disagree on " + Refusals.shown(text));
        if (feltRefusal == null) {
            assertEquals(felt[0].value(), raw[0].value());
        }

        BigDecimal expected = plainAmount(text, decimals);
        if (amountRefusal != null) {
            assertRefusal("Amount", amountRefusal);
            assertEquals(null, expected, "refused the plain amount " + Refusals.shown(text) + " with "
                    + decimals + " decimals: " + amountRefusal.getMessage());
        } else {
            assertTrue(expected != null, "accepted " + Refusals.shown(text) + " as " + amount[0]);
            assertEquals(0, amount[0].toAmount(decimals).compareTo(expected), "the amount is the number typed");
        }
    }

    private static void assertRefusal(String label, RuntimeException refusal) {
        String message = refusal.getMessage();
        assertTrue(message.startsWith(label + " "), "names the value: " + message);
        assertTrue(message.length() <= MAX_MESSAGE_CHARS, "a long input does not flood the screen: " + message.length() + " characters");
    }

    /**
     * The amount a plain decimal spells, when the token can hold it exactly (no more fractional digits than
     * it has, at most 2^256 - 1 base units) and it is at most 160 characters; otherwise null.
     */
    private static BigDecimal plainAmount(String text, int decimals) {
        if (text.length() > 160 || !PLAIN.matcher(text).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(text.startsWith(".") ? "0" + text : text);
        BigDecimal base = value.movePointRight(decimals).stripTrailingZeros();
        if (base.scale() > 0 || base.toBigInteger().compareTo(U256.MAX) > 0) {
            return null;
        }
        return value;
    }
}
