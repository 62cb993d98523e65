package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.wallet.WalletSandbox.RECIPIENT;
import static xyz.cavos.wallet.wallet.WalletSandbox.WAIT;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.sandbox.SandboxPaymaster;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.starknet.paymaster.PaymasterKey;
import xyz.cavos.wallet.testing.SpecCheckingProxy;

/**
 * Transfers through the sandbox's SNIP-29 paymaster from a wallet holding no STRK: sponsored, and paid in USDC (the fee
 * counts in the session's USDC spending); a paymaster that alters what it was asked to build is refused before anything
 * is signed, and so is a gas token the session may not move. Every exchange with the paymaster is checked against the
 * SNIP-29 OpenRPC document on the way.
 */
class GaslessIT {

    @RegisterExtension
    final WalletSandbox sandbox = new WalletSandbox();
    private final SandboxNode node = sandbox.node();
    /** Every paymaster request and reply of these tests goes through it and is checked against the SNIP-29 OpenRPC document. */
    private final SpecCheckingProxy checked = new SpecCheckingProxy(node.paymasterUri());

    @AfterEach
    void everyPaymasterExchangeWasTheSpecs() {
        checked.close();
        assertEquals(List.of(), checked.specProblems());
    }

    private SandboxDashboard.DemoWallet walletWithoutStrk(SessionPolicy policy) {
        Map<Token, String> funding = new LinkedHashMap<>();
        funding.put(Token.USDC, "100");
        return node.dashboard().createWallet(new SandboxDashboard.WalletRequest(funding, SandboxDashboard.SessionRequest.of(policy, 24 * 3600)));
    }

