package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/**
 * {@code cavos tokens} and {@code cavos allowances} against an in-process sandbox: a token the policy names is used by its
 * symbol; one added by hand is listed and removed; what is not a token is refused; an allowance is listed, revoked with
 * {@code approve --amount 0}, and listed as revoked.
 */
class TokensCliIT {

    private static final Felt RECIPIENT = Felt.parse(CliSandbox.RECIPIENT);

    @RegisterExtension
    final CliSandbox sandbox = new CliSandbox();
    private final SandboxNode node = sandbox.node();
    private final Token gold = node.deployToken("Gold", "GOLD", 2, true);
    private final Token silver = node.deployToken("Silver", "SLV", 6, false);
    private final SandboxDashboard.DemoWallet demo = sandbox.createWallet(new SandboxDashboard.WalletRequest(
            Map.of(Token.STRK, "100", gold, "12.5"), SandboxDashboard.SessionRequest.of(new SessionPolicy(
                    List.of(Token.STRK.address(), gold.address()),
                    List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("50", 18)),
                            new SpendingLimit(gold.address(), U256.parseAmount("5", 2))), 5), 24 * 3600)));

    @Test
    void aPolicyTokenIsSentByItsSymbolAndShownInBalanceAndPolicy() {
        Cli.Result sent = sandbox.cli().run("transfer", "--to", RECIPIENT.toHex(), "--amount", "1.25", "--token", "gold");
        assertEquals(0, sent.exit(), sent.toString());
        assertTrue(sent.out().startsWith("Sent 1.25 GOLD to " + RECIPIENT.toHex()), sent.out());
        assertEquals(BigInteger.valueOf(125), node.balanceOf(RECIPIENT, gold));
        Cli.Result balance = sandbox.cli().run("balance", "--token", "GOLD");
        assertTrue(balance.out().contains("GOLD  11.25"), balance.out());
        Cli.Result policy = sandbox.cli().run("policy", "show");
        assertTrue(policy.out().contains("GOLD: 1.25 / 5 used"), policy.out());
        Cli.Result listed = sandbox.cli().run("tokens", "list");
        assertTrue(listed.out().matches("(?s).*GOLD +" + gold.address().toHex() + " +2 +policy +no.*"), listed.out());
    }

    @Test
    void aTokenIsAddedListedAndRemovedAndWhatIsNotATokenIsRefused() {
        Cli.Result added = sandbox.cli().run("tokens", "add", silver.address().toHex());
        assertEquals(0, added.exit(), added.toString());
        assertEquals("Added SLV " + silver.address().toHex() + " (6 decimals) to the tokens on sandbox.\n  source      added\n"
                + "  look-alike  no\n", added.out());
        assertEquals("0.0", sandbox.cli().run("--json", "balance", "--token", "slv").json().at("/data/balances/0/balance").asText());
        Cli.Result json = sandbox.cli().run("--json", "tokens", "list");
        List<String> listed = new java.util.ArrayList<>();
        json.json().at("/data/tokens").forEach(t -> listed.add(t.get("symbol").asText() + ":" + t.get("source").asText()));
        assertEquals(List.of("STRK:built-in", "ETH:built-in", "USDC:built-in", "USDT:built-in", "SLV:added", "GOLD:policy"), listed);

        Cli.Result swap = sandbox.cli().run("tokens", "add", SandboxNode.DEMO_SWAP.toHex());
        assertEquals(2, swap.exit(), swap.toString());
        assertTrue(swap.err().startsWith("Error: The contract at " + SandboxNode.DEMO_SWAP.toPaddedHex() + " is not a token"), swap.err());
        Cli.Result policyToken = sandbox.cli().run("tokens", "remove", "GOLD");
        assertEquals(2, policyToken.exit(), policyToken.toString());
        assertTrue(policyToken.err().contains("named by a session's spending policy"), policyToken.err());

        Cli.Result removed = sandbox.cli().run("tokens", "remove", "SLV");
        assertEquals(0, removed.exit(), removed.toString());
        Cli.Result unknown = sandbox.cli().run("balance", "--token", "SLV");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("cavos tokens list"), unknown.err());
    }

    @Test
    void anAllowanceIsListedRevokedWithZeroAndListedAsRevoked() {
        assertTrue(sandbox.cli().run("allowances").out().contains("none approved from this computer"));
        assertEquals(0, sandbox.cli().run("contacts", "add", "Swap", SandboxNode.DEMO_SWAP.toHex()).exit());
        Cli.Result approved = sandbox.cli().run("approve", "--spender", "Swap", "--amount", "2", "--token", "GOLD");
        assertEquals(0, approved.exit(), approved.toString());
        Cli.Result open = sandbox.cli().run("--json", "allowances");
        assertEquals("2.0", open.json().at("/data/allowances/0/amount").asText(), open.out());
        assertEquals("Swap", open.json().at("/data/allowances/0/spenderName").asText());
        assertTrue(open.json().at("/data/allowances/0/open").asBoolean());

        Cli.Result revoked = sandbox.cli().run("approve", "--spender", "Swap", "--amount", "0", "--token", "GOLD");
        assertEquals(0, revoked.exit(), revoked.toString());
        Cli.Result after = sandbox.cli().run("allowances");
        assertTrue(after.out().matches("(?s).*GOLD " + gold.address().toHex() + " +Swap \\(" + SandboxNode.DEMO_SWAP.toHex()
                + "\\) +0 +no \\(revoked or spent\\).*"), after.out());
        assertEquals(2, sandbox.cli().run("transfer", "--to", RECIPIENT.toHex(), "--amount", "0", "--token", "GOLD").exit(),
                "a transfer of nothing is still refused");
    }
}
