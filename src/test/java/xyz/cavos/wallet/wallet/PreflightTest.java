package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/** The account's rules before signing, as a pure function of a snapshot and the calls: no node involved. */
class PreflightTest {

    private static final long NOW = 1_800_000_000L;
    private static final Felt WALLET = Felt.parse("0x4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f");
    private static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
    private static final Felt OUTSIDER = Felt.parse("0x123456789abcdef");
    private static final SessionPolicy POLICY = new SessionPolicy(List.of(Token.STRK.address(), Token.ETH.address()),
            List.of(new SpendingLimit(Token.STRK.address(), strk("100"))), 5);
    private static final SessionToken TOKEN = SessionToken.builder(Felt.of(0x5eed), WALLET)
            .validity(NOW - 3600, NOW + 20 * 3600, NOW + 20 * 3600 + CavosAccount.RENEWAL_GRACE_SECONDS)
            .randomness(Felt.of(7)).policy(Optional.of(POLICY)).build();

    private static U256 strk(String amount) {
        return U256.parseAmount(amount, 18);
    }

    private static OnChainSession registered(long validUntil) {
        return new OnChainSession(TOKEN.nonce(), NOW - 3600, validUntil, validUntil + CavosAccount.RENEWAL_GRACE_SECONDS, 3,
                POLICY.allowedContractsRoot(), POLICY.maxCallsPerTx());
    }

    private static final ChainPolicy AS_EXPORTED = new ChainPolicy(POLICY.allowedContractsRoot(), POLICY.maxCallsPerTx(),
            POLICY.spendingLimits(), true, Optional.empty());

    private static WalletSnapshot snapshot(OnChainSession session, String spentStrk, String strkBalance) {
        return snapshot(session, spentStrk, strkBalance, AS_EXPORTED);
    }

    private static WalletSnapshot snapshot(OnChainSession session, String spentStrk, String strkBalance, ChainPolicy chain) {
        return new WalletSnapshot(Network.SANDBOX, 10, NOW, List.of(new Balance(Token.STRK, strk(strkBalance)),
                new Balance(Token.ETH, U256.parseAmount("0.5", 18))), session, Map.of(Token.STRK.address(), strk(spentStrk)),
                Optional.empty(), Felt.of(4), 0, "pre_confirmed", chain, RenewalChain.NONE);
    }

    private static WalletSnapshot onChain(ChainPolicy chain) {
        return snapshot(registered(NOW + 20 * 3600), "0", "1000", chain);
    }

    private static WalletSnapshot active(String spentStrk) {
        return snapshot(registered(NOW + 20 * 3600), spentStrk, "1000");
    }

    private static Call transfer(Token token, U256 amount) {
        List<Felt> data = new ArrayList<>(List.of(RECIPIENT));
        data.addAll(amount.toCalldata());
        return new Call(token.address(), Preflight.TRANSFER, data);
    }

    private static WalletError refused(WalletSnapshot snapshot, List<Call> calls) {
        return assertThrows(WalletError.class, () -> Preflight.check(TOKEN, snapshot, calls));
    }

    @Test
    void aTransferWithinTheLimitPasses() {
        assertDoesNotThrow(() -> Preflight.check(TOKEN, active("55"), List.of(transfer(Token.STRK, strk("45")))));
    }

    @Test
    void overTheLimitIsRefusedInTheSeedsWordsWithWhatIsLeft() {
        WalletError e = refused(active("55"), List.of(transfer(Token.STRK, strk("45.000000000000000001"))));
        assertEquals(WalletError.Code.SPENDING_LIMIT_EXCEEDED, e.code());
        assertEquals("Spending limit exceeded (55 used, 100 limit)", e.getMessage());
        assertTrue(e.advice().contains("At most 45 STRK more"), e.advice());
        assertInstanceOf(NextStep.SeePolicy.class, e.next());
    }

    @Test
    void callsToOneTokenAreAddedUpAndApproveCountsToo() {
        Call approve = new Call(Token.STRK.address(), Preflight.APPROVE, transfer(Token.STRK, strk("30")).calldata());
        WalletError e = refused(active("0"), List.of(transfer(Token.STRK, strk("80")), approve));
        assertEquals(WalletError.Code.SPENDING_LIMIT_EXCEEDED, e.code());
    }

