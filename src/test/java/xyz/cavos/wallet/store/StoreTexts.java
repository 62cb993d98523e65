package xyz.cavos.wallet.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import xyz.cavos.wallet.app.CliLauncher;

/** What people read from the store: plain words, no Java class names; and the command line run in-process. */
final class StoreTexts {

    /** A Java exception's or error's class name, simple or qualified. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\bjava\\.[a-z]");

    private StoreTexts() {
    }

    static void assertPlain(String text) {
        assertFalse(CLASS_NAME.matcher(text).find(), "a Java class name in: " + text);
        assertFalse(text.contains("null"), "\"null\" in: " + text);
    }

    /** The message and its next step, both plain and both there. */
    static void assertPlain(StoreException e) {
        assertPlain(e.getMessage());
        assertTrue(e.hint() != null && !e.hint().isBlank(), "a next step for: " + e.getMessage());
        assertPlain(e.hint());
    }

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** The cavos command line, in this JVM, with {@code env} as its environment. */
    static Run cavos(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CliLauncher.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
