package xyz.cavos.wallet.wallet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import xyz.cavos.wallet.starknet.U256;

/**
 * Exact amounts as people read them, in messages, in the app and in the command line's text: every digit there is,
 * grouped by thousands, without trailing zeros ({@code 1,000}, {@code 0.5}, {@code 899.9803979424}). Machine output
 * keeps its own plain form.
 */
public final class Amounts {

    private Amounts() {
    }

    /** {@code raw} base units with {@code decimals} places, exact and grouped. */
    public static String exact(U256 raw, int decimals) {
        return groupedPlain(raw.toAmountString(decimals));
    }

    /** An exact decimal, grouped, without trailing zeros. */
    public static String exact(BigDecimal amount) {
        return groupedPlain(amount.stripTrailingZeros().toPlainString());
    }

    /**
     * A plain decimal as it appears in machine output ({@code 1000.0}) written for people ({@code 1,000}); text that is
     * not a plain decimal is returned as it is.
     */
    public static String readable(String plain) {
        return isPlainDecimal(plain) ? groupedPlain(plain) : plain;
    }

    /** A plain decimal, grouped, without trailing zeros. */
    private static String groupedPlain(String plain) {
        int end = plain.length();
        if (plain.indexOf('.') >= 0) {
            while (plain.charAt(end - 1) == '0') {
                end--;
            }
            if (plain.charAt(end - 1) == '.') {
                end--;
            }
        }
        return grouped(plain.substring(0, end));
    }

    /** {@code value} with {@code places} fraction digits, grouped by thousands; it must not need rounding to that scale. */
    public static String grouped(BigDecimal value, int places) {
        return grouped(value.setScale(places, RoundingMode.UNNECESSARY).toPlainString());
    }

    /** A plain decimal grouped, its fraction digits as they are. */
    private static String grouped(String plain) {
        int point = plain.indexOf('.');
        return grouped(point < 0 ? plain : plain.substring(0, point), point < 0 ? "" : plain.substring(point + 1));
    }

    /**
     * The integer digits grouped by thousands with commas, then the fraction digits after a point when there are any:
     * what a {@code DecimalFormat} in the root locale writes, made from the digits alone (setting one up costs a
     * command-line start tens of milliseconds).
     */
    private static String grouped(String whole, String fraction) {
        boolean negative = whole.startsWith("-");
        String digits = negative ? whole.substring(1) : whole;
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        digits = digits.substring(start);
        boolean zero = digits.equals("0");
        for (int i = 0; zero && i < fraction.length(); i++) {
            zero = fraction.charAt(i) == '0';
        }
        StringBuilder text = new StringBuilder(negative && !zero ? "-" : "");
        int firstGroup = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        text.append(digits, 0, firstGroup);
        for (int i = firstGroup; i < digits.length(); i += 3) {
            text.append(',').append(digits, i, i + 3);
        }
        return fraction.isEmpty() ? text.toString() : text.append('.').append(fraction).toString();
    }

    /** Digits with an optional sign and an optional fraction, at most 100 characters. */
    private static boolean isPlainDecimal(String text) {
        if (text.isEmpty() || text.length() > 100) {
            return false;
        }
        int i = text.charAt(0) == '-' ? 1 : 0;
        int wholeStart = i;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 0x80) {
            i++;
        }
        if (i == wholeStart) {
            return false;
        }
        if (i == text.length()) {
            return true;
        }
        if (text.charAt(i) != '.' || i == text.length() - 1) {
            return false;
        }
        for (int j = i + 1; j < text.length(); j++) {
            if (text.charAt(j) < '0' || text.charAt(j) > '9') {
                return false;
            }
        }
        return true;
    }
}
