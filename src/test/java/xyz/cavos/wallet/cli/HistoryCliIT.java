package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.cli.CliSandbox.RECIPIENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.ProviderLimits;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.U256;

/** {@code cavos history} against the sandbox: the table, --json, --csv and bad input. */
class HistoryCliIT {

    @RegisterExtension
    final CliSandbox sandbox = new CliSandbox();
    private final SandboxNode node = sandbox.node();
    private final SandboxDashboard.DemoWallet demo = sandbox.createWallet(SandboxDashboard.WalletRequest.demo());

    @Test
    void historyListsTransfersInAndOutNewestFirstAsJsonAndAsATable() {
        assertEquals(0, sandbox.cli().run("transfer", "--to", RECIPIENT, "--amount", "1.5", "--token", "STRK").exit());
        for (int i = 0; i < 8; i++) {
            node.createBlock();
        }
        node.mint(demo.address(), Token.USDC, U256.parseAmount("3", 6));
        node.setLimits(new ProviderLimits(false, 5)); // a provider that caps event ranges

        Cli.Result json = sandbox.cli().run("--json", "history");
        assertEquals(0, json.exit(), json.toString());
        JsonNode data = json.json().at("/data");
        assertEquals(demo.address().toHex(), data.get("walletAddress").asText());
        assertFalse(data.get("more").asBoolean());
        List<String> lines = new java.util.ArrayList<>();
        data.get("entries").forEach(e -> lines.add(e.get("kind").asText() + " " + e.path("direction").asText("") + " "
                + e.path("amount").asText("") + " " + e.path("token").asText("")));
        assertEquals(List.of("received in 3.0 USDC", "sent out 1.5 STRK", "fee out " + data.at("/entries/2/amount").asText() + " STRK",
                "session_registered   "), lines);
        assertEquals("1500000000000000000", data.at("/entries/1/amountRaw").asText(), "raw amounts exact, as decimal strings");
        assertEquals(RECIPIENT, data.at("/entries/1/counterparty").asText());
        assertEquals("accepted", data.at("/entries/1/status").asText());

        Cli.Result text = sandbox.cli().run("history", "--limit", "2");
        assertEquals(0, text.exit(), text.toString());
        String[] rows = text.out().split("\n");
        assertTrue(rows[2].contains("received") && rows[2].contains("+3 USDC"), text.out());
        assertTrue(rows[3].contains("sent") && rows[3].contains("-1.5 STRK") && rows[3].contains(RECIPIENT), text.out());
        assertTrue(text.out().contains("Older entries remain"), text.out());
    }

    @Test
    void historyAsCsvIsOneHeaderAndOneLinePerEntry() {
        assertEquals(0, sandbox.cli().run("transfer", "--to", RECIPIENT, "--amount", "2", "--token", "USDC").exit());
        Cli.Result csv = sandbox.cli().run("history", "--csv", "--limit", "2");
        assertEquals(0, csv.exit(), csv.toString());
        String[] lines = csv.out().split("\r\n");
        assertEquals("time_utc,kind,direction,amount,token,counterparty,status,block,transaction_hash,revert_reason,description,explorer_link",
                lines[0]);
        assertEquals(3, lines.length, csv.out());
        assertTrue(lines[1].contains(",sent,out,2.0,USDC," + RECIPIENT + ",accepted,"), lines[1]);
        assertTrue(lines[2].contains(",fee,out,"), lines[2]);
    }

    @Test
    void aLimitOutsideOneToAThousandIsBadInputAndCsvWithJsonIsTheCsvInTheEnvelope() {
        for (String limit : List.of("0", "1001", "many")) {
            Cli.Result wrong = sandbox.cli().run("history", "--limit", limit);
            assertEquals(2, wrong.exit(), wrong.toString());
            assertTrue(wrong.err().startsWith("Error: "), wrong.err());
        }
        Cli.Result both = sandbox.cli().run("--json", "history", "--csv");
        assertEquals(0, both.exit(), both.toString());
        assertTrue(both.json().at("/data/csv").asText().startsWith("time_utc,kind,"), both.out());
    }
}