    @Test
    void aTokenWithoutALimitCannotBeMovedWhenThePolicyHasLimits() {
        WalletError e = refused(active("0"), List.of(transfer(Token.ETH, U256.parseAmount("0.1", 18))));
        assertEquals(WalletError.Code.TOKEN_NOT_IN_POLICY, e.code());
        assertTrue(e.getMessage().startsWith("Token not in spending policy: ETH"), e.getMessage());
    }

    @Test
    void moreCallsThanTheChainAllowsAreRefused() {
        List<Call> six = Collections.nCopies(6, transfer(Token.STRK, strk("1")));
        WalletError e = refused(active("0"), six);
        assertEquals(WalletError.Code.TOO_MANY_CALLS, e.code());
        assertEquals("Too many calls in transaction (6; this session allows 5).", e.getMessage());
    }

    @Test
    void aContractOutsideTheAllowListIsRefusedButTheAccountItselfIsNot() {
        WalletError e = refused(active("0"), List.of(new Call(OUTSIDER, Preflight.TRANSFER, List.of())));
        assertEquals(WalletError.Code.CONTRACT_NOT_ALLOWED, e.code());
        assertEquals("Contract not allowed by policy", e.getMessage());
        assertDoesNotThrow(() -> Preflight.check(TOKEN, active("0"), List.of(CavosAccount.revokeSession(WALLET, TOKEN.sessionPublicKey()))));
        WalletError upgrade = refused(active("0"), List.of(new Call(WALLET, CavosAccount.UPGRADE, List.of(Felt.ONE))));
        assertEquals("Session keys cannot upgrade contract", upgrade.getMessage());
    }

    @Test
    void anAmountThatIsNotAU256IsInvalidCalldata() {
        Call bad = new Call(Token.STRK.address(), Preflight.TRANSFER, List.of(RECIPIENT, Felt.of(BigInteger.ONE.shiftLeft(130)), Felt.ZERO));
        assertEquals(WalletError.Code.INVALID_CALLDATA, refused(active("0"), List.of(bad)).code());
    }

    @Test
    void anExpiredSessionInItsGraceWindowPointsToRenewal() {
        OnChainSession expired = registered(NOW - 60);
        WalletError e = refused(snapshot(expired, "0", "1000"), List.of(transfer(Token.STRK, strk("1"))));
        assertEquals(WalletError.Code.SESSION_EXPIRED, e.code());
        assertEquals("Session expired", e.getMessage());
        assertEquals(new NextStep.RenewSession(expired.renewalDeadline()), e.next());
    }

    @Test
    void aSessionTheChainDoesNotKnowIsNotRegistered() {
        OnChainSession unknown = new OnChainSession(Felt.ZERO, 0, 0, 0, 0, Felt.ZERO, 0);
        WalletError e = refused(snapshot(unknown, "0", "1000"), List.of(transfer(Token.STRK, strk("1"))));
        assertEquals(WalletError.Code.SESSION_NOT_REGISTERED, e.code());
        assertEquals("Session not registered", e.getMessage());
    }

    @Test
    void theChainsLimitsCountNotTheTokens() {
        ChainPolicy stricter = new ChainPolicy(POLICY.allowedContractsRoot(), 5, List.of(new SpendingLimit(Token.STRK.address(), strk("10"))),
                true, Optional.empty());
        WalletError e = refused(onChain(stricter), List.of(transfer(Token.STRK, strk("20"))));
        assertEquals("Spending limit exceeded (0 used, 10 limit)", e.getMessage());
        ChainPolicy looser = new ChainPolicy(POLICY.allowedContractsRoot(), 5, List.of(new SpendingLimit(Token.STRK.address(), strk("500"))),
                true, Optional.empty());
        assertDoesNotThrow(() -> Preflight.check(TOKEN, onChain(looser), List.of(transfer(Token.STRK, strk("200")))));
    }

