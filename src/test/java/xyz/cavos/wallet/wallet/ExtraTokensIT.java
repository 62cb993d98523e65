package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.wallet.WalletSandbox.RECIPIENT;
import static xyz.cavos.wallet.wallet.WalletSandbox.WAIT;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Tokens beyond the built-in four against the sandbox: tokens a session's policy names get their symbol and decimals
 * from their contracts (a short string and a ByteArray) and show in balances, gauges and the tokens the session can
 * move; a refresh stays one round trip; tokens added by hand, a look-alike "USDC", and what cannot be added.
 */
class ExtraTokensIT {

    private static final Felt SPENDER = Felt.parse("0x3c1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6");

    @RegisterExtension
    final WalletSandbox sandbox = new WalletSandbox();
    private final SandboxNode node = sandbox.node();
    private final Token wbtc = node.deployToken("Wrapped BTC", "wBTC", 8, false);
    private final Token xstrk = node.deployToken("Staked STRK", "xSTRK", 18, true);
    private final Token fakeUsdc = node.deployToken("USD Coin", "USDC", 6, false);

    private SandboxDashboard.DemoWallet walletWith(SessionPolicy policy) {
        Map<Token, String> funding = new LinkedHashMap<>();
        funding.put(Token.STRK, "1000");
        funding.put(wbtc, "2.5");
        funding.put(xstrk, "40");
        funding.put(fakeUsdc, "99");
        return node.dashboard().createWallet(new SandboxDashboard.WalletRequest(funding, SandboxDashboard.SessionRequest.of(policy, 24 * 3600)));
    }

