package xyz.cavos.wallet.wallet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
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
        return exact(raw.toAmount(decimals));
    }

    /** An exact decimal, grouped, without trailing zeros. */
    public static String exact(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        int places = Math.max(stripped.scale(), 0);
        return grouped(stripped.setScale(places, RoundingMode.UNNECESSARY), places);
    }

    /**
     * A plain decimal as it appears in machine output ({@code 1000.0}) written for people ({@code 1,000}); text that is
     * not a plain decimal is returned as it is.
     */
    public static String readable(String plain) {
        if (plain.isEmpty() || plain.length() > 100 || !plain.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return plain;
        }
        return exact(new BigDecimal(plain));
    }

    /** {@code value} with {@code places} fraction digits, grouped by thousands; it must already have that scale. */
    public static String grouped(BigDecimal value, int places) {
        DecimalFormat format = new DecimalFormat(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }
}
