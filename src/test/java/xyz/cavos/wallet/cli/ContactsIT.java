package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;

/** The address book from the command line against an in-process sandbox: names in transfers, and the recipient checks. */
class ContactsIT {

    /** No account is deployed here in the sandbox (the address other tests send to). */
    private static final Felt UNDEPLOYED = Felt.parse(CliSandbox.RECIPIENT);
    /** The same first four significant and last four hex digits as {@link #UNDEPLOYED}, others in between. */
    private static final Felt LOOKALIKE = Felt.parse("0x517c0b9e2a71d4c3f60e8a9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f78b6a5b");
    private static final String NO_CONTRACT = "Warning: No account or contract is deployed at " + UNDEPLOYED.toPaddedHex() + " on sandbox.";

    @RegisterExtension
    final CliSandbox sandbox = new CliSandbox();
    private final SandboxNode node = sandbox.node();
    private final SandboxDashboard.DemoWallet demo = sandbox.createWallet(SandboxDashboard.WalletRequest.demo());

    @Test
    void aContactIsAddedListedPaidByNameAndRemoved() {
        Cli.Result added = sandbox.cli().run("contacts", "add", "Alice", UNDEPLOYED.toPaddedHex(), "--note", "rent, monthly");
        assertEquals(0, added.exit(), added.toString());
        assertEquals("Added \"Alice\" " + UNDEPLOYED.toHex() + " to the address book.\n  note  rent, monthly\n", added.out());

        Cli.Result sent = sandbox.cli().run("transfer", "--to", "alice", "--amount", "1.5", "--token", "STRK");
        assertEquals(0, sent.exit(), sent.toString());
        assertTrue(sent.out().startsWith("Sent 1.5 STRK to Alice (" + UNDEPLOYED.toHex() + ")\n"), sent.out());
        assertEquals(new BigInteger("1500000000000000000"), node.balanceOf(UNDEPLOYED, Token.STRK));
        assertTrue(sent.err().startsWith(NO_CONTRACT), "warned before the transaction: " + sent.err());
        assertTrue(sent.err().indexOf(NO_CONTRACT) < sent.err().indexOf("Transaction: 0x"), sent.err());
        assertEquals(1, count(sent.err(), "No account or contract is deployed"), "said once: " + sent.err());

        Cli.Result json = sandbox.cli().run("--json", "transfer", "--to", "Alice", "--amount", "0.5", "--token", "STRK");
        assertEquals(0, json.exit(), json.toString());
        JsonNode data = json.json().get("data");
        assertEquals("Alice", data.get("toName").asText());
        assertEquals(UNDEPLOYED.toHex(), data.get("to").asText());
        assertEquals(List.of("no-contract"), strings(data.get("recipientChecks")));
        assertTrue(data.at("/warnings/0").asText().startsWith(NO_CONTRACT.substring("Warning: ".length())), data.toString());
        assertFalse(json.err().contains("Warning:"), "JSON mode: warnings are in the data only: " + json.err());

        Cli.Result list = sandbox.cli().run("contacts", "list");
        assertEquals(0, list.exit(), list.toString());
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).matches("  Name +Address +Note"), list.out());
        assertTrue(lines.get(1).matches("  Alice +" + UNDEPLOYED.toHex() + " +rent, monthly"), list.out());
        assertTrue(list.out().contains("Sent to recently (newest first):\n"), list.out());
        assertTrue(list.out().matches("(?s).*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC  STRK  " + UNDEPLOYED.toHex() + "  Alice\n.*"), list.out());
        assertTrue(list.out().endsWith("Kept in " + sandbox.home().resolve("contacts.json") + "\n"), list.out());
        JsonNode listed = sandbox.cli().run("--json", "contacts", "list").json().get("data");
        assertEquals("Alice", listed.at("/contacts/0/name").asText());
        assertEquals(UNDEPLOYED.toHex(), listed.at("/contacts/0/address").asText());
        assertEquals("rent, monthly", listed.at("/contacts/0/note").asText());
        assertEquals(1, listed.get("recent").size(), "two transfers to one address: one recent recipient");
        assertEquals("STRK", listed.at("/recent/0/token").asText());
        assertEquals("Alice", listed.at("/recent/0/name").asText());

        Cli.Result removed = sandbox.cli().run("contacts", "remove", "ALICE");
        assertEquals(0, removed.exit(), removed.toString());
        assertEquals("Removed \"Alice\" " + UNDEPLOYED.toHex() + " from the address book.\n  note  rent, monthly\n", removed.out());
        assertTrue(sandbox.cli().run("contacts", "list").out().startsWith("No contacts yet."));
    }

    @Test
    void anUnknownNameIsBadInputAndNothingIsSent() {
        BigInteger before = node.balanceOf(demo.address(), Token.STRK);
        Cli.Result unknown = sandbox.cli().run("transfer", "--to", "Bob", "--amount", "1", "--token", "STRK");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertEquals("Error: There is no contact named \"Bob\" in the address book.\nSolution: Check the name, or give the address."
                + " See the names with: cavos contacts list\n", unknown.err());
        Cli.Result json = sandbox.cli().run("--json", "approve", "--spender", "Bob", "--amount", "1", "--token", "STRK");
        assertEquals(2, json.exit());
        assertEquals("unknown-contact", json.errorJson().get("error_code").asText());
        assertEquals(2, sandbox.cli().run("contacts", "remove", "Bob").exit());
        assertEquals(before, node.balanceOf(demo.address(), Token.STRK));
    }

    @Test
    void aLookalikeOfAContactIsRefusedUnlessAllowedAndNothingIsSent() {
        assertEquals(0, sandbox.cli().run("contacts", "add", "Alice", UNDEPLOYED.toHex()).exit());
        BigInteger wallet = node.balanceOf(demo.address(), Token.STRK);

        Cli.Result refused = sandbox.cli().run("transfer", "--to", LOOKALIKE.toHex(), "--amount", "1", "--token", "STRK");
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().startsWith("Error: " + LOOKALIKE.toPaddedHex() + " looks like your contact \"Alice\" ("
                + UNDEPLOYED.toPaddedHex() + ") but is a different address"), refused.err());
        assertTrue(refused.err().contains("\nSolution: Nothing was sent. Compare the address digit by digit with where you copied it"
                + " from, not with your history. If it is right, send again with --allow-lookalike.\n"),
                refused.err());
        assertFalse(refused.err().contains("Transaction:"), refused.err());
        Cli.Result json = sandbox.cli().run("--json", "transfer", "--to", LOOKALIKE.toHex(), "--amount", "1", "--token", "STRK");
        assertEquals(1, json.exit());
        assertEquals("recipient-lookalike", json.errorJson().get("error_code").asText());
        assertEquals(0, node.balanceOf(LOOKALIKE, Token.STRK).signum(), "nothing sent to the look-alike");
        assertEquals(wallet, node.balanceOf(demo.address(), Token.STRK), "no fee paid either");

        Cli.Result allowed = sandbox.cli().run("--json", "transfer", "--to", LOOKALIKE.toHex(), "--amount", "1", "--token", "STRK", "--allow-lookalike");
        assertEquals(0, allowed.exit(), allowed.toString());
        assertEquals(List.of("lookalike", "no-contract"), strings(allowed.json().at("/data/recipientChecks")));
        assertEquals(BigInteger.TEN.pow(18), node.balanceOf(LOOKALIKE, Token.STRK));
    }

    @Test
    void aDeployedAccountHasNoWarningAndTheWalletItselfIsNamedAsSuch() {
        SandboxDashboard.DemoWallet other = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
        Cli.Result toAccount = sandbox.cli().run("transfer", "--to", other.address().toHex(), "--amount", "1", "--token", "STRK");
        assertEquals(0, toAccount.exit(), toAccount.toString());
        assertFalse(toAccount.err().contains("Warning:"), toAccount.err());
        JsonNode json = sandbox.cli().run("--json", "transfer", "--to", other.address().toHex(), "--amount", "1", "--token", "STRK").json();
        assertEquals(0, json.at("/data/warnings").size(), json.toString());
        assertEquals(0, json.at("/data/recipientChecks").size(), json.toString());

        assertEquals(0, sandbox.cli().run("contacts", "add", "Swap", SandboxNode.DEMO_SWAP.toHex()).exit());
        Cli.Result approve = sandbox.cli().run("approve", "--spender", "swap", "--amount", "2", "--token", "STRK");
        assertEquals(0, approve.exit(), approve.toString());
        assertTrue(approve.out().startsWith("Approved Swap (" + SandboxNode.DEMO_SWAP.toHex() + ") to spend 2 STRK\n"), approve.out());
        assertFalse(approve.err().contains("Warning:"), "the swap contract is deployed: " + approve.err());

        Cli.Result self = sandbox.cli().run("transfer", "--to", demo.address().toHex(), "--amount", "1", "--token", "STRK");
        assertEquals(0, self.exit(), self.toString());
        assertTrue(self.err().startsWith("Warning: " + demo.address().toPaddedHex() + " is this wallet's own address.\n"), self.err());
    }

    @Test
    void contactsAreCheckedAsTheyAreAdded() throws Exception {
        Cli.Result longName = sandbox.cli().run("contacts", "add", "x".repeat(41), UNDEPLOYED.toHex());
        assertEquals(2, longName.exit(), longName.toString());
        assertTrue(longName.err().contains("41 characters long; at most 40 fit"), longName.err());
        assertEquals(0, sandbox.cli().run("contacts", "add", "Alice", UNDEPLOYED.toHex()).exit());
        Cli.Result sameAddress = sandbox.cli().run("--json", "contacts", "add", "Landlord", UNDEPLOYED.toPaddedHex().toUpperCase().replace("0X", "0x"));
        assertEquals(2, sameAddress.exit(), sameAddress.toString());
        assertEquals("contact-exists", sameAddress.errorJson().get("error_code").asText());
        assertTrue(sameAddress.errorJson().get("message").asText().endsWith("is already in the address book as \"Alice\"."), sameAddress.err());
        assertEquals(2, sandbox.cli().run("contacts", "add", "Zero", "0x0").exit());

        Files.writeString(sandbox.home().resolve("contacts.json"), "{\"contacts\": [{\"name\": \"Alice\"}]}");
        byte[] damaged = Files.readAllBytes(sandbox.home().resolve("contacts.json"));
        Cli.Result list = sandbox.cli().run("contacts", "list");
        assertEquals(1, list.exit(), list.toString());
        assertTrue(list.err().startsWith("Error: " + sandbox.home().resolve("contacts.json") + " is damaged: it does not hold the address book"
                + " Cavos Desktop writes.\nSolution: Move it aside (or delete it) to start an empty address book"), list.err());
        assertEquals(1, sandbox.cli().run("contacts", "add", "Bob", LOOKALIKE.toHex()).exit());
        assertArrayEquals(damaged, Files.readAllBytes(sandbox.home().resolve("contacts.json")), "never overwritten");
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