    @Test
    void theAccountEnforcesTheFirstOfTwoLimitsOnOneToken() {
        ChainPolicy twice = new ChainPolicy(POLICY.allowedContractsRoot(), 5, List.of(new SpendingLimit(Token.STRK.address(), strk("10")),
                new SpendingLimit(Token.STRK.address(), strk("100"))), true, Optional.empty());
        assertEquals("Spending limit exceeded (0 used, 10 limit)", refused(onChain(twice), List.of(transfer(Token.STRK, strk("11")))).getMessage());
        assertEquals(List.of(new SpendingLimit(Token.STRK.address(), strk("100"))), twice.shadowedLimits());
    }

    @Test
    void withoutSpendingPoliciesOnChainErc20CalldataIsNotChecked() {
        ChainPolicy none = new ChainPolicy(POLICY.allowedContractsRoot(), 5, List.of(), true, Optional.empty());
        Call odd = new Call(Token.STRK.address(), Preflight.TRANSFER, List.of(RECIPIENT));
        assertDoesNotThrow(() -> Preflight.check(TOKEN, onChain(none), List.of(odd)), "the account lets it through, so must the wallet");
        assertEquals(WalletError.Code.INVALID_CALLDATA, refused(active("0"), List.of(odd)).code());
    }

    @Test
    void aTokenWhoseContractsDoNotHashToTheChainsRootCannotProveAnything() {
        ChainPolicy otherList = new ChainPolicy(Felt.parse("0x4d3752c8916fdc9b71a1fa9bec5832bd3f642d090891b4991da42fa4d5d9e2d"), 5,
                POLICY.spendingLimits(), true, Optional.empty());
        WalletError e = refused(onChain(otherList), List.of(transfer(Token.STRK, strk("1"))));
        assertEquals(WalletError.Code.TOKEN_OUT_OF_DATE, e.code());
        assertInstanceOf(NextStep.ImportSession.class, e.next());
        assertDoesNotThrow(() -> Preflight.check(TOKEN, onChain(otherList), List.of(CavosAccount.revokeSession(WALLET, TOKEN.sessionPublicKey()))),
                "revoking needs no proof: any token of the session can revoke it");
    }

    @Test
    void theChainsCallsPerTransactionCount() {
        ChainPolicy one = new ChainPolicy(POLICY.allowedContractsRoot(), 1, POLICY.spendingLimits(), true, Optional.empty());
        assertEquals(WalletError.Code.TOO_MANY_CALLS, refused(onChain(one), List.of(transfer(Token.STRK, strk("1")),
                transfer(Token.STRK, strk("1")))).code());
    }

    @Test
    void aRevokedSessionSaysHowItWasRevokedOnce() {
        for (var said : List.of(List.of("revoked from this device", "Session revoked from this device"),
                List.of("all sessions revoked (emergency revoke)", "Session revoked (every session of the account was revoked)"))) {
            SessionStatus status = new SessionStatus(SessionState.REVOKED, TOKEN.sessionPublicKey(), WALLET, false, NOW, NOW + 60, NOW + 120,
                    NOW, 5, 0, Optional.of(said.get(0)));
            WalletError e = ErrorTranslation.sessionUnusable(status);
            assertEquals(said.get(1), e.getMessage());
            assertEquals(WalletError.Code.SESSION_REVOKED, e.code());
        }
    }

    @Test
    void theFeeCountsAgainstTheStrkBalance() {
        WalletSnapshot poor = snapshot(registered(NOW + 20 * 3600), "0", "1");
        List<Call> calls = List.of(transfer(Token.STRK, strk("0.9")));
        assertDoesNotThrow(() -> Preflight.checkFunds(poor, WALLET, calls, strk("0.1").value()));
        WalletError e = assertThrows(WalletError.class, () -> Preflight.checkFunds(poor, WALLET, calls, strk("0.2").value()));
        assertEquals(WalletError.Code.INSUFFICIENT_BALANCE, e.code());
        assertEquals("Insufficient STRK balance: 1.1 STRK needed including up to 0.2 STRK for the fee, 1 STRK available.", e.getMessage());
        assertEquals(new NextStep.TopUp(WALLET), e.next());
    }
}
