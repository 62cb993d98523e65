package xyz.cavos.wallet.wallet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Json;

/**
 * The history as files people keep: CSV (RFC 4180) and JSON, the same columns in both. A CSV cell that a
 * spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a carriage return) is written with a
 * single quote in front, so opening the file never runs anything.
 */
public final class ActivityExport {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("time_utc", "kind", "direction", "amount", "token", "counterparty", "status",
            "block", "transaction_hash", "revert_reason", "description", "explorer_link");


    private ActivityExport() {
    }

    /** A header line and one line per entry, each ended by CRLF. */
    public static String csv(List<ActivityEntry> entries) {
        StringBuilder out = new StringBuilder();
        out.append(COLUMNS.stream().map(ActivityExport::cell).collect(Collectors.joining(","))).append("\r\n");
        for (ActivityEntry e : entries) {
            out.append(values(e).stream().map(ActivityExport::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    /** A JSON array of objects with the CSV's columns as keys; an empty value is left out. */
    public static String json(List<ActivityEntry> entries) {
        ArrayNode array = Json.array();
        for (ActivityEntry e : entries) {
            ObjectNode item = array.addObject();
            List<String> values = values(e);
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (!values.get(i).isEmpty()) {
                    item.put(COLUMNS.get(i), values.get(i));
                }
            }
        }
        return Json.writePretty(array) + "\n";
    }

    private static List<String> values(ActivityEntry e) {
        return Stream.of(
                e.time().map(Object::toString).orElse(""),
                e.kind().name().toLowerCase(Locale.ROOT),
                e.direction(),
                e.amountText(),
                e.symbol(),
                e.counterparty().map(Felt::toHex).orElse(""),
                e.status().name().toLowerCase(Locale.ROOT),
                e.block().isPresent() ? Long.toString(e.block().getAsLong()) : "",
                e.transactionHash().map(Felt::toHex).orElse(""),
                e.revertReason().orElse(""),
                e.description(),
                e.explorerLink().orElse("")).toList();
    }

    /** One CSV cell: formula-like text made inert, then quoted when it holds a comma, a quote or a line break. */
    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
