package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xyz.cavos.wallet.starknet.U256;

/** {@link Amounts} against the JDK's {@code DecimalFormat} in the root locale, which wrote the amounts before. */
class AmountsTest {

    private static String decimalFormat(BigDecimal value, int places) {
        DecimalFormat format = new DecimalFormat(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }

    private static String decimalFormatExact(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        int places = Math.max(stripped.scale(), 0);
        return decimalFormat(stripped.setScale(places, RoundingMode.UNNECESSARY), places);
    }

    private static List<BigDecimal> amounts() {
        Random random = new Random(77);
        List<BigDecimal> amounts = new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("1000"),
                new BigDecimal("999.999"), new BigDecimal("-1234567.50"), new BigDecimal("0.000000000000000001"),
                new BigDecimal("-0.001"), new BigDecimal("1E+5"), new BigDecimal("100000.000"), new BigDecimal(U256.MAX, 18),
                new BigDecimal(BigInteger.TEN.pow(120).add(BigInteger.ONE), 3), new BigDecimal(BigInteger.TWO.pow(255), 90)));
        for (int i = 0; i < 500; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(260), random);
            amounts.add(new BigDecimal(random.nextInt(5) == 0 ? unscaled.negate() : unscaled, random.nextInt(40) - 5));
        }
        return amounts;
    }

    @Test
    void exactAmountsAreWhatDecimalFormatWrites() {
        for (BigDecimal amount : amounts()) {
            String expected = decimalFormatExact(amount);
            assertEquals(expected, Amounts.exact(amount), amount.toString());
            String plain = amount.toPlainString();
            assertEquals(plain.length() <= 100 ? expected : plain, Amounts.readable(plain), plain); // longer text is not read
            if (amount.signum() >= 0 && amount.scale() >= 0 && amount.unscaledValue().compareTo(U256.MAX) <= 0) {
                assertEquals(expected, Amounts.exact(U256.of(amount.unscaledValue()), amount.scale()), amount.toString());
            }
        }
    }

    @Test
    void groupedAmountsAreWhatDecimalFormatWrites() {
        for (BigDecimal amount : amounts()) {
            int places = Math.max(amount.scale(), 0) + amount.precision() % 3;
            assertEquals(decimalFormat(amount, places), Amounts.grouped(amount, places), amount + " at " + places);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1000.0|1,000", "0.5|0.5", "899.98039794240|899.9803979424", "007|7", "-0.0|0",
            "-1000000|-1,000,000", "12a|12a", "1e5|1e5", "1.|1.", ".5|.5", "''|''", "+5|+5", "١٢|١٢", "0.000|0"})
    void readableAcceptsOnlyPlainDecimals(String plain, String shown) {
        assertEquals(shown, Amounts.readable(plain));
    }
}
