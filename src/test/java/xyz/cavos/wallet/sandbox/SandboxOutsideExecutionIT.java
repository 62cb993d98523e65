package xyz.cavos.wallet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OutsideExecution;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionSignature;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;

/**
 * The Cavos account's {@code execute_from_outside_v2}, submitted by the paymaster's relayer as an ordinary INVOKE:
 * each of the contract's checks in its order, with its revert string on the relayer's receipt, on a chain whose
 * clock stands still so time bounds can be tested at the exact second.
 */
class SandboxOutsideExecutionIT {

    private static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
    private static final Clock STOPPED = Clock.fixed(Instant.ofEpochSecond(1_760_000_000L), ZoneOffset.UTC);

    @RegisterExtension
    final CheckedSandbox sandbox = new CheckedSandbox(SandboxNode.start(SandboxNode.Options.ephemeral(), STOPPED));
    private final SandboxNode node = sandbox.node();
    private final RpcClient rpc = sandbox.rpc();
    private final SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
    private final SessionSender sender = new SessionSender(rpc, wallet.token());
    private final SecureRandom random = new SecureRandom();

    @Test
    void aSignedExecutionRunsItsCallsForTheRelayerCountsSpendingAndUsesItsNonce() {
        OutsideExecution execution = fromRelayer(SessionSender.transfer(Token.STRK, RECIPIENT, "1.5"));
        assertTrue(nonceIsValid(execution.nonce()));
        BigInteger walletStrk = sender.balance(Token.STRK, wallet.address());
        BigInteger relayerStrk = sender.balance(Token.STRK, node.relayerAddress());

        TransactionReceipt receipt = relay(execution, sign(wallet.token(), execution));

        assertTrue(receipt.isSucceeded(), receipt.toString());
        assertEquals(U256.parseAmount("1.5", 18).value(), sender.balance(Token.STRK, RECIPIENT));
        assertEquals(walletStrk.subtract(U256.parseAmount("1.5", 18).value()), sender.balance(Token.STRK, wallet.address()),
                "the relayer paid the fee");
        assertEquals(relayerStrk.subtract(receipt.actualFee()), sender.balance(Token.STRK, node.relayerAddress()));
        assertEquals(U256.parseAmount("1.5", 18), sender.spent(Token.STRK));
        assertFalse(nonceIsValid(execution.nonce()));
        assertEquals(Felt.ONE, rpc.getNonce(wallet.address(), BlockId.LATEST), "the account's own nonce is untouched");
        assertTrue(receipt.events().stream().anyMatch(e -> e.keys().getFirst().equals(CavosAccount.TRANSACTION_EXECUTED)
                && e.fromAddress().equals(wallet.address()) && e.data().equals(List.of(node.relayerAddress(), Felt.ONE))),
                "TransactionExecuted names the relayer as the caller");
    }

    @Test
    void anyCallerLetsAnyoneSubmitIt() {
        OutsideExecution execution = new OutsideExecution(OutsideExecution.ANY_CALLER, nonce(), now() - 1, now() + 60,
                List.of(SessionSender.transfer(Token.USDC, RECIPIENT, "2")));
        assertTrue(relay(execution, sign(wallet.token(), execution)).isSucceeded());
        assertEquals(U256.parseAmount("2", 6), sender.spent(Token.USDC));
    }

    @Test
    void theChecksRunInTheContractsOrder() {
        Call transfer = SessionSender.transfer(Token.STRK, RECIPIENT, "1");
        OutsideExecution used = fromRelayer(transfer);
        assertTrue(relay(used, sign(wallet.token(), used)).isSucceeded());
        List<Felt> badSignature = sign(wallet.token(), used, Felt.ONE);

        // Wrong caller, time, nonce and signature at once: the caller is checked first.
        OutsideExecution everythingWrong = new OutsideExecution(RECIPIENT, used.nonce(), now(), now(), List.of(transfer));
        assertReverted(RevertReason.INVALID_CALLER, everythingWrong, badSignature);
        OutsideExecution rightCaller = new OutsideExecution(node.relayerAddress(), used.nonce(), now(), now(), List.of(transfer));
        assertReverted(RevertReason.INVALID_TIMESTAMP, rightCaller, badSignature);
        OutsideExecution rightTime = new OutsideExecution(node.relayerAddress(), used.nonce(), now() - 1, now() + 1, List.of(transfer));
        assertReverted(RevertReason.DUPLICATED_NONCE, rightTime, badSignature);
        OutsideExecution freshNonce = new OutsideExecution(node.relayerAddress(), nonce(), now() - 1, now() + 1, List.of(transfer));
        assertReverted(RevertReason.INVALID_SESSION_SIGNATURE, freshNonce, sign(wallet.token(), freshNonce, Felt.ONE));
        assertTrue(nonceIsValid(freshNonce.nonce()), "a reverted execution does not use its nonce");
        assertTrue(relay(freshNonce, sign(wallet.token(), freshNonce)).isSucceeded());
    }

