package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.wallet.WalletSandbox.RECIPIENT;
import static xyz.cavos.wallet.wallet.WalletSandbox.WAIT;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.ProviderLimits;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.StaleExports;

/** The wallet service against an in-process sandbox. */
class WalletServiceIT {

    @RegisterExtension
    final WalletSandbox sandbox = new WalletSandbox();
    private final SandboxNode node = sandbox.node();
    private final SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());

    @Test
    void theTokensHintsFindTheSandboxAndAReadIsOneRoundTrip() {
        WalletService wallet = sandbox.connect(demo.token());
        assertEquals(Network.SANDBOX, wallet.network());
        long before = wallet.roundTrips();
        WalletSnapshot snapshot = wallet.snapshot();
        assertEquals(1, wallet.roundTrips() - before, "balances, session, spending, revocations and nonce in one batch");
        assertEquals("1000.0", snapshot.balance(Token.STRK.address()).orElseThrow().display());
        assertEquals("0.5", snapshot.balance(Token.ETH.address()).orElseThrow().display());
        SessionStatus status = wallet.status(snapshot);
        assertEquals(SessionState.ACTIVE, status.state());
        assertEquals(demo.token().validUntil(), status.validUntil());
        PolicyUsage policy = wallet.policyUsage(snapshot);
        assertEquals(List.of("0.0 / 100.0 STRK", "0.0 / 0.1 ETH", "0.0 / 50.0 USDC"),
                policy.limits().stream().map(l -> l.spentDisplay() + " / " + l.limitDisplay() + " " + l.symbol()).toList());
        assertTrue(policy.allowedContracts().stream().anyMatch(c -> c.name().startsWith("Demo swap")), policy.toString());
        assertEquals(List.of(), policy.warnings());
    }

    @Test
    void aProviderWithoutPreConfirmedIsReadAtLatestAndStaysOneRoundTrip() {
        node.setLimits(new ProviderLimits(true, 0));
        WalletService wallet = sandbox.connect(demo.token());
        long before = wallet.roundTrips();
        WalletSnapshot first = wallet.snapshot();
        assertEquals(2, wallet.roundTrips() - before, "the refused batch, then the same batch at latest");
        assertEquals("latest", first.blockTag());
        assertEquals(node.blockNumber(), first.blockNumber());
        assertEquals("1000.0", first.balance(Token.STRK.address()).orElseThrow().display());

        WalletService again = sandbox.connect(demo.token()); // the app reconnects, the endpoint is remembered
        before = again.roundTrips();
        assertEquals("latest", again.snapshot().blockTag());
        assertEquals(1, again.roundTrips() - before, "later reads go to latest at once");
        TransactionOutcome sent = again.transfer(Token.STRK, RECIPIENT, U256.parseAmount("1", 18), true, WAIT, Progress.SILENT);
        assertTrue(sent.receipt().isPresent(), "fee estimation reads at latest too");
    }

    /** The policy registered on chain in the stale-export scenarios: three contracts, 10 STRK, 3 calls. */
    private static final SessionPolicy ON_CHAIN = new SessionPolicy(List.of(Token.STRK.address(), Token.ETH.address(), SandboxNode.DEMO_SWAP),
            List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("10", 18))), 3);

    /** A token for a fresh key of the demo wallet, exported with {@code policy}, registered with {@link #ON_CHAIN}. */
    private SessionToken staleExport(Optional<SessionPolicy> policy) {
        return StaleExports.register(node, demo.address(), policy, ON_CHAIN);
    }

    @Test
    void moreThanEightPoliciesTakeOneMoreTripOnceAndTheFirstLimitOfATokenIsTheOneShown() {
        List<SpendingLimit> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            many.add(new SpendingLimit(Token.STRK.address(), U256.parseAmount(Integer.toString(i), 18)));
        }
        SessionToken token = staleExport(Optional.of(ON_CHAIN));
        node.dashboard().registerSession(demo.address(), token, new SessionPolicy(ON_CHAIN.allowedContracts(), many, 3));
        WalletService wallet = sandbox.connect(token);
        long before = wallet.roundTrips();
        PolicyUsage first = wallet.policyUsage();
        assertEquals(2, wallet.roundTrips() - before, "the count says 10: the last two policies are read once more");
        assertEquals(List.of("1.0 STRK"), first.limits().stream().map(l -> l.limitDisplay() + " " + l.symbol()).toList(),
                "the account enforces the first limit on a token");
        assertEquals(9, first.warnings().stream().filter(w -> w.startsWith("The account enforces only the first limit on STRK")).count());
        before = wallet.roundTrips();
        wallet.policyUsage();
        assertEquals(1, wallet.roundTrips() - before, "policies never change after registration: kept, one round trip again");
    }

    @Test
    void aLooserExportShowsAndObeysTheChainsPolicy() {
        SessionToken looser = staleExport(Optional.of(new SessionPolicy(ON_CHAIN.allowedContracts(),
                List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("1000", 18))), 10)));
        WalletService wallet = sandbox.connect(looser);
        long before = wallet.roundTrips();
        PolicyUsage usage = wallet.policyUsage();
        assertEquals(1, wallet.roundTrips() - before, "policy, limits and usage in one round trip");
        assertTrue(usage.fromChain());
        assertEquals(List.of("0.0 / 10.0 STRK"), usage.limits().stream().map(l -> l.spentDisplay() + " / " + l.limitDisplay() + " "
                + l.symbol()).toList());
        assertEquals(3, usage.maxCallsPerTx());
        assertTrue(usage.warnings().stream().anyMatch(w -> w.contains("differ from the ones registered on chain")), usage.warnings().toString());
        WalletError over = assertThrows(WalletError.class,
                () -> wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("11", 18), true, WAIT, Progress.SILENT));
        assertEquals("Spending limit exceeded (0 used, 10 limit)", over.getMessage());
        assertEquals(0, node.balanceOf(RECIPIENT, Token.STRK).signum(), "refused before signing: nothing sent");
    }

    @Test
    void aStricterExportMaySpendWhatTheChainAllows() {
        SessionToken stricter = staleExport(Optional.of(new SessionPolicy(ON_CHAIN.allowedContracts(),
                List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("1", 18))), 1)));
        WalletService wallet = sandbox.connect(stricter);
        TransactionOutcome sent = wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("5", 18), true, WAIT, Progress.SILENT);
        assertTrue(sent.receipt().orElseThrow().isSucceeded());
        assertEquals("5.0", wallet.policyUsage().limits().getFirst().spentDisplay());
    }

    @Test
    void aTokenWithoutPolicyOnARestrictedSessionSaysItCannotProveAndStillRevokes() {
        SessionToken bare = staleExport(Optional.empty());
        WalletService wallet = sandbox.connect(bare);
        PolicyUsage usage = wallet.policyUsage();
        assertEquals("10.0", usage.limits().getFirst().limitDisplay(), "the chain's limit, not 'no limits'");
        assertTrue(usage.restrictsContracts());
        assertFalse(usage.warnings().contains("No contract allow-list: the session may call any contract."), usage.warnings().toString());
        WalletError stale = assertThrows(WalletError.class,
                () -> wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("1", 18), true, WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.TOKEN_OUT_OF_DATE, stale.code());

        assertTrue(wallet.revoke(true, WAIT, Progress.SILENT).receipt().orElseThrow().isSucceeded(), "a self-call needs no proof");
        SessionStatus status = wallet.sessionStatus();
        assertEquals(SessionState.REVOKED, status.state());
        assertEquals(Optional.of("revoked from this device"), status.revocation());
    }

    @Test
    void aRenewalCarriesTheChainsPolicyNotTheTokens() {
        SessionToken looser = staleExport(Optional.of(new SessionPolicy(ON_CHAIN.allowedContracts(), List.of(), 10)));
        WalletService wallet = sandbox.connect(looser);
        wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("2", 18), true, WAIT, Progress.SILENT);
        node.increaseTime(6 * 3600 + 60);
        WalletService.Renewal renewal = wallet.renew(WAIT, Progress.SILENT);
        assertTrue(renewal.outcome().receipt().orElseThrow().isSucceeded());
        PolicyUsage renewed = sandbox.connect(renewal.newToken()).policyUsage();
        assertTrue(renewed.fromChain());
        assertEquals(List.of("10.0 STRK"), renewed.limits().stream().map(l -> l.limitDisplay() + " " + l.symbol()).toList(),
                "the new session on chain has the old one's limits, not the token's none");
        assertEquals(3, renewed.maxCallsPerTx());
        assertTrue(renewed.restrictsContracts());
        assertEquals("0.0", renewed.limits().getFirst().spentDisplay(), "a fresh allowance for the new key");
        assertEquals(1, renewed.renewals().renewals());
        assertEquals("2.0", renewed.renewals().sinceFirstExport(Token.STRK.address(), renewed.limits().getFirst().spent()).toAmountString(18),
                "what the renewal chain spent, for the person to see");

        WalletError twice = assertThrows(WalletError.class, () -> wallet.renew(WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.ALREADY_RENEWED, twice.code(), "one renewal per key from this installation");
        WalletService.Renewal again = wallet.renew(true, WAIT, Progress.SILENT);
        assertTrue(again.outcome().receipt().orElseThrow().isSucceeded(), "on purpose, it may renew again");
    }

    @Test
    void emergencyRevocationIsReadFromStorageEvenWhenEveryEventSearchIsRefused() {
        node.setLimits(new ProviderLimits(false, 1));
        WalletService wallet = sandbox.connect(demo.token());
        assertEquals(SessionState.ACTIVE, wallet.sessionStatus().state());
        wallet.revokeAll(true, WAIT, Progress.SILENT);
        SessionStatus status = wallet.sessionStatus();
        assertEquals(SessionState.REVOKED, status.state());
        assertEquals(Optional.of("all sessions revoked (emergency revoke)"), status.revocation());
        SessionToken later = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.demo());
        assertEquals(SessionState.ACTIVE, sandbox.connect(later).sessionStatus().state(), "a session registered after it is not revoked");
    }

    @Test
    void aTransferIsCheckedSignedSentAndCounted() {
        WalletService wallet = sandbox.connect(demo.token());
        TransactionOutcome outcome = wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("1.5", 18), true, WAIT, Progress.SILENT);
        TransactionReceipt receipt = outcome.receipt().orElseThrow();
        assertTrue(receipt.isSucceeded());
        assertTrue(receipt.actualFee().compareTo(outcome.maxFee()) <= 0);
        assertEquals(U256.parseAmount("1.5", 18).value(), node.balanceOf(RECIPIENT, Token.STRK));
        WalletSnapshot after = wallet.snapshot();
        assertEquals(U256.parseAmount("1.5", 18), after.spent().get(Token.STRK.address()));
        assertEquals(1, after.callsMade());
        assertEquals("1.5 / 100.0", wallet.policyUsage(after).limits().getFirst().spentDisplay() + " / "
                + wallet.policyUsage(after).limits().getFirst().limitDisplay());
    }

    @Test
    void preflightRefusesInTheSeedsWordsAndSendsNothing() {
        WalletService wallet = sandbox.connect(demo.token());
        wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("55", 18), true, WAIT, Progress.SILENT);
        Felt nonce = wallet.snapshot().nonce();

        WalletError over = assertThrows(WalletError.class,
                () -> wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("60", 18), true, WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.SPENDING_LIMIT_EXCEEDED, over.code());
        assertEquals("Spending limit exceeded (55 used, 100 limit)", over.getMessage());
        assertTrue(over.advice().contains("45 STRK more"), over.advice());

        WalletError denied = assertThrows(WalletError.class,
                () -> wallet.transfer(Token.USDT, RECIPIENT, U256.parseAmount("1", 6), true, WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.CONTRACT_NOT_ALLOWED, denied.code());
        assertEquals("Contract not allowed by policy", denied.getMessage());

        Call small = Call.of(Token.STRK.address(), "transfer", List.of(RECIPIENT, Felt.ONE, Felt.ZERO));
        WalletError many = assertThrows(WalletError.class, () -> wallet.execute(Collections.nCopies(6, small), true, WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.TOO_MANY_CALLS, many.code());

        WalletError badCalldata = assertThrows(WalletError.class,
                () -> wallet.execute(List.of(Call.of(Token.STRK.address(), "transfer", List.of(RECIPIENT))), true, WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.INVALID_CALLDATA, badCalldata.code());

        assertEquals(nonce, wallet.snapshot().nonce(), "nothing was sent");

        node.increaseTime(25 * 3600);
        WalletError expired = assertThrows(WalletError.class,
                () -> wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("1", 18), true, WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.SESSION_EXPIRED, expired.code());
        assertEquals("Session expired", expired.getMessage());
        assertInstanceOf(NextStep.RenewSession.class, expired.next());
    }

    @Test
    void insufficientBalanceCountsTheFeeForStrk() {
        SessionToken unlimited = node.dashboard().registerSession(demo.address(),
                SandboxDashboard.SessionRequest.of(new SessionPolicy(List.of(), List.of(), 5), 3600));
        WalletService wallet = sandbox.connect(unlimited);
        WalletError error = assertThrows(WalletError.class,
                () -> wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("1000", 18), true, WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.INSUFFICIENT_BALANCE, error.code());
        assertTrue(error.getMessage().contains("for the fee") && error.getMessage().contains("1,000 STRK available"), error.getMessage());
        assertTrue(wallet.policyUsage().warnings().contains("No spending limits: unlimited transfers allowed."));
    }

    @Test
    void revokeAndEmergencyRevokeShowAsRevoked() {
        SessionToken second = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.demo());
        WalletService first = sandbox.connect(demo.token());
        first.revoke(true, WAIT, Progress.SILENT);
        SessionStatus revoked = first.sessionStatus();
        assertEquals(SessionState.REVOKED, revoked.state());
        assertEquals(WalletError.Code.SESSION_REVOKED, assertThrows(WalletError.class,
                () -> first.transfer(Token.STRK, RECIPIENT, U256.of(1), true, WAIT, Progress.SILENT)).code());

        WalletService other = sandbox.connect(second);
        assertEquals(SessionState.ACTIVE, other.sessionStatus().state());
        other.revokeAll(true, WAIT, Progress.SILENT);
        SessionStatus all = other.sessionStatus();
        assertEquals(SessionState.REVOKED, all.state());
        assertTrue(all.revocation().orElseThrow().contains("emergency"), all.toString());
    }

    @Test
    void renewalOnlyAfterExpiryAndInsideTheGraceWindow() {
        SessionToken hour = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.of(
                SandboxDashboard.SessionRequest.demo().policy().orElseThrow(), 3600));
        WalletService wallet = sandbox.connect(hour);
        WalletError early = assertThrows(WalletError.class, () -> wallet.renew(WAIT, Progress.SILENT));
        assertEquals(WalletError.Code.RENEWAL_NOT_NEEDED, early.code());
        assertTrue(early.getMessage().startsWith("Session is still active ("), early.getMessage());

        node.increaseTime(3601);
        assertEquals(SessionState.EXPIRED_RENEWABLE, wallet.sessionStatus().state());
        WalletService.Renewal renewal = wallet.renew(WAIT, Progress.SILENT);
        assertTrue(renewal.outcome().receipt().orElseThrow().isSucceeded());
        assertFalse(renewal.newToken().sameSession(hour));
        WalletService renewed = sandbox.connect(renewal.newToken());
        assertEquals(SessionState.ACTIVE, renewed.sessionStatus().state());
        renewed.transfer(Token.STRK, RECIPIENT, U256.parseAmount("1", 18), true, WAIT, Progress.SILENT);

        node.increaseTime(3600 * 24 * 4);
        assertEquals(WalletError.Code.RENEWAL_PERIOD_EXPIRED, assertThrows(WalletError.class, () -> renewed.renew(WAIT, Progress.SILENT)).code());
    }

    @Test
    void simulateQuotesAFeeAndSendsNothing() {
        WalletService wallet = sandbox.connect(demo.token());
        Felt nonce = wallet.snapshot().nonce();
        FeeQuote quote = wallet.simulate(List.of(Call.of(Token.STRK.address(), "transfer", List.of(RECIPIENT, Felt.ONE, Felt.ZERO))));
        assertTrue(quote.estimatedFee().signum() > 0 && quote.maxFee().compareTo(quote.estimatedFee()) > 0);
        assertEquals(nonce, wallet.snapshot().nonce());
    }

    @Test
    void networkResolutionFollowsFlagsThenTokenAndCatchesMismatches() {
        String url = node.rpcUri().toString();
        WalletService byUrl = WalletService.connect(demo.token(),
                new ConnectionOptions(Optional.empty(), Optional.of(url), Duration.ofSeconds(5)), Optional.empty());
        assertEquals(0, byUrl.roundTrips(), "connecting asks the node nothing");
        WalletSnapshot read = byUrl.snapshot();
        assertEquals(1, byUrl.roundTrips(), "given only a URL, one round trip still reads everything and names the network");
        assertEquals(Network.SANDBOX, read.network());
        assertEquals(Network.SANDBOX, byUrl.network(), "the chain id tells the network");
        assertEquals(1, byUrl.roundTrips());
        WalletService wrong = WalletService.connect(demo.token(),
                new ConnectionOptions(Optional.of("mainnet"), Optional.of(url), Duration.ofSeconds(5)), Optional.empty());
        assertEquals(WalletError.Code.CHAIN_MISMATCH, assertThrows(WalletError.class, wrong::snapshot).code());
        assertEquals(WalletError.Code.INVALID_ARGUMENT, assertThrows(WalletError.class, () -> WalletService.connect(demo.token(),
                new ConnectionOptions(Optional.of("moon"), Optional.empty(), Duration.ofSeconds(5)), Optional.empty())).code());
    }
}
