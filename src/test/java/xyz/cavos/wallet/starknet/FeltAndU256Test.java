package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeltAndU256Test {

    @Test
    void addressesCompareAsNumbers() {
        Felt mixed = Felt.parse("0x04718f5a0Fc34cC1AF16A1cdee98fFB20C31f5cD61D6Ab07201858f4287c938D");
        Felt lower = Felt.parse("0x4718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d");
        assertEquals(mixed, lower);
        assertEquals(mixed.hashCode(), lower.hashCode());
        assertEquals("0x4718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d", mixed.toHex());
        assertEquals("0x04718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d", mixed.toPaddedHex());
        assertEquals(Felt.parse("255"), Felt.parse("0xff"));
        assertEquals("0x0", Felt.ZERO.toHex());
        assertNotEquals(Felt.ONE, Felt.ZERO);
    }

    @Test
    void shortStringsRoundTrip() {
        assertEquals(Felt.parse("0x534e5f4d41494e"), Felt.fromShortString("SN_MAIN"));
        assertEquals("SESSION_V1", Felt.parse("0x53455353494f4e5f5631").toShortString());
        assertThrows(InvalidValueException.class, () -> Felt.fromShortString("x".repeat(32)));
        assertThrows(InvalidValueException.class, () -> Felt.fromShortString("café"));
    }

    @ParameterizedTest(name = "felt \"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "''|is empty",
            "xyz|is not a number",
            "0xZZ|is not a number",
            "0x|has no digits after 0x",
            "-1|must not be negative",
            "-0x5|must not be negative",
            "1e3|exponent notation",
            "' 0x1'|whitespace",
            "1.5|is not a number",
            "0x800000000000011000000000000000000000000000000000000000000000001|is too large",
            "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff|is too large"})
    void badFeltsAreRejectedNamingValueAndRule(String text, String rule) {
        var error = assertThrows(InvalidValueException.class, () -> Felt.parse("Recipient", text));
        assertTrue(error.getMessage().contains(rule), error.getMessage());
        assertTrue(error.getMessage().startsWith("Recipient"), error.getMessage());
        if (!text.isEmpty()) {
            assertTrue(error.getMessage().contains("\"" + text.substring(0, Math.min(text.length(), 40))), error.getMessage());
        }
    }

    @Test
    void theLargestFeltIsAccepted() {
        assertEquals(Felt.PRIME.subtract(BigInteger.ONE), Felt.parse(Felt.PRIME.subtract(BigInteger.ONE).toString()).value());
        assertThrows(InvalidValueException.class, () -> Felt.of(Felt.PRIME));
        assertThrows(InvalidValueException.class, () -> Felt.of(-1));
    }

    @Test
    void digitStringsAreMeasuredBeforeTheyAreParsed() {
        // the longest spellings of the largest values are read ...
        assertEquals(U256.MAX, U256.parse("0x" + U256.MAX.toString(16)).value());
        assertEquals(U256.MAX, U256.parse(U256.MAX.toString()).value());
        assertEquals(BigInteger.ONE, Felt.parse("0x" + "0".repeat(63) + "1").value());
        // ... one character more is refused by its length, and ten million digits are refused the same way
        for (String text : new String[] {"0x" + "0".repeat(64) + "1", "0".repeat(78) + "1", "9".repeat(10_000_000),
                "0x" + "f".repeat(10_000_000)}) {
            var error = assertThrows(InvalidValueException.class, () -> Felt.parse("Recipient", text));
            assertTrue(error.getMessage().contains("is too long"), error.getMessage());
            assertTrue(error.getMessage().length() < 300, "the message quotes a shortened value");
            assertThrows(InvalidValueException.class, () -> U256.parse(text));
        }
        var amount = assertThrows(InvalidValueException.class, () -> U256.parseAmount("1" + "0".repeat(10_000_000), 18));
        assertTrue(amount.getMessage().contains("is too long"), amount.getMessage());
    }

    @ParameterizedTest(name = "{0} with {1} decimals = {2}")
    @CsvSource({
            "1.5, 18, 1500000000000000000",
            "0, 18, 0",
            "100, 6, 100000000",
            "0.000001, 6, 1",
            "1.50, 6, 1500000",
            ".5, 18, 500000000000000000",
            "5., 18, 5000000000000000000",
            "0.000000000000000001, 18, 1",
            "1.000000000000000000000, 18, 1000000000000000000"})
    void humanAmountsConvertExactly(String text, int decimals, String baseUnits) {
        assertEquals(new BigInteger(baseUnits), U256.parseAmount(text, decimals).value());
    }

    @ParameterizedTest(name = "amount \"{0}\" is rejected: {2}")
    @CsvSource(delimiter = '|', value = {
            "-1|18|must not be negative",
            "1e3|18|exponent notation",
            "1E-3|18|exponent notation",
            "0.0000000000000000001|18|more decimal places than the token's 18",
            "0.0000001|6|more decimal places than the token's 6",
            "''|18|is empty",
            "abc|18|is not a decimal number",
            "1,5|18|is not a decimal number",
            "' 1'|18|whitespace",
            "0x10|18|is not a decimal number",
            "115792089237316195423570985008687907853269984665640564039457584007913129639936|0|too large",
            "1000000000000000000000000000000000000000000000000000000000000|18|too large"})
    void badAmountsAreRejectedNamingValueAndRule(String text, int decimals, String rule) {
        var error = assertThrows(InvalidValueException.class, () -> U256.parseAmount(text, decimals));
        assertTrue(error.getMessage().contains(rule), error.getMessage());
    }

    @Test
    void u256SplitsIntoLowAndHighHalves() {
        U256 value = U256.of(BigInteger.ONE.shiftLeft(128).add(BigInteger.valueOf(5)));
        assertEquals(List.of(Felt.of(5), Felt.ONE), value.toCalldata());
        assertEquals(value, U256.ofParts(Felt.of(5), Felt.ONE));
        assertEquals(U256.MAX, U256.ofParts(U256.MAX.and(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)),
                U256.MAX.shiftRight(128)).value());
        assertThrows(InvalidValueException.class, () -> U256.ofParts(BigInteger.ONE.shiftLeft(128), BigInteger.ZERO));
        assertThrows(InvalidValueException.class, () -> U256.of(U256.MAX.add(BigInteger.ONE)));
        assertThrows(InvalidValueException.class, () -> U256.of(BigInteger.valueOf(-1)));
        assertThrows(InvalidValueException.class, () -> U256.parse("0x1" + "0".repeat(64)));
        assertEquals(U256.of(255), U256.parse("0xff"));
    }

    @Test
    void amountsDisplayCalmlyAndExactly() {
        assertEquals("45.0", U256.parseAmount("45", 18).toAmountString(18));
        assertEquals("0.3", U256.parseAmount("0.3", 18).toAmountString(18));
        assertEquals("1.5", U256.parseAmount("1.5", 6).toAmountString(6));
        assertEquals("0.000000000000000001", U256.of(1).toAmountString(18));
        assertEquals("115792089237316195423570985008687907853269984665640564039457.584007913129639935",
                U256.of(U256.MAX).toAmountString(18));
        assertEquals(new BigDecimal("1.500000"), U256.parseAmount("1.5", 6).toAmount(6));
        assertEquals("100.0", U256.of(100).toAmountString(0));
        assertEquals("0.0", U256.of(0).toAmountString(18));
        assertEquals("1000.0", U256.parseAmount("1000", 18).toAmountString(18));
    }

    /** An amount read from its digits is BigDecimal's exact reading of the same text, at every number of decimals. */
    @Test
    void parsedAmountIsBigDecimalsExactReading() {
        java.util.Random random = new java.util.Random(61);
        List<String> texts = new java.util.ArrayList<>(List.of("0", "0.0", ".0", ".5", "5.", "007.250", "1000", "0.000000000000000001"));
        for (int i = 0; i < 400; i++) {
            String whole = random.nextInt(4) == 0 ? "" : new BigInteger(1 + random.nextInt(80), random).toString();
            String digits = new BigInteger(70, random).toString();
            String fraction = digits.substring(0, 1 + random.nextInt(Math.min(digits.length(), 25)));
            texts.add(whole.isEmpty() ? "." + fraction : random.nextBoolean() ? whole : whole + "." + fraction + "0".repeat(random.nextInt(3)));
        }
        for (String text : texts) {
            for (int decimals = 0; decimals <= 80; decimals++) {
                BigDecimal exact = new BigDecimal(text.startsWith(".") ? "0" + text : text.endsWith(".") ? text + "0" : text);
                BigDecimal moved = exact.movePointRight(decimals);
                boolean fits = moved.stripTrailingZeros().scale() <= 0 && moved.toBigInteger().compareTo(U256.MAX) <= 0;
                if (fits) {
                    assertEquals(moved.toBigIntegerExact(), U256.parseAmount(text, decimals).value(), text + " with " + decimals);
                } else {
                    int places = decimals;
                    assertThrows(InvalidValueException.class, () -> U256.parseAmount(text, places), text + " with " + decimals);
                }
            }
        }
    }

    /** The display form made from digits is what BigDecimal makes of the same amount, at every number of decimals. */
    @Test
    void amountTextIsBigDecimalsPlainFormOfTheExactAmount() {
        java.util.Random random = new java.util.Random(16);
        List<BigInteger> values = new java.util.ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN,
                BigInteger.valueOf(1_000_000), BigInteger.TEN.pow(18), BigInteger.TEN.pow(77), U256.MAX));
        for (int i = 0; i < 400; i++) {
            BigInteger v = new BigInteger(1 + random.nextInt(256), random);
            values.add(random.nextBoolean() ? v : v.multiply(BigInteger.TEN.pow(random.nextInt(20))).min(U256.MAX));
        }
        for (BigInteger value : values) {
            for (int decimals = 0; decimals <= 80; decimals++) {
                assertEquals(U256.formatAmount(new BigDecimal(value, decimals)), U256.of(value).toAmountString(decimals),
                        value + " with " + decimals + " decimals");
            }
        }
    }
}