    @Test
    void bothTimeBoundsAreStrict() {
        Call transfer = SessionSender.transfer(Token.STRK, RECIPIENT, "1");
        long now = now();
        assertReverted(RevertReason.INVALID_TIMESTAMP, signedFor(now, now + 60, transfer));
        assertReverted(RevertReason.INVALID_TIMESTAMP, signedFor(now - 60, now, transfer));
        assertReverted(RevertReason.INVALID_TIMESTAMP, signedFor(now + 1, now + 60, transfer));
        assertReverted(RevertReason.INVALID_TIMESTAMP, signedFor(now - 60, now - 1, transfer));
        OutsideExecution justInside = new OutsideExecution(node.relayerAddress(), nonce(), now - 1, now + 1, List.of(transfer));
        assertTrue(relay(justInside, sign(wallet.token(), justInside)).isSucceeded());
    }

    @Test
    void aNonceRunsOnce() {
        OutsideExecution execution = fromRelayer(SessionSender.transfer(Token.STRK, RECIPIENT, "1"));
        List<Felt> signature = sign(wallet.token(), execution);
        assertTrue(relay(execution, signature).isSucceeded());
        assertReverted(RevertReason.DUPLICATED_NONCE, execution, signature);
        assertEquals(U256.parseAmount("1", 18).value(), sender.balance(Token.STRK, RECIPIENT));
    }

    @Test
    void theSessionMustBeRegisteredUnrevokedAndInItsWindow() {
        Call transfer = SessionSender.transfer(Token.STRK, RECIPIENT, "1");
        SessionToken stranger = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo()).token();
        OutsideExecution execution = fromRelayer(transfer);
        assertReverted(RevertReason.SESSION_NOT_REGISTERED, execution, sign(stranger, execution));

        SessionToken later = node.dashboard().registerSession(wallet.address(),
                new SandboxDashboard.SessionRequest(Optional.of(SandboxDashboard.SessionRequest.demo().policy().orElseThrow()), 7200, 600));
        OutsideExecution early = fromRelayer(transfer);
        assertReverted(RevertReason.SESSION_NOT_YET_ACTIVE, early, sign(later, early));