    private SessionPolicy policyWithExtras() {
        return new SessionPolicy(List.of(Token.STRK.address(), wbtc.address(), xstrk.address(), fakeUsdc.address()),
                List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("100", 18)),
                        new SpendingLimit(wbtc.address(), U256.parseAmount("0.5", 8)),
                        new SpendingLimit(xstrk.address(), U256.parseAmount("10", 18))), 5);
    }

    @Test
    void policyTokensShowTheirOwnSymbolAndDecimalsFromTheFirstRefreshInOneRoundTrip() throws Exception {
        WalletService wallet = sandbox.connect(walletWith(policyWithExtras()).token());
        long before = wallet.roundTrips();
        WalletSnapshot snapshot = wallet.snapshot();
        assertEquals(1, wallet.roundTrips() - before, "the exported policy's tokens are named in the refresh's own batch");
        assertEquals("2.5 wBTC", shown(snapshot, wbtc.address()));
        assertEquals("40.0 xSTRK", shown(snapshot, xstrk.address()), "a ByteArray symbol");
        assertEquals(List.of("0.0 / 100.0 STRK", "0.0 / 0.5 wBTC", "0.0 / 10.0 xSTRK"), gauges(wallet.policyUsage(snapshot)));
        assertTrue(wallet.canMove(snapshot, wbtc.address()));
        assertFalse(wallet.canMove(snapshot, fakeUsdc.address()), "allowed, but the policy sets no limit on it");
        String remembered = Files.readString(sandbox.home().resolve("tokens.json"));
        assertTrue(remembered.contains("\"wBTC\"") && remembered.contains("\"policy\""), remembered);

        WalletService again = sandbox.connect(wallet.token());
        before = again.roundTrips();
        assertEquals("2.5 wBTC", shown(again.snapshot(), wbtc.address()));
        assertEquals(1, again.roundTrips() - before, "remembered: one batch");
    }

    @Test
    void aPolicyTokenOnlyTheChainNamesIsNamedOnceWithOneMoreBatch() {
        SandboxDashboard.DemoWallet demo = walletWith(new SessionPolicy(List.of(), List.of(
                new SpendingLimit(Token.STRK.address(), U256.parseAmount("100", 18))), 5));
        node.dashboard().registerSession(demo.address(), demo.token(), policyWithExtras()); // the chain's policy differs from the export
        WalletService wallet = sandbox.connect(demo.token());
        long before = wallet.roundTrips();
        WalletSnapshot first = wallet.snapshot();
        assertEquals(2, wallet.roundTrips() - before, "the refresh, then one batch for the spending and symbols of tokens only the chain names");
        assertEquals(List.of("0.0 / 100.0 STRK", "0.0 / 0.5 wBTC", "0.0 / 10.0 xSTRK"), gauges(wallet.policyUsage(first)));
        assertEquals("2.5 wBTC", shown(first, wbtc.address()));
        before = wallet.roundTrips();
        wallet.snapshot();
        assertEquals(1, wallet.roundTrips() - before, "named now: one batch again");
    }

    @Test
    void aPolicyTokenIsSentAndItsGaugeMoves() {
        WalletService wallet = sandbox.connect(walletWith(policyWithExtras()).token());
        wallet.transfer(wallet.findToken("wbtc"), RECIPIENT, U256.parseAmount("0.2", 8), true, WAIT, Progress.SILENT);
        WalletSnapshot after = wallet.snapshot();
        assertEquals("2.3 wBTC", shown(after, wbtc.address()));
        assertEquals(List.of("0.0 / 100.0 STRK", "0.2 / 0.5 wBTC", "0.0 / 10.0 xSTRK"), gauges(wallet.policyUsage(after)));
        WalletError over = assertThrows(WalletError.class, () -> wallet.transfer(wallet.findToken(wbtc.address().toHex()), RECIPIENT,
                U256.parseAmount("0.4", 8), true, WAIT, Progress.SILENT));
        assertEquals("Spending limit exceeded (0.2 used, 0.5 limit)", over.getMessage());
        assertTrue(over.advice().contains("0.3 wBTC"), over.advice());
    }

    @Test
    void activityListsTheTransfersOfPolicyTokensAndTokensAddedByHand() {
        WalletService wallet = sandbox.connect(walletWith(policyWithExtras()).token());
        Token gold = node.deployToken("Gold", "GOLD", 6, false);
        wallet.addToken(gold.address().toHex());
        node.mint(wallet.token().walletAddress(), gold, U256.parseAmount("7.25", 6));
        wallet.transfer(wallet.findToken("wbtc"), RECIPIENT, U256.parseAmount("0.2", 8), true, WAIT, Progress.SILENT);

        List<String> seen = wallet.activity(Optional.empty(), 50).entries().stream()
                .filter(e -> e.kind() == ActivityEntry.Kind.SENT || e.kind() == ActivityEntry.Kind.RECEIVED)
                .map(e -> e.kind().label() + " " + e.amountText() + " " + e.symbol()).toList();
        assertTrue(seen.contains("Sent 0.2 wBTC"), seen.toString());
        assertTrue(seen.contains("Received 7.25 GOLD"), seen.toString());
    }

    @Test
    void aTokenAddedByHandIsListedAndAFakeUsdcCannotPassForTheRealOne() {
        WalletService wallet = sandbox.connect(walletWith(policyWithExtras()).token());
        WalletToken added = wallet.addToken(fakeUsdc.address().toHex());
        assertEquals(WalletToken.Source.ADDED, added.source());
        assertTrue(added.lookalike());
        String shortAddress = CallSummary.shortHex(fakeUsdc.address());
        assertEquals("USDC (" + shortAddress + ")", added.token().symbol());
        assertEquals(6, added.token().decimals());
        assertEquals(Token.USDC, wallet.findToken("usdc"), "the symbol always means the built-in token");
        assertEquals("99.0 USDC (" + shortAddress + ")", shown(wallet.snapshot(), fakeUsdc.address()));
        assertEquals(List.of("STRK", "ETH", "USDC", "USDT", "USDC (" + shortAddress + ")"),
                wallet.tokens().stream().map(t -> t.token().symbol()).toList().stream().filter(s -> !s.contains("BTC") && !s.contains("xSTRK")).toList());

        assertEquals(WalletToken.Source.ADDED, wallet.removeToken(fakeUsdc.address().toHex()).source());
        assertTrue(wallet.snapshot().balance(fakeUsdc.address()).isEmpty(), "removed: no longer read");
    }

    @Test
    void whatIsNotATokenIsRefusedAndPolicyTokensStay() {
        WalletService wallet = sandbox.connect(walletWith(policyWithExtras()).token());
        wallet.snapshot();
        WalletError swap = assertThrows(WalletError.class, () -> wallet.addToken(SandboxNode.DEMO_SWAP.toHex()));
        assertEquals(WalletError.Code.NOT_A_TOKEN, swap.code());
        assertTrue(swap.getMessage().contains("does not answer symbol(), decimals() and balanceOf() as an ERC-20 does"), swap.getMessage());
        WalletError nothing = assertThrows(WalletError.class, () -> wallet.addToken("0x1234"));
        assertEquals(WalletError.Code.NOT_A_TOKEN, nothing.code());
        assertTrue(nothing.getMessage().contains("no contract is deployed there on sandbox"), nothing.getMessage());
        assertEquals(WalletError.Code.INVALID_ADDRESS, assertThrows(WalletError.class, () -> wallet.addToken("0xzz")).code());
        assertEquals(WalletError.Code.INVALID_ARGUMENT, assertThrows(WalletError.class, () -> wallet.addToken(Token.ETH.address().toHex())).code());
        WalletError policy = assertThrows(WalletError.class, () -> wallet.removeToken("wBTC"));
        assertTrue(policy.getMessage().contains("named by a session's spending policy"), policy.getMessage());
        assertEquals(WalletError.Code.UNKNOWN_TOKEN, assertThrows(WalletError.class, () -> wallet.findToken("DOGE")).code());
    }

    @Test
    void anAllowanceIsListedWithWhatIsLeftAndRevokedToZero() {
        WalletService wallet = sandbox.connect(walletWith(policyWithExtras()).token());
        assertEquals(List.of(), wallet.allowances());
        wallet.approve(wallet.findToken("wBTC"), SPENDER, U256.parseAmount("0.25", 8), true, WAIT, Progress.SILENT);
        List<Allowance> open = wallet.allowances();
        assertEquals(1, open.size());
        assertEquals("wBTC", open.getFirst().token().symbol());
        assertEquals(SPENDER, open.getFirst().spender());
        assertEquals("0.25", open.getFirst().amount().toAmountString(8));
        assertTrue(open.getFirst().isOpen());

        assertTrue(wallet.quoteApprove(open.getFirst().token(), SPENDER, U256.ZERO).maxFee().signum() > 0);
        wallet.approve(open.getFirst().token(), SPENDER, U256.ZERO, true, WAIT, Progress.SILENT);
        List<Allowance> after = wallet.allowances();
        assertEquals(1, after.size());
        assertTrue(after.getFirst().amount().isZero());
        assertFalse(after.getFirst().isOpen());
    }

    private static String shown(WalletSnapshot snapshot, Felt token) {
        Balance balance = snapshot.balance(token).orElseThrow(() -> new AssertionError("no balance of " + token.toHex()));
        return balance.display() + " " + balance.token().symbol();
    }

    private static List<String> gauges(PolicyUsage usage) {
        return usage.limits().stream().map(l -> l.spentDisplay() + " / " + l.limitDisplay() + " " + l.symbol()).toList();
    }
}
