package xyz.cavos.wallet.fuzz;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fuzz tests check about a refusal, whatever the input: it is one of the exceptions the parser
 * documents, and its message is written for people (not empty, no Java class name such as
 * {@code NullPointerException} unless the input itself spelled one and the message quotes it).
 */
public final class Refusals {

    /** A Java class name as a stack trace shows it: {@code NumberFormatException}, {@code java.lang.…}. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[A-Z][a-z0-9]+)+(?:Exception|Error)\\b|\\bjava\\.[a-z]+\\.|\\b(?:com|org|xyz)\\.[a-z]+\\.[a-z]+\\.");

    private Refusals() {
    }

    /** A parse step that may refuse its input. */
    @FunctionalInterface
    public interface Parse {
        void run();
    }

    /**
     * Runs {@code parse}. Passes when it returns or throws one of {@code documented} with a message fit to show;
     * any other exception fails the fuzz test with the input in the failure. Returns the refusal, or null.
     */
    @SafeVarargs
    public static RuntimeException check(String input, Parse parse, Class<? extends RuntimeException>... documented) {
        try {
            parse.run();
            return null;
        } catch (RuntimeException e) {
            if (List.of(documented).stream().noneMatch(type -> type.isInstance(e))) {
                throw new AssertionError("undocumented " + e.getClass().getName() + " for input " + shown(input), e);
            }
            assertFitToShow(e.getMessage(), input);
            return e;
        } catch (StackOverflowError e) {
            throw new AssertionError("stack overflow for input " + shown(input), e);
        }
    }

    /** A message a person can read: not blank, and no Java class name that the input did not bring. */
    public static void assertFitToShow(String message, String input) {
        if (message == null || message.isBlank()) {
            throw new AssertionError("a refusal without a message for input " + shown(input));
        }
        Matcher name = CLASS_NAME.matcher(message);
        while (name.find()) {
            if (!input.contains(name.group())) {
                throw new AssertionError("the message names a Java class (" + name.group() + "): " + message
                        + "\nfor input " + shown(input));
            }
        }
    }

    /** The input in a failure message: Java escapes for anything unprintable, so it can be copied into a test. */
    public static String shown(String input) {
        StringBuilder out = new StringBuilder("\"");
        input.codePoints().limit(2000).forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.appendCodePoint(c);
            } else {
                for (char unit : Character.toChars(c)) {
                    out.append(String.format("\\u%04x", (int) unit));
                }
            }
        });
        return out.append(input.length() > 2000 ? "\"…" : "\"").toString();
    }
}
