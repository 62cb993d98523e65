package xyz.cavos.wallet.starknet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A Starknet field element: an integer in [0, P) with P = 2^251 + 17·2^192 + 1.
 * Two felts are equal when their numbers are equal, whatever spelling they were parsed from.
 */
public final class Felt implements Comparable<Felt> {

    public static final BigInteger PRIME = BigInteger.TWO.pow(251)
            .add(BigInteger.valueOf(17).shiftLeft(192))
            .add(BigInteger.ONE);

    public static final Felt ZERO = new Felt(BigInteger.ZERO);
    public static final Felt ONE = new Felt(BigInteger.ONE);

    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final int SHORT_STRING_MAX = 31;
    /** The longest spellings read: {@code 0x} and 64 hex digits, or 78 decimal digits (enough for any u256). */
    public static final int MAX_HEX_CHARS = 66;
    public static final int MAX_DECIMAL_CHARS = 78;

    private final BigInteger value;

    private Felt(BigInteger value) {
        this.value = value;
    }

    /** The felt with this value; rejects negatives and values at or above the field prime. */
    public static Felt of(BigInteger value) {
        if (value.signum() < 0) {
            throw new InvalidValueException("Felt " + value + " must not be negative");
        }
        if (value.compareTo(PRIME) >= 0) {
            throw new InvalidValueException("Felt " + InvalidValueException.quote(value.toString(16))
                    + " (hex) is not below the field prime 2^251 + 17·2^192 + 1");
        }
        return new Felt(value);
    }

    public static Felt of(long value) {
        return of(BigInteger.valueOf(value));
    }

    /**
     * Parses {@code 0x}-prefixed hex (any case, any number of leading zeros) or plain decimal digits.
     * No sign, no whitespace, no exponent, no fraction.
     */
    public static Felt parse(String text) {
        return parse("Felt", text);
    }

    /** Like {@link #parse} but says what the value is for, e.g. "Recipient", in the error. */
    public static Felt parse(String what, String text) {
        return of(parseNonNegative(what, text), what, text);
    }

    private static Felt of(BigInteger value, String what, String text) {
        if (value.compareTo(PRIME) >= 0) {
            throw InvalidValueException.of(what, text, "is too large: a felt must be below 2^251 + 17·2^192 + 1");
        }
        return new Felt(value);
    }

    /** Shared by felt and integer parsing: the rules for hex and decimal spellings. */
    static BigInteger parseNonNegative(String what, String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidValueException(what + " is empty: expected 0x-prefixed hex or decimal digits");
        }
        boolean hex = text.length() > 1 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        if (text.length() > (hex ? MAX_HEX_CHARS : MAX_DECIMAL_CHARS)) {
            // checked before any parsing: a digit string of any length would take quadratic time to convert
            throw InvalidValueException.of(what, text, "is too long (" + text.length() + " characters): a number here has at most "
                    + (MAX_HEX_CHARS - 2) + " hex digits after 0x or " + MAX_DECIMAL_CHARS + " decimal digits");
        }
        if (HEX.matcher(text).matches()) {
            return new BigInteger(text.substring(2), 16);
        }
        if (DECIMAL.matcher(text).matches()) {
            return new BigInteger(text);
        }
        if (text.startsWith("-")) {
            throw InvalidValueException.of(what, text, "must not be negative");
        }
        if (text.matches("[+]?[0-9]*\\.?[0-9]+[eE][+-]?[0-9]+")) {
            throw InvalidValueException.of(what, text, "uses exponent notation: write all the digits");
        }
        if (text.equalsIgnoreCase("0x")) {
            throw InvalidValueException.of(what, text, "has no digits after 0x");
        }
        if (!text.strip().equals(text)) {
            throw InvalidValueException.of(what, text, "has surrounding whitespace");
        }
        throw InvalidValueException.of(what, text, "is not a number: expected 0x-prefixed hex or decimal digits");
    }

    /** Encodes up to 31 ASCII characters as a big-endian felt, Cairo's short string. */
    public static Felt fromShortString(String text) {
        if (text.length() > SHORT_STRING_MAX) {
            throw InvalidValueException.of("Short string", text, "is longer than 31 characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                throw InvalidValueException.of("Short string", text, "has a character that is not ASCII");
            }
        }
        return new Felt(new BigInteger(1, text.getBytes(StandardCharsets.US_ASCII)));
    }

    public BigInteger value() {
        return value;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** Canonical spelling: lowercase hex, no leading zeros, {@code 0x0} for zero (what the RPC spec wants). */
    public String toHex() {
        return "0x" + value.toString(16);
    }

    /** Hex padded to 64 digits, the way explorers and the dashboard show addresses. */
    public String toPaddedHex() {
        String digits = value.toString(16);
        return "0x" + "0".repeat(64 - digits.length()) + digits;
    }

    public String toDecimalString() {
        return value.toString();
    }

    public long longValueExact() {
        return value.longValueExact();
    }

    /** Decodes a short string; bytes outside printable ASCII make this fail. */
    public String toShortString() {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 0 && bytes[0] == 0 ? 1 : 0;
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.US_ASCII);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new InvalidValueException("Felt " + toHex() + " is not a printable short string");
            }
        }
        return text;
    }

    @Override
    public int compareTo(Felt other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Felt felt && value.equals(felt.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return toHex();
    }
}