        node.increaseTime(24 * 3600 + 1);
        OutsideExecution expired = fromRelayer(transfer);
        assertReverted(RevertReason.SESSION_EXPIRED, expired, sign(wallet.token(), expired));
    }

    @Test
    void anEmergencyRevocationEndsTheSessionForOutsideExecutionsToo() {
        assertTrue(sender.sendForReceipt(CavosAccount.emergencyRevoke(wallet.address())).isSucceeded());
        OutsideExecution execution = fromRelayer(SessionSender.transfer(Token.STRK, RECIPIENT, "1"));
        assertReverted(RevertReason.SESSION_REVOKED, execution, sign(wallet.token(), execution));
    }

    @Test
    void theSessionsPolicyHolds() {
        OutsideExecution six = fromRelayer(Collections.nCopies(6, SessionSender.transfer(Token.STRK, RECIPIENT, "0.1")).toArray(Call[]::new));
        assertReverted(RevertReason.TOO_MANY_CALLS, six, sign(wallet.token(), six));

        OutsideExecution usdt = fromRelayer(SessionSender.transfer(Token.USDT, RECIPIENT, "1"));
        assertReverted(RevertReason.CONTRACT_NOT_ALLOWED, usdt, sign(wallet.token(), usdt));

        OutsideExecution tooMuch = fromRelayer(SessionSender.transfer(Token.STRK, RECIPIENT, "60"),
                SessionSender.transfer(Token.STRK, RECIPIENT, "40.000000000000000001"));
        assertReverted(RevertReason.SPENDING_LIMIT_EXCEEDED, tooMuch, sign(wallet.token(), tooMuch));
        assertEquals(U256.ZERO, sender.spent(Token.STRK), "nothing counted");

        SessionToken strkOnly = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.of(
                new SessionPolicy(List.of(), List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("5", 18))), 5), 3600));
        OutsideExecution eth = fromRelayer(SessionSender.transfer(Token.ETH, RECIPIENT, "0.01"));
        assertReverted(RevertReason.TOKEN_NOT_IN_POLICY, eth, sign(strkOnly, eth));

        OutsideExecution upToTheLimit = fromRelayer(SessionSender.transfer(Token.STRK, RECIPIENT, "60"),
                SessionSender.transfer(Token.STRK, RECIPIENT, "40"));
        assertTrue(relay(upToTheLimit, sign(wallet.token(), upToTheLimit)).isSucceeded());
        assertEquals(U256.parseAmount("100", 18), sender.spent(Token.STRK));
    }

    @Test
    void aLoneRenewalMayBeSignedWithAnExpiredKeyUntilItsDeadline() {
        node.increaseTime(24 * 3600 + 1);
        SessionSender.Renewal renewal = SessionSender.renewal(wallet.token(), now(), SandboxDashboard.SessionRequest.demo().policy());
        OutsideExecution execution = fromRelayer(renewal.call());
        TransactionReceipt receipt = relay(execution, SessionSignature.signWithoutProofs(wallet.token(),
                execution.messageHash(wallet.address(), SandboxNode.CHAIN_ID)).toFelts());
        assertTrue(receipt.isSucceeded(), receipt.toString());
        assertTrue(receipt.events().stream().anyMatch(e -> e.keys().getFirst().equals(CavosAccount.SESSION_REGISTERED)));

        OutsideExecution transfer = fromRelayer(SessionSender.transfer(Token.STRK, RECIPIENT, "1"));
        assertTrue(relay(transfer, sign(renewal.token(), transfer)).isSucceeded(), "the renewed key works");

        node.increaseTime(CavosAccount.RENEWAL_GRACE_SECONDS);
        SessionSender.Renewal late = SessionSender.renewal(wallet.token(), now(), Optional.empty());
        OutsideExecution tooLate = fromRelayer(late.call());
        assertReverted(RevertReason.RENEWAL_PERIOD_EXPIRED, tooLate, SessionSignature.signWithoutProofs(wallet.token(),
                tooLate.messageHash(wallet.address(), SandboxNode.CHAIN_ID)).toFelts());
    }

    // ---------------------------------------------------------------- helpers

    private long now() {
        return node.chainTime();
    }

    private Felt nonce() {
        return Felt.of(new BigInteger(248, random));
    }

    private OutsideExecution fromRelayer(Call... calls) {
        return new OutsideExecution(node.relayerAddress(), nonce(), now() - 1, now() + 600, List.of(calls));
    }

    private record Signed(OutsideExecution execution, List<Felt> signature) {
    }

    private Signed signedFor(long after, long before, Call... calls) {
        OutsideExecution execution = new OutsideExecution(node.relayerAddress(), nonce(), after, before, List.of(calls));
        return new Signed(execution, sign(wallet.token(), execution));
    }

    private List<Felt> sign(SessionToken token, OutsideExecution execution) {
        return sign(token, execution, Felt.ZERO);
    }

    /** The session signature over the message hash for the wallet's account, plus {@code offset} (non-zero: a wrong hash). */
    private List<Felt> sign(SessionToken token, OutsideExecution execution, Felt offset) {
        Felt hash = execution.messageHash(wallet.address(), SandboxNode.CHAIN_ID);
        return SessionSignature.sign(token, Felt.of(hash.value().add(offset.value())), execution.calls()).toFelts();
    }

    private TransactionReceipt relay(OutsideExecution execution, List<Felt> signature) {
        return rpc.getTransactionReceipt(node.paymaster().relay(wallet.address(), execution, signature));
    }

    private boolean nonceIsValid(Felt nonce) {
        return rpc.call(new Call(wallet.address(), OutsideExecution.IS_VALID_NONCE, List.of(nonce)), BlockId.LATEST)
                .equals(List.of(Felt.ONE));
    }

    private void assertReverted(RevertReason reason, Signed signed) {
        assertReverted(reason, signed.execution(), signed.signature());
    }

    private void assertReverted(RevertReason reason, OutsideExecution execution, List<Felt> signature) {
        TransactionReceipt receipt = relay(execution, signature);
        assertFalse(receipt.isSucceeded(), "expected " + reason.text());
        String text = receipt.revertReason().orElseThrow();
        assertTrue(text.contains("\"" + reason.text() + "\""), text);
        assertTrue(receipt.actualFee().signum() > 0, "the relayer pays for a reverted execution");
    }
}
