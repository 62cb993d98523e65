package xyz.cavos.wallet.starknet;

/**
 * A value a person typed or a peer sent does not have the required form. The message names the value
 * (shortened when long) and the rule it broke, so it can be shown as it is.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final int SHOWN_CHARS = 80;

    public InvalidValueException(String message) {
        super(message);
    }

    static InvalidValueException of(String what, String value, String rule) {
        return new InvalidValueException(what + " " + quote(value) + " " + rule);
    }

    /** Quotes a value for an error message, shortened so a pasted blob cannot flood the screen. */
    public static String quote(String value) {
        if (value == null) {
            return "(missing)";
        }
        String shown = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "…" : value;
        return "\"" + shown + "\"";
    }
}
