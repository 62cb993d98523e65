package xyz.cavos.wallet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionSignature;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;

/**
 * Every session rule of the Cavos account, from the outside: a real sandbox over HTTP, through a proxy
 * that checks each request and reply against the OpenRPC schemas. Each refusal asserts the contract's
 * exact revert string.
 */
class SandboxSessionRulesIT {

    private static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");

    @RegisterExtension
    final CheckedSandbox sandbox = new CheckedSandbox();
    private final SandboxNode node = sandbox.node();
    private final RpcClient rpc = sandbox.rpc();
    private final SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
    private final SessionSender sender = new SessionSender(rpc, wallet.token());

    @Test
    void anAllowedTransferMovesTokensCountsTowardsTheLimitAndPaysItsFeeInStrk() {
        BigInteger before = sender.balance(Token.STRK, wallet.address());
        TransactionReceipt receipt = sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1.5"));
        assertTrue(receipt.isSucceeded(), receipt.toString());
        assertEquals("FRI", receipt.feeUnit());
        assertTrue(receipt.actualFee().signum() > 0);
        assertEquals(U256.parseAmount("1.5", 18).value(), sender.balance(Token.STRK, RECIPIENT));
        assertEquals(before.subtract(U256.parseAmount("1.5", 18).value()).subtract(receipt.actualFee()),
                sender.balance(Token.STRK, wallet.address()));
        assertEquals(U256.parseAmount("1.5", 18), sender.spent(Token.STRK));
        assertEquals(Felt.of(2), rpc.getNonce(wallet.address(), BlockId.LATEST), "registration, then this transfer");
        assertTrue(receipt.events().stream().anyMatch(e -> e.keys().getFirst().equals(CavosAccount.TRANSACTION_EXECUTED)));
    }

    @Test
    void aContractOutsideTheAllowListIsRefusedAtValidation() {
        assertRefused(RevertReason.CONTRACT_NOT_ALLOWED, List.of(SessionSender.transfer(Token.USDT, RECIPIENT, "1")));
        assertRefused(RevertReason.CONTRACT_NOT_ALLOWED,
                List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1"), SessionSender.transfer(Token.USDT, RECIPIENT, "1")));
    }

    @Test
    void moreCallsThanThePolicyAllowsAreRefused() {
        List<Call> six = Collections.nCopies(6, SessionSender.transfer(Token.STRK, RECIPIENT, "0.1"));
        assertRefused(RevertReason.TOO_MANY_CALLS, six);
        assertTrue(sender.sendForReceipt(six.subList(0, 5).toArray(Call[]::new)).isSucceeded(), "five is the limit");
    }

    @Test
    void transfersAndApprovalsAccumulateButTransferFromDoesNot() {
        assertTrue(sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "60")).isSucceeded());
        assertTrue(sender.sendForReceipt(SessionSender.approve(Token.STRK, RECIPIENT, "30")).isSucceeded());
        assertEquals(U256.parseAmount("90", 18), sender.spent(Token.STRK));

        // Another wallet approves ours; pulling its tokens with transfer_from does not count.
        SandboxDashboard.DemoWallet other = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
        assertTrue(new SessionSender(rpc, other.token()).sendForReceipt(SessionSender.approve(Token.STRK, wallet.address(), "20")).isSucceeded());
        List<Felt> pull = new ArrayList<>(List.of(other.address(), wallet.address()));
        pull.addAll(U256.parseAmount("20", 18).toCalldata());
        assertTrue(sender.sendForReceipt(Call.of(Token.STRK.address(), "transfer_from", pull)).isSucceeded());
        assertEquals(U256.parseAmount("90", 18), sender.spent(Token.STRK));

