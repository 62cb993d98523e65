package xyz.cavos.wallet.starknet.paymaster;

import xyz.cavos.wallet.starknet.InvalidValueException;

/**
 * A paymaster API key, sent as the {@code x-paymaster-api-key} header and nowhere else: it is never part of a
 * message, of {@link #toString()}, or of an error text, and a paymaster that repeats it back has it blotted out.
 */
public final class PaymasterKey {

    /** Longer than any key a provider hands out, short enough to be one header line. */
    static final int MAX_CHARS = 512;
    private static final String HIDDEN = "[paymaster API key]";

    private final String value;

    private PaymasterKey(String value) {
        this.value = value;
    }

    /** A key of 1 to 512 printable ASCII characters (no spaces or line breaks, which a header could not carry). */
    public static PaymasterKey of(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("The paymaster API key is empty");
        }
        if (value.length() > MAX_CHARS) {
            throw new InvalidValueException("The paymaster API key is longer than " + MAX_CHARS + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidValueException("The paymaster API key has a character that is not printable ASCII (at position "
                        + (i + 1) + ")");
            }
        }
        return new PaymasterKey(value);
    }

    /** The key itself, for the header. */
    String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the key replaced by a placeholder. */
    String redact(String text) {
        return text == null ? "" : text.replace(value, HIDDEN);
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
