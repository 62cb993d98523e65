package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    private static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");

    @TempDir
    Path home;

    private final SandboxNode node = SandboxNode.start();
    private final Token gold = node.deployToken("Gold", "GOLD", 2, true);
    private final Token silver = node.deployToken("Silver", "SLV", 6, false);
    private final SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(new SandboxDashboard.WalletRequest(
            Map.of(Token.STRK, "100", gold, "12.5"), SandboxDashboard.SessionRequest.of(new SessionPolicy(
                    List.of(Token.STRK.address(), gold.address()),
                    List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("50", 18)),
                            new SpendingLimit(gold.address(), U256.parseAmount("5", 2))), 5), 24 * 3600)));

    private Cli cli() {
        return new Cli(Map.of("CAVOS_HOME", home.toString(), "CAVOS_TOKEN", demo.token().encode()));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aPolicyTokenIsSentByItsSymbolAndShownInBalanceAndPolicy() {
        Cli.Result sent = cli().run("transfer", "--to", RECIPIENT.toHex(), "--amount", "1.25", "--token", "gold");
        assertEquals(0, sent.exit(), sent.toString());
        assertTrue(sent.out().startsWith("Sent 1.25 GOLD to " + RECIPIENT.toHex()), sent.out());
        assertEquals(BigInteger.valueOf(125), node.balanceOf(RECIPIENT, gold));
        Cli.Result balance = cli().run("balance", "--token", "GOLD");
        assertTrue(balance.out().contains("GOLD  11.25"), balance.out());
        Cli.Result policy = cli().run("policy", "show");
        assertTrue(policy.out().contains("GOLD: 1.25 / 5 used"), policy.out());
        Cli.Result listed = cli().run("tokens", "list");
        assertTrue(listed.out().matches("(?s).*GOLD +" + gold.address().toHex() + " +2 +policy +no.*"), listed.out());
    }

    @Test
    void aTokenIsAddedListedAndRemovedAndWhatIsNotATokenIsRefused() {
        Cli.Result added = cli().run("tokens", "add", silver.address().toHex());
        assertEquals(0, added.exit(), added.toString());
        assertEquals("Added SLV " + silver.address().toHex() + " (6 decimals) to the tokens on sandbox.\n  source      added\n"
                + "  look-alike  no\n", added.out());
        assertEquals("0.0", cli().run("--json", "balance", "--token", "slv").json().at("/data/balances/0/balance").asText());
        Cli.Result json = cli().run("--json", "tokens", "list");
        List<String> listed = new java.util.ArrayList<>();
        json.json().at("/data/tokens").forEach(t -> listed.add(t.get("symbol").asText() + ":" + t.get("source").asText()));
        assertEquals(List.of("STRK:built-in", "ETH:built-in", "USDC:built-in", "USDT:built-in", "SLV:added", "GOLD:policy"), listed);

        Cli.Result swap = cli().run("tokens", "add", SandboxNode.DEMO_SWAP.toHex());
        assertEquals(2, swap.exit(), swap.toString());
        assertTrue(swap.err().startsWith("Error: The contract at " + SandboxNode.DEMO_SWAP.toPaddedHex() + " is not a token"), swap.err());
        Cli.Result policyToken = cli().run("tokens", "remove", "GOLD");
        assertEquals(2, policyToken.exit(), policyToken.toString());
        assertTrue(policyToken.err().contains("named by a session's spending policy"), policyToken.err());

        Cli.Result removed = cli().run("tokens", "remove", "SLV");
        assertEquals(0, removed.exit(), removed.toString());
        Cli.Result unknown = cli().run("balance", "--token", "SLV");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("cavos tokens list"), unknown.err());
    }

    @Test
    void anAllowanceIsListedRevokedWithZeroAndListedAsRevoked() {
        assertTrue(cli().run("allowances").out().contains("none approved from this computer"));
        assertEquals(0, cli().run("contacts", "add", "Swap", SandboxNode.DEMO_SWAP.toHex()).exit());
        Cli.Result approved = cli().run("approve", "--spender", "Swap", "--amount", "2", "--token", "GOLD");
        assertEquals(0, approved.exit(), approved.toString());
        Cli.Result open = cli().run("--json", "allowances");
        assertEquals("2.0", open.json().at("/data/allowances/0/amount").asText(), open.out());
        assertEquals("Swap", open.json().at("/data/allowances/0/spenderName").asText());
        assertTrue(open.json().at("/data/allowances/0/open").asBoolean());

        Cli.Result revoked = cli().run("approve", "--spender", "Swap", "--amount", "0", "--token", "GOLD");
        assertEquals(0, revoked.exit(), revoked.toString());
        Cli.Result after = cli().run("allowances");
        assertTrue(after.out().matches("(?s).*GOLD " + gold.address().toHex() + " +Swap \\(" + SandboxNode.DEMO_SWAP.toHex()
                + "\\) +0 +no \\(revoked or spent\\).*"), after.out());
        assertEquals(2, cli().run("transfer", "--to", RECIPIENT.toHex(), "--amount", "0", "--token", "GOLD").exit(),
                "a transfer of nothing is still refused");
    }
}
