package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/** The history's files: RFC 4180 quoting, no formula a spreadsheet would run, the same columns in JSON. */
class ActivityExportTest {

    private static final Felt HASH = Felt.parse("0xabc");

    private static ActivityEntry transaction(String description, Optional<String> reason) {
        return new ActivityEntry(ActivityEntry.Kind.TRANSACTION, ActivityEntry.Status.REVERTED, OptionalLong.of(12),
                Optional.of(Instant.parse("2025-03-01T10:15:30Z")), Optional.of(HASH), Optional.empty(), Optional.empty(), Optional.empty(),
                description, reason, Optional.of("https://voyager.online/tx/0xabc"));
    }

    @Test
    void theTransferSelectorIsSnKeccakOfTransfer() {
        assertEquals(Felt.parse("0x99cd8bde557814842a3121e8ddfd433a539b8c9f14bf31ebf108d12e6196e9"), ActivityReader.TRANSFER);
    }

    @Test
    void cellsWithCommasQuotesAndLineBreaksAreQuotedAndQuotesDoubled() {
        assertEquals("plain", ActivityExport.cell("plain"));
        assertEquals("\"a, b\"", ActivityExport.cell("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", ActivityExport.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", ActivityExport.cell("two\nlines"));
        assertEquals("", ActivityExport.cell(""));
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaStartWithAQuote() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", ActivityExport.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", ActivityExport.cell("+1"));
        assertEquals("'-1", ActivityExport.cell("-1"));
        assertEquals("'@SUM(A1)", ActivityExport.cell("@SUM(A1)"));
        assertEquals("'\tx", ActivityExport.cell("\tx"));
        assertEquals("\"'=1,2\"", ActivityExport.cell("=1,2"));
    }

    @Test
    void aRevertedTransactionIsOneCsvLineWithItsReasonQuoted() {
        String csv = ActivityExport.csv(List.of(transaction("call 0x1234…abcd on STRK", Optional.of("=cmd|' /C calc'!A0, \"boom\""))));
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertEquals(String.join(",", ActivityExport.COLUMNS), lines[0]);
        assertEquals("2025-03-01T10:15:30Z,transaction,,,,,reverted,12,0xabc,\"'=cmd|' /C calc'!A0, \"\"boom\"\"\",call 0x1234…abcd on STRK,"
                + "https://voyager.online/tx/0xabc", lines[1]);
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void jsonCarriesTheSameColumnsWithExactAmounts() throws Exception {
        ActivityEntry received = new ActivityEntry(ActivityEntry.Kind.RECEIVED, ActivityEntry.Status.ACCEPTED, OptionalLong.of(7),
                Optional.of(Instant.parse("2025-03-01T10:00:00Z")), Optional.of(HASH), Optional.of(Token.USDC),
                Optional.of(U256.parseAmount("1234.000001", 6)), Optional.of(Felt.parse("0x5")), "Received from 0x5", Optional.empty(),
                Optional.empty());
        JsonNode array = new ObjectMapper().readTree(ActivityExport.json(List.of(received)));
        assertEquals(1, array.size());
        JsonNode item = array.get(0);
        assertEquals("1234.000001", item.get("amount").asText());
        assertEquals("USDC", item.get("token").asText());
        assertEquals("in", item.get("direction").asText());
        assertEquals("received", item.get("kind").asText());
        assertEquals("0x5", item.get("counterparty").asText());
        assertEquals("7", item.get("block").asText());
        assertTrue(item.path("revert_reason").isMissingNode(), "empty values are left out");
    }
}