        BigInteger recipientBefore = sender.balance(Token.STRK, RECIPIENT);
        TransactionReceipt over = sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "15"));
        assertFalse(over.isSucceeded());
        assertTrue(over.revertReason().orElseThrow().contains("\"" + RevertReason.SPENDING_LIMIT_EXCEEDED.text() + "\""),
                over.revertReason().orElseThrow());
        assertEquals(Optional.of(RevertReason.SPENDING_LIMIT_EXCEEDED), RevertReason.find(over.revertReason().orElseThrow()));
        assertTrue(over.actualFee().signum() > 0, "a reverted transaction still pays its fee");
        assertEquals(recipientBefore, sender.balance(Token.STRK, RECIPIENT), "nothing moved");
        assertEquals(U256.parseAmount("90", 18), sender.spent(Token.STRK), "nothing counted");
        assertTrue(sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "10")).isSucceeded(), "exactly up to the limit");
    }

    @Test
    void aTokenWithoutALimitIsRefusedWhenTheSessionHasLimits() {
        SessionToken limitedToStrk = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.of(
                new SessionPolicy(List.of(), List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("5", 18))), 5), 3600));
        TransactionReceipt eth = new SessionSender(rpc, limitedToStrk).sendForReceipt(SessionSender.transfer(Token.ETH, RECIPIENT, "0.01"));
        assertEquals(Optional.of(RevertReason.TOKEN_NOT_IN_POLICY), RevertReason.find(eth.revertReason().orElseThrow()));

        SessionToken unlimited = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.of(
                new SessionPolicy(List.of(), List.of(), 5), 3600));
        assertTrue(new SessionSender(rpc, unlimited).sendForReceipt(SessionSender.transfer(Token.ETH, RECIPIENT, "0.2")).isSucceeded(),
                "no spending policies: nothing is limited");
    }

    @Test
    void expiryAndActivationFollowChainTime() {
        SessionToken hour = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.of(
                SandboxDashboard.SessionRequest.demo().policy().orElseThrow(), 3600));
        SessionSender hourly = new SessionSender(rpc, hour);
        assertTrue(hourly.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1")).isSucceeded());
        node.increaseTime(3601);
        assertRefused(hourly, RevertReason.SESSION_EXPIRED, List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1")));

        SessionToken later = node.dashboard().registerSession(wallet.address(), new SandboxDashboard.SessionRequest(
                SandboxDashboard.SessionRequest.demo().policy(), 7200, 600));
        assertRefused(new SessionSender(rpc, later), RevertReason.SESSION_NOT_YET_ACTIVE,
                List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1")));
        node.increaseTime(601);
        assertTrue(new SessionSender(rpc, later).sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1")).isSucceeded());
    }

    @Test
    void aSessionCanRevokeItself() {
        TransactionReceipt revoked = sender.sendForReceipt(CavosAccount.revokeSession(wallet.address(), wallet.token().sessionPublicKey()));
        assertTrue(revoked.isSucceeded(), revoked.toString());
        assertTrue(revoked.events().stream().anyMatch(e -> e.keys().getFirst().equals(CavosAccount.SESSION_REVOKED)
                && e.data().getFirst().equals(wallet.token().sessionPublicKey())));
        assertFalse(session(wallet.token()).isRegistered());
        assertRefused(RevertReason.SESSION_NOT_REGISTERED, List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1")));
    }

    @Test
    void emergencyRevokeEndsEverySessionOfTheAccount() {
        SessionToken second = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.demo());
        TransactionReceipt all = sender.sendForReceipt(CavosAccount.emergencyRevoke(wallet.address()));
        assertTrue(all.isSucceeded(), all.toString());
        assertTrue(all.events().stream().anyMatch(e -> e.keys().getFirst().equals(CavosAccount.ALL_SESSIONS_REVOKED)
                && e.data().getFirst().equals(Felt.ONE)));
        assertRefused(RevertReason.SESSION_REVOKED, List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1")));
        assertRefused(new SessionSender(rpc, second), RevertReason.SESSION_REVOKED, List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1")));
        assertTrue(session(second).isRegistered(), "emergency revoke is not visible through get_session");

        SessionToken fresh = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.demo());
        assertTrue(new SessionSender(rpc, fresh).sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1")).isSucceeded(),
                "a session registered after the revoke works");
    }

    @Test
    void renewalWorksOnlyInsideTheGraceWindow() {
        SessionToken hour = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.of(
                SandboxDashboard.SessionRequest.demo().policy().orElseThrow(), 3600));
        SessionSender old = new SessionSender(rpc, hour);
        assertTrue(old.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "7")).isSucceeded());

        TransactionReceipt early = old.sendForReceipt(renewal(hour).call());
        assertEquals(Optional.of(RevertReason.OLD_SESSION_NOT_EXPIRED), RevertReason.find(early.revertReason().orElseThrow()));

        node.increaseTime(3601);
        SessionSender.Renewal renewal = renewal(hour);
        TransactionReceipt renewed = old.sendForReceipt(renewal.call());
        assertTrue(renewed.isSucceeded(), renewed.toString());
        assertTrue(renewed.events().stream().anyMatch(e -> e.keys().getFirst().equals(CavosAccount.SESSION_REGISTERED)
                && e.data().getFirst().equals(renewal.token().sessionPublicKey())));
        SessionSender next = new SessionSender(rpc, renewal.token());
        assertEquals(U256.ZERO, next.spent(Token.STRK), "a renewed session starts with nothing spent");
        assertTrue(next.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1")).isSucceeded());
        assertEquals(renewal.token().nonce(), session(renewal.token()).nonce());

        node.increaseTime(CavosAccount.RENEWAL_GRACE_SECONDS);
        assertRefused(old, RevertReason.RENEWAL_PERIOD_EXPIRED, List.of(renewal(hour).call()));
    }

    @Test
    void aSessionNotYetActiveCannotSignARenewal() {
        SessionToken later = node.dashboard().registerSession(wallet.address(), new SandboxDashboard.SessionRequest(
                SandboxDashboard.SessionRequest.demo().policy(), 3600, 600));
        assertRefused(new SessionSender(rpc, later), RevertReason.SESSION_NOT_YET_ACTIVE, List.of(renewal(later).call()));
    }

    @Test
    void aRenewalSignedWithTheWrongKeyIsRefused() {
        SessionToken hour = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.of(
                SandboxDashboard.SessionRequest.demo().policy().orElseThrow(), 3600));
        node.increaseTime(3601);
        SessionSender.Renewal honest = renewal(hour);
        List<Felt> forged = new ArrayList<>(honest.call().calldata());
        forged.set(1, Felt.of(12345));
        TransactionReceipt receipt = new SessionSender(rpc, hour).sendForReceipt(new Call(honest.call().to(), honest.call().selector(), forged));
        assertEquals(Optional.of(RevertReason.INVALID_RENEWAL_SIGNATURE), RevertReason.find(receipt.revertReason().orElseThrow()));
    }

    @Test
    void argumentsAreReadByTheAbiAndFailInTheCairoRuntimesWords() {
        Felt key = wallet.token().sessionPublicKey();
        assertCallPanics("Failed to deserialize param #1", new Call(wallet.address(), CavosAccount.GET_SESSION, List.of()));
        assertCallPanics("Input too long for arguments", new Call(wallet.address(), CavosAccount.GET_SESSION, List.of(key, Felt.ONE)));
        assertCallPanics("Failed to deserialize param #2", new Call(wallet.address(), CavosAccount.GET_SESSION_SPENDING,
                List.of(key, Felt.of(BigInteger.ONE.shiftLeft(251)))));
        assertCallPanics("Failed to deserialize param #2", Call.of(Token.STRK.address(), "allowance", List.of(wallet.address())));

        // In a transaction, __execute__ reverts with the same words.
        List<Felt> renew = renewal(wallet.token()).call().calldata();
        assertReverted(sender, "Failed to deserialize param #6", new Call(wallet.address(), CavosAccount.RENEW_SESSION, renew.subList(0, 5)));
        List<Felt> pastU64 = new ArrayList<>(renew);
        pastU64.set(5, Felt.of(BigInteger.ONE.shiftLeft(64)));
        assertReverted(sender, "Failed to deserialize param #6", new Call(wallet.address(), CavosAccount.RENEW_SESSION, pastU64));
        assertReverted(sender, "Input too long for arguments", new Call(wallet.address(), CavosAccount.REVOKE_SESSION, List.of(key, Felt.ONE)));

        // The account's own argument, the multicall, with a felt left over after the calls: refused at validation.
        Felt nonce = rpc.getNonce(wallet.address(), BlockId.LATEST);
        List<Call> calls = List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1"));
        InvokeV3 plain = InvokeV3.of(wallet.address(), calls, nonce, SessionSender.BOUNDS, false);
        List<Felt> longer = new ArrayList<>(plain.calldata());
        longer.add(Felt.ONE);
        InvokeV3 tx = new InvokeV3(wallet.address(), longer, nonce, plain.resourceBounds(), plain.tip(), plain.paymasterData(),
                plain.accountDeploymentData(), plain.nonceDataAvailabilityMode(), plain.feeDataAvailabilityMode(), false, List.of());
        InvokeV3 signed = tx.withSignature(SessionSignature.sign(wallet.token(), tx.hash(rpc.chainId()), calls).toFelts());
        var error = assertThrows(RpcException.NodeError.class, () -> rpc.addInvokeTransaction(signed));
        assertTrue(error.is(StarknetErrorCode.VALIDATION_FAILURE), error.getMessage());
        assertTrue(error.revertReason().orElseThrow().contains("\"Input too long for arguments\""), error.getMessage());
    }

    @Test
    void aRenewalsPoliciesAreReadAsTheAbiSaysAndTheirCountIsStoredAsSent() {
        SessionToken hour = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.of(
                SandboxDashboard.SessionRequest.demo().policy().orElseThrow(), 3600));
        node.increaseTime(3601);
        SessionSender old = new SessionSender(rpc, hour);
        // ten scalars, the policy count (#11), then the Span<felt252> of policies (#12): its length and 3 felts per policy
        List<Felt> data = renewal(hour).call().calldata();
        assertEquals(Felt.of(3), data.get(10));
        assertEquals(Felt.of(9), data.get(11));

        // The span's length overstates what follows, or a client leaves it out: decoding runs out of input.
        List<Felt> overstated = new ArrayList<>(data);
        overstated.set(11, Felt.of(12));
        assertReverted(old, "Failed to deserialize param #12", new Call(wallet.address(), CavosAccount.RENEW_SESSION, overstated));
        List<Felt> unprefixed = new ArrayList<>(data);
        unprefixed.remove(11);
        assertReverted(old, "Failed to deserialize param #12", new Call(wallet.address(), CavosAccount.RENEW_SESSION, unprefixed));
        assertReverted(old, "Failed to deserialize param #12", new Call(wallet.address(), CavosAccount.RENEW_SESSION, data.subList(0, 11)));
        List<Felt> trailing = new ArrayList<>(data);
        trailing.add(Felt.ONE);
        assertReverted(old, "Input too long for arguments", new Call(wallet.address(), CavosAccount.RENEW_SESSION, trailing));

        // A count above the policies carried is not refused by the account: it stores the count as sent.
        SessionSender.Renewal renewal = renewal(hour);
        List<Felt> fourDeclared = new ArrayList<>(renewal.call().calldata());
        fourDeclared.set(10, Felt.of(4));
        assertTrue(old.sendForReceipt(new Call(wallet.address(), CavosAccount.RENEW_SESSION, fourDeclared)).isSucceeded());
        assertEquals(4, new StorageReader(rpc).policyCount(wallet.address(), renewal.token().sessionPublicKey()));
        assertTrue(new SessionSender(rpc, renewal.token()).sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1")).isSucceeded(),
                "the policies carried still apply");
    }

    @Test
    void aWrongSignatureIsRefused() {
        Felt nonce = rpc.getNonce(wallet.address(), BlockId.LATEST);
        List<Call> calls = List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1"));
        InvokeV3 tx = InvokeV3.of(wallet.address(), calls, nonce, SessionSender.BOUNDS, false);
        Felt hash = tx.hash(rpc.chainId());
        var stranger = StarkCurve.sign(StarkCurve.randomPrivateKey(new SecureRandom()), hash);
        SessionSignature claimed = SessionSignature.sign(wallet.token(), hash, calls);
        List<Felt> forged = new SessionSignature(stranger.r(), stranger.s(), wallet.token().sessionPublicKey(), claimed.proofs()).toFelts();
        var error = assertThrows(RpcException.NodeError.class, () -> rpc.addInvokeTransaction(tx.withSignature(forged)));
        assertReason(error, RevertReason.INVALID_SESSION_SIGNATURE);
        var shortSignature = assertThrows(RpcException.NodeError.class,
                () -> rpc.addInvokeTransaction(tx.withSignature(List.of(SessionSignature.MAGIC, stranger.r()))));
        assertReason(shortSignature, RevertReason.INVALID_SIGNATURE_LENGTH);
    }

    @Test
    void aReplayedTransactionIsRefusedByItsNonce() {
        Felt nonce = rpc.getNonce(wallet.address(), BlockId.LATEST);
        InvokeV3 signed = xyz.cavos.wallet.cavos.SessionTransaction.sign(wallet.token(), rpc.chainId(), nonce,
                List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1")), SessionSender.BOUNDS);
        rpc.addInvokeTransaction(signed);
        var replay = assertThrows(RpcException.NodeError.class, () -> rpc.addInvokeTransaction(signed));
        assertTrue(replay.is(StarknetErrorCode.INVALID_TRANSACTION_NONCE), replay.getMessage());
        assertEquals("Invalid transaction nonce", replay.nodeMessage());
        assertEquals(U256.parseAmount("1", 18).value(), sender.balance(Token.STRK, RECIPIENT), "sent once");
    }

    @Test
    void sessionKeysCannotUpgradeTheAccount() {
        assertRefused(RevertReason.CANNOT_UPGRADE, List.of(new Call(wallet.address(), CavosAccount.UPGRADE, List.of(Felt.ONE))));
    }

    private SessionSender.Renewal renewal(SessionToken old) {
        return SessionSender.renewal(old, node.chainTime(), old.policy());
    }

    private OnChainSession session(SessionToken token) {
        return OnChainSession.parse(rpc.call(CavosAccount.getSession(token.walletAddress(), token.sessionPublicKey()), BlockId.LATEST));
    }

    private void assertCallPanics(String words, Call call) {
        var error = assertThrows(RpcException.NodeError.class, () -> rpc.call(call, BlockId.LATEST));
        assertTrue(error.is(StarknetErrorCode.CONTRACT_ERROR), error.getMessage());
        assertTrue(error.revertReason().orElseThrow().contains("\"" + words + "\""), error.getMessage());
    }

    private static void assertReverted(SessionSender who, String words, Call call) {
        TransactionReceipt receipt = who.sendForReceipt(call);
        assertFalse(receipt.isSucceeded());
        assertTrue(receipt.revertReason().orElseThrow().contains("\"" + words + "\""), receipt.revertReason().orElseThrow());
    }

    private void assertRefused(RevertReason reason, List<Call> calls) {
        assertRefused(sender, reason, calls);
    }

    private static void assertRefused(SessionSender who, RevertReason reason, List<Call> calls) {
        Felt nonceBefore = who.rpc.getNonce(who.token.walletAddress(), BlockId.LATEST);
        var error = assertThrows(RpcException.NodeError.class, () -> who.send(calls));
        assertReason(error, reason);
        assertEquals(nonceBefore, who.rpc.getNonce(who.token.walletAddress(), BlockId.LATEST), "a refused transaction is not included");
    }

    private static void assertReason(RpcException.NodeError error, RevertReason reason) {
        assertTrue(error.is(StarknetErrorCode.VALIDATION_FAILURE), error.getMessage());
        String text = error.revertReason().orElseThrow();
        assertTrue(text.contains("\"" + reason.text() + "\""), "expected exactly \"" + reason.text() + "\" in: " + text);
        assertEquals(Optional.of(reason), RevertReason.find(text));
    }
}