    private static SessionPolicy usdcAndStrk() {
        return new SessionPolicy(List.of(Token.STRK.address(), Token.USDC.address(), Token.ETH.address()),
                List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("100", 18)),
                        new SpendingLimit(Token.USDC.address(), U256.parseAmount("50", 6))), 5);
    }

    private FeePayment.Paymaster paymaster(boolean withKey) {
        return new FeePayment.Paymaster(checked.uri(), withKey ? Optional.of(PaymasterKey.of(node.paymasterApiKey())) : Optional.empty());
    }

    private BigInteger usdc(SandboxDashboard.DemoWallet wallet) {
        return node.balanceOf(wallet.address(), Token.USDC);
    }

    @Test
    void aWalletWithNoStrkSendsUsdcSponsored() {
        SandboxDashboard.DemoWallet demo = walletWithoutStrk(usdcAndStrk());
        WalletService wallet = sandbox.connect(demo.token());
        assertEquals(BigInteger.ZERO, node.balanceOf(demo.address(), Token.STRK));
        FeePayment sponsored = new FeePayment.Sponsored(paymaster(true));

        GaslessQuote quote = wallet.quoteGasless(List.of(WalletService.transferCall(Token.USDC, RECIPIENT, U256.parseAmount("12.5", 6))), sponsored);
        assertTrue(quote.sponsored());

        TransactionOutcome sent = wallet.transfer(Token.USDC, RECIPIENT, U256.parseAmount("12.5", 6), sponsored, true, WAIT, Progress.SILENT);
        assertTrue(sent.receipt().orElseThrow().isSucceeded());
        assertEquals(U256.parseAmount("12.5", 6).value(), node.balanceOf(RECIPIENT, Token.USDC));
        assertEquals(U256.parseAmount("87.5", 6).value(), usdc(demo), "no fee taken from the wallet");
        assertEquals("12.5", usage(wallet, Token.USDC));
        assertTrue(checked.methodsChecked().containsAll(List.of("paymaster_buildTransaction", "paymaster_executeTransaction",
                "paymaster_trackingIdToLatestHash")), checked.methodsChecked().toString());
    }

    @Test
    void aWalletWithNoStrkPaysTheFeeInUsdcAndTheFeeCountsInItsSpending() {
        SandboxDashboard.DemoWallet demo = walletWithoutStrk(usdcAndStrk());
        WalletService wallet = sandbox.connect(demo.token());
        FeePayment inUsdc = new FeePayment.InToken(paymaster(false), Token.USDC, Optional.empty());

        GaslessQuote quote = wallet.quoteGasless(List.of(WalletService.transferCall(Token.USDC, RECIPIENT, U256.parseAmount("10", 6))), inUsdc);
        assertEquals(Optional.of(Token.USDC), quote.gasToken());
        assertTrue(quote.maximum().value().signum() > 0 && quote.estimated().compareTo(quote.maximum()) <= 0, quote.toString());

        wallet.transfer(Token.USDC, RECIPIENT, U256.parseAmount("10", 6), inUsdc, true, WAIT, Progress.SILENT);
        BigInteger fee = node.balanceOf(node.relayerAddress(), Token.USDC);
        assertTrue(fee.signum() > 0 && fee.compareTo(quote.maximum().value()) <= 0, "the relayer got its fee in USDC: " + fee);
        assertEquals(U256.parseAmount("90", 6).value().subtract(fee), usdc(demo));
        assertEquals(U256.of(U256.parseAmount("10", 6).value().add(fee)).toAmountString(6), usage(wallet, Token.USDC),
                "the fee transfer counts against the USDC limit");
    }

    @Test
    void aPaymasterThatAltersTheCallsIsRefusedAndNothingIsSigned() {
        SandboxDashboard.DemoWallet demo = walletWithoutStrk(usdcAndStrk());
        WalletService wallet = sandbox.connect(demo.token());
        for (SandboxPaymaster.Misbehaviour trick : List.of(SandboxPaymaster.Misbehaviour.ADD_CALL, SandboxPaymaster.Misbehaviour.CHANGE_CALL,
                SandboxPaymaster.Misbehaviour.FEE_ABOVE_MAX, SandboxPaymaster.Misbehaviour.WRONG_CHAIN, SandboxPaymaster.Misbehaviour.WRONG_DOMAIN)) {
            node.paymaster().misbehave(trick);
            WalletError refused = assertThrows(WalletError.class, () -> wallet.transfer(Token.USDC, RECIPIENT, U256.parseAmount("1", 6),
                    new FeePayment.InToken(paymaster(false), Token.USDC, Optional.empty()), true, WAIT, Progress.SILENT), trick.name());
            assertTrue(refused.code() == WalletError.Code.PAYMASTER_TAMPERED || refused.code() == WalletError.Code.FEE_ABOVE_MAXIMUM,
                    trick + ": " + refused.code() + " " + refused.getMessage());
            assertEquals(U256.parseAmount("100", 6).value(), usdc(demo), trick + " moved nothing");
        }
        assertEquals(BigInteger.ZERO, node.balanceOf(SandboxPaymaster.THIEF, Token.USDC));
    }

    @Test
    void aGasTokenOutsideThePolicyIsRefusedBeforeAnythingIsSigned() {
        SandboxDashboard.DemoWallet demo = walletWithoutStrk(usdcAndStrk());
        node.mint(demo.address(), Token.ETH, U256.parseAmount("1", 18));
        WalletService wallet = sandbox.connect(demo.token());
        WalletError refused = assertThrows(WalletError.class, () -> wallet.transfer(Token.USDC, RECIPIENT, U256.parseAmount("1", 6),
                new FeePayment.InToken(paymaster(false), Token.ETH, Optional.empty()), true, WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.GAS_TOKEN_NOT_IN_POLICY, refused.code(), refused.getMessage());
        assertEquals(U256.parseAmount("100", 6).value(), usdc(demo));
    }

    @Test
    void sponsoredWithoutTheApiKeyIsRefusedAndSaysSo() {
        SandboxDashboard.DemoWallet demo = walletWithoutStrk(usdcAndStrk());
        WalletService wallet = sandbox.connect(demo.token());
        WalletError refused = assertThrows(WalletError.class, () -> wallet.transfer(Token.USDC, RECIPIENT, U256.parseAmount("1", 6),
                new FeePayment.Sponsored(paymaster(false)), true, WAIT, Progress.SILENT));
        assertTrue(refused.getMessage().toLowerCase().contains("key"), refused.getMessage());
        assertFalse(refused.getMessage().contains(node.paymasterApiKey()));
        assertEquals(U256.parseAmount("100", 6).value(), usdc(demo));
    }

    @Test
    void aWalletWithNoStrkRevokesItsSessionSponsoredAndEverySessionPayingInUsdc() {
        SandboxDashboard.DemoWallet demo = walletWithoutStrk(usdcAndStrk());
        WalletService wallet = sandbox.connect(demo.token());
        TransactionOutcome revoked = wallet.revoke(new FeePayment.Sponsored(paymaster(true)), true, WAIT, Progress.SILENT);
        assertTrue(revoked.receipt().orElseThrow().isSucceeded());
        assertEquals(SessionState.REVOKED, wallet.sessionStatus().state());
        assertEquals(U256.parseAmount("100", 6).value(), usdc(demo), "sponsored: no fee");

        SessionToken second = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.of(usdcAndStrk(), 24 * 3600));
        WalletService other = sandbox.connect(second);
        other.revokeAll(new FeePayment.InToken(paymaster(false), Token.USDC, Optional.empty()), true, WAIT, Progress.SILENT);
        SessionStatus all = other.sessionStatus();
        assertEquals(SessionState.REVOKED, all.state());
        assertTrue(all.revocation().orElseThrow().contains("emergency"), all.toString());
        BigInteger fee = node.balanceOf(node.relayerAddress(), Token.USDC);
        assertTrue(fee.signum() > 0, "the emergency revoke paid its fee in USDC");
        assertEquals(U256.parseAmount("100", 6).value().subtract(fee), usdc(demo));
    }

    @Test
    void anExpiredSessionRenewsSponsoredButNotPayingInAToken() {
        SandboxDashboard.DemoWallet demo = walletWithoutStrk(usdcAndStrk());
        SessionToken hour = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.of(usdcAndStrk(), 3600));
        WalletService wallet = sandbox.connect(hour);
        node.increaseTime(3601);
        assertEquals(SessionState.EXPIRED_RENEWABLE, wallet.sessionStatus().state());

        WalletError inToken = assertThrows(WalletError.class, () -> wallet.renew(false,
                new FeePayment.InToken(paymaster(false), Token.USDC, Optional.empty()), WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.INVALID_ARGUMENT, inToken.code());
        assertTrue(inToken.advice().contains("sponsored"), inToken.advice());
        assertTrue(checked.methodsChecked().isEmpty(), "refused before the paymaster was asked: " + checked.methodsChecked());

        FeePayment sponsored = new FeePayment.Sponsored(paymaster(true));
        assertTrue(wallet.quoteRenewal(sponsored).sponsored());
        WalletService.Renewal renewal = wallet.renew(false, sponsored, WAIT, Progress.SILENT);
        assertTrue(renewal.outcome().receipt().orElseThrow().isSucceeded());
        WalletService renewed = sandbox.connect(renewal.newToken());
        assertEquals(SessionState.ACTIVE, renewed.sessionStatus().state());
        renewed.transfer(Token.USDC, RECIPIENT, U256.parseAmount("1", 6), sponsored, true, WAIT, Progress.SILENT);
        assertEquals(U256.parseAmount("99", 6).value(), usdc(demo));
    }

    private static String usage(WalletService wallet, Token token) {
        return wallet.policyUsage().limits().stream().filter(l -> l.tokenAddress().equals(token.address())).findFirst().orElseThrow()
                .spentDisplay();
    }
}
