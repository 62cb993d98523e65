package xyz.cavos.wallet.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.Amounts;

/**
 * How the app writes numbers, addresses and times, the same way on every screen: amounts grouped by thousands
 * with the token's natural precision (never rounded up), exact amounts without stray zeros, every address as
 * 0x and 64 hex digits, times in local time beside UTC.
 */
public final class Format {

    /** Stablecoins are read in cents. */
    private static final Set<String> CENTS = Set.of("USDC", "USDT", "DAI", "USDC.E", "LUSD");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Format() {
    }

    /** Fraction digits an amount of {@code symbol} is shown with: 2 for stablecoins and STRK, 4 for ETH and others. */
    public static int precision(String symbol, int decimals) {
        String upper = symbol.toUpperCase(Locale.ROOT);
        int natural = CENTS.contains(upper) || upper.equals("STRK") ? 2 : 4;
        return Math.min(natural, Math.max(decimals, 0));
    }

    /**
     * {@code 1,000.00 STRK}, {@code 0.5000 ETH}: grouped, at the token's precision, cut (never rounded up, so a
     * balance is never shown larger than it is); a non-zero amount too small to show is {@code < 0.01 STRK}.
     */
    public static String amount(U256 raw, int decimals, String symbol) {
        return digits(raw, decimals, symbol) + " " + symbol;
    }

    /** {@link #amount} without the symbol, for a column that has its own. */
    public static String digits(U256 raw, int decimals, String symbol) {
        int places = precision(symbol, decimals);
        BigDecimal exact = raw.toAmount(decimals);
        BigDecimal shown = exact.setScale(places, RoundingMode.DOWN);
        if (shown.signum() == 0 && exact.signum() > 0) {
            return "< " + BigDecimal.ONE.movePointLeft(places).toPlainString();
        }
        return grouped(shown, places);
    }

    /** Every digit there is, grouped, without trailing zeros: {@code 1,000}, {@code 0.5}, {@code 899.9803979424}. */
    public static String exact(U256 raw, int decimals) {
        return Amounts.exact(raw, decimals);
    }

    /** Every digit, as a field takes it back: no grouping, no trailing zeros ({@code 1000}, {@code 0.5}). */
    public static String plain(U256 raw, int decimals) {
        return raw.toAmount(decimals).stripTrailingZeros().toPlainString();
    }

    /** {@link #exact} with the symbol. */
    public static String exact(U256 raw, int decimals, String symbol) {
        return exact(raw, decimals) + " " + symbol;
    }

    private static String grouped(BigDecimal value, int places) {
        return Amounts.grouped(value, places);
    }

    /** A fee in STRK (fri, 18 decimals) to six places, rounded up: what is paid is never more than it reads. */
    public static String fee(java.math.BigInteger fri) {
        BigDecimal strk = new BigDecimal(fri).movePointLeft(18).setScale(6, RoundingMode.UP);
        return grouped(strk, 6) + " STRK";
    }

    /** What the wallet paid for an accepted transaction: its STRK fee, nothing when sponsored, the fee transfer to the paymaster. */
    public static String paidFee(xyz.cavos.wallet.wallet.TransactionOutcome sent) {
        if (sent.sponsored()) {
            return "no fee: sponsored by the paymaster";
        }
        java.math.BigInteger paid = sent.paidFee().orElse(sent.maxFee());
        return sent.feeMode().equals("token") ? "fee " + exact(U256.of(paid), sent.feeToken().decimals(), sent.feeToken().symbol())
                + " to the paymaster" : "fee " + fee(paid);
    }

    /** A fee estimate as every review sheet writes it: {@code ≈ 0.006499 STRK (at most 0.145993 STRK)}. */
    public static String fee(xyz.cavos.wallet.wallet.FeeQuote quote) {
        return "≈ " + fee(quote.estimatedFee()) + " (at most " + fee(quote.maxFee()) + ")";
    }

    /** An address as the app writes it everywhere: 0x and 64 hex digits. */
    public static String address(Felt address) {
        return address.toPaddedHex();
    }

    /** {@link #address} in groups of four digits, for reading it against another copy: {@code 0x 0517 ab3c …}. */
    public static String groupedAddress(Felt address) {
        String digits = address.toPaddedHex().substring(2);
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < digits.length(); i += 4) {
            out.append(' ').append(digits, i, i + 4);
        }
        return out.toString();
    }

    /** The first and last digits of an address, for a narrow place where the whole one is a tooltip away. */
    public static String shortAddress(Felt address) {
        String padded = address.toPaddedHex();
        return padded.substring(0, 8) + "…" + padded.substring(padded.length() - 6);
    }

    /** {@code 2026-12-01 14:03:22 CET (13:03:22 UTC)}; only UTC where local time is UTC. */
    public static String time(Instant instant) {
        return time(instant, ZoneId.systemDefault());
    }

    /** {@link #time(Instant)} in {@code zone}. */
    public static String time(Instant instant, ZoneId zone) {
        String utc = TIME.format(instant.atZone(ZoneOffset.UTC));
        if (zone.getRules().getOffset(instant).getTotalSeconds() == 0) {
            return DAY_TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
        }
        var local = instant.atZone(zone);
        String name = local.format(DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH));
        return DAY_TIME.format(local) + " " + name + " (" + utc + " UTC)";
    }

    /** A chain timestamp (seconds since 1970) as {@link #time(Instant)}. */
    public static String time(long epochSeconds) {
        return time(Instant.ofEpochSecond(epochSeconds));
    }
}
