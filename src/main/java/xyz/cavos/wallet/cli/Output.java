package xyz.cavos.wallet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import xyz.cavos.wallet.cavos.SecretText;
import xyz.cavos.wallet.starknet.Json;
import xyz.cavos.wallet.wallet.WalletError;

/**
 * One result, rendered as text for people or as the JSON envelope for scripts, so the two never drift:
 * data on stdout, errors and progress on stderr.
 */
final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean color;
    private final boolean interactive;
    /** Warnings printed already, so a result that carries one again does not repeat it. */
    private final java.util.Set<String> warned = new java.util.HashSet<>();

    Output(PrintWriter out, PrintWriter err, boolean json, boolean color) {
        this(out, err, json, color, false);
    }

    /** {@code interactive}: a person watches this terminal, so progress is worth showing. */
    Output(PrintWriter out, PrintWriter err, boolean json, boolean color, boolean interactive) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.color = color;
        this.interactive = interactive;
    }

    boolean json() {
        return json;
    }

    /** A successful result: {@code {"status":"success","data":…}}, or its text with its warnings on stderr. */
    void success(CommandResult result) {
        if (json) {
            ObjectNode envelope = Json.object();
            envelope.put("status", "success");
            envelope.set("data", data(result));
            out.println(write(envelope));
        } else {
            result.warnings().stream().filter(line -> !warned.contains(line)).forEach(this::warning);
            String text = TextRenderer.render(result);
            out.print(text.endsWith("\n") ? text : text + "\n");
        }
        out.flush();
    }

    /** The envelope's {@code data}: the result record as JSON ({@link ResultJson}). */
    static JsonNode data(CommandResult result) {
        return ResultJson.of((Record) result);
    }

    /** A failure: the JSON envelope, or "Error: …" and the next step, on stderr. */
    void error(String code, String shownMessage, String shownHint) {
        String message = SecretText.hide(shownMessage);
        String hint = SecretText.hide(shownHint);
        if (json) {
            ObjectNode envelope = Json.object();
            envelope.put("status", "error");
            envelope.put("error_code", code);
            envelope.put("message", message);
            envelope.put("recovery_hint", hint);
            err.println(write(envelope));
        } else {
            err.println(paint("Error: ", "31") + message);
            if (hint != null && !hint.isBlank()) {
                err.println("Solution: " + hint);
            }
        }
        err.flush();
    }

    void error(WalletError e) {
        error(e.code().id(), e.getMessage(), NextStepText.hint(e));
    }

    /** A line of progress, on a terminal only: scripts get nothing on stderr but the hash and errors. */
    void progress(String line) {
        if (!json && interactive) {
            err.println(line);
            err.flush();
        }
    }

    /** The transaction hash goes to stderr in both modes, so a script can log it while reading stdout. */
    void transaction(String line) {
        err.println(line);
        err.flush();
    }

    void warning(String line) {
        if (!json) {
            warned.add(line);
            err.println(paint("Warning: ", "33") + SecretText.hide(line));
            err.flush();
        }
    }

    String paint(String text, String ansi) {
        return color ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }

    private static String write(JsonNode node) {
        return Json.writePretty(node);
    }
}
