package xyz.cavos.wallet.starknet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An unsigned 256-bit integer, as Cairo's {@code u256}: two 128-bit halves in calldata, low first.
 * Token amounts are U256 in base units; {@link #parseAmount} and {@link #toAmount} convert to and from
 * the human decimal form exactly, with the token's number of decimals.
 */
public record U256(BigInteger value) implements Comparable<U256> {

    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    public static final U256 ZERO = new U256(BigInteger.ZERO);

    private static final BigInteger HALF_MASK = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    /** Whole digits of any u256, a point and as many decimals as any token has, with room to spare. */
    static final int MAX_AMOUNT_CHARS = 160;
    private static final Pattern AMOUNT = Pattern.compile("([0-9]+)(?:\\.([0-9]*))?|\\.([0-9]+)");

    public U256 {
        if (value.signum() < 0) {
            throw new InvalidValueException("u256 " + value + " must not be negative");
        }
        if (value.compareTo(MAX) > 0) {
            throw new InvalidValueException("u256 " + InvalidValueException.quote(value.toString())
                    + " is too large: the maximum is 2^256 - 1");
        }
    }

    public static U256 of(long value) {
        return new U256(BigInteger.valueOf(value));
    }

    public static U256 of(BigInteger value) {
        return new U256(value);
    }

    /** From calldata halves; each must fit in 128 bits. */
    public static U256 ofParts(BigInteger low, BigInteger high) {
        if (low.signum() < 0 || low.bitLength() > 128 || high.signum() < 0 || high.bitLength() > 128) {
            throw new InvalidValueException("u256 halves must each be below 2^128 (low " + low.toString(16)
                    + ", high " + high.toString(16) + ")");
        }
        return new U256(high.shiftLeft(128).or(low));
    }

    public static U256 ofParts(Felt low, Felt high) {
        return ofParts(low.value(), high.value());
    }

    /** A raw integer in base units: 0x-hex or decimal digits. */
    public static U256 parse(String text) {
        BigInteger value = Felt.parseNonNegative("Amount", text);
        if (value.compareTo(MAX) > 0) {
            throw InvalidValueException.of("Amount", text, "is too large for a u256 (maximum 2^256 - 1)");
        }
        return new U256(value);
    }

    /**
     * Parses a human amount such as {@code 1.5} into base units of a token with {@code decimals} decimals.
     * Exact: more fractional digits than the token has is an error, never a rounding.
     */
    public static U256 parseAmount(String text, int decimals) {
        if (text == null || text.isEmpty()) {
            throw new InvalidValueException("Amount is empty: write a number such as 1.5");
        }
        if (text.length() > MAX_AMOUNT_CHARS) {
            throw InvalidValueException.of("Amount", text, "is too long (" + text.length()
                    + " characters): no token amount needs more than " + MAX_AMOUNT_CHARS);
        }
        var match = AMOUNT.matcher(text);
        if (!match.matches()) {
            if (text.startsWith("-")) {
                throw InvalidValueException.of("Amount", text, "must not be negative");
            }
            if (text.matches("[+-]?[0-9]*\\.?[0-9]*[eE][+-]?[0-9]+")) {
                throw InvalidValueException.of("Amount", text, "uses exponent notation: write the plain number, e.g. 1000");
            }
            if (!text.strip().equals(text)) {
                throw InvalidValueException.of("Amount", text, "has surrounding whitespace");
            }
            throw InvalidValueException.of("Amount", text, "is not a decimal number such as 1.5");
        }
        String fraction = match.group(3) != null ? match.group(3) : match.group(2) == null ? "" : match.group(2);
        String trimmedFraction = fraction.replaceAll("0+$", "");
        if (trimmedFraction.length() > decimals) {
            throw InvalidValueException.of("Amount", text, "has more decimal places than the token's " + decimals);
        }
        BigInteger base;
        if (decimals < 0) {
            BigDecimal exact = new BigDecimal(text.startsWith(".") ? "0" + text : text.endsWith(".") ? text + "0" : text);
            base = exact.movePointRight(decimals).toBigIntegerExact();
        } else { // the digits alone: the JDK's BigDecimal takes a command-line start tens of milliseconds to set up
            String whole = match.group(1) == null ? "" : match.group(1);
            String digits = whole + trimmedFraction + "0".repeat(decimals - trimmedFraction.length());
            base = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits); // ".0" has no digit left
        }
        if (base.compareTo(MAX) > 0) {
            throw InvalidValueException.of("Amount", text, "is too large: in base units it exceeds the u256 maximum");
        }
        return new U256(base);
    }

    /** The human amount, exact: base units moved {@code decimals} places to the right of the point. */
    public BigDecimal toAmount(int decimals) {
        return new BigDecimal(value, decimals);
    }

    /**
     * A calm display form: trailing zeros dropped, at least one fractional digit ("45.0", "0.3", "1.5"); the same
     * text as {@link #formatAmount} of {@link #toAmount}, made from the digits alone (the JDK's {@code BigDecimal}
     * takes a command-line start tens of milliseconds to set up).
     */
    public String toAmountString(int decimals) {
        if (decimals < 0) {
            return formatAmount(toAmount(decimals));
        }
        String digits = value.toString();
        if (digits.length() <= decimals) {
            digits = "0".repeat(decimals - digits.length() + 1) + digits;
        }
        int point = digits.length() - decimals;
        int end = digits.length();
        while (end > point + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, point) + "." + (end > point ? digits.substring(point, end) : "0");
    }

    /** Formats an exact amount with at least one fractional digit and no exponent. */
    public static String formatAmount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() < 1) {
            stripped = stripped.setScale(1);
        }
        return stripped.toPlainString();
    }

    public Felt low() {
        return Felt.of(value.and(HALF_MASK));
    }

    public Felt high() {
        return Felt.of(value.shiftRight(128));
    }

    /** Calldata order: low, then high. */
    public List<Felt> toCalldata() {
        return List.of(low(), high());
    }

    public U256 add(U256 other) {
        return new U256(value.add(other.value));
    }

    public U256 subtract(U256 other) {
        return new U256(value.subtract(other.value));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    @Override
    public int compareTo(U256 other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
