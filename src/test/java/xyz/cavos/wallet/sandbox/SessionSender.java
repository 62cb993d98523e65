package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionTransaction;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;

/** Sends session-signed transactions to a node over JSON-RPC, as a wallet would (with fixed generous bounds). */
final class SessionSender {

    static final ResourceBoundsMapping BOUNDS = new ResourceBoundsMapping(
            new ResourceBounds(BigInteger.ZERO, Gas.L1_GAS_PRICE.multiply(BigInteger.TWO)),
            new ResourceBounds(BigInteger.valueOf(20_000_000), Gas.L2_GAS_PRICE.multiply(BigInteger.TWO)),
            new ResourceBounds(BigInteger.valueOf(10_000), Gas.L1_DATA_GAS_PRICE.multiply(BigInteger.TWO)));

    final RpcClient rpc;
    final SessionToken token;
    private final Felt chainId;

    SessionSender(RpcClient rpc, SessionToken token) {
        this.rpc = rpc;
        this.token = token;
        this.chainId = rpc.chainId();
    }

    Felt send(List<Call> calls) {
        Felt nonce = rpc.getNonce(token.walletAddress(), BlockId.LATEST);
        return rpc.addInvokeTransaction(SessionTransaction.sign(token, chainId, nonce, calls, BOUNDS));
    }

    TransactionReceipt sendForReceipt(Call... calls) {
        return rpc.getTransactionReceipt(send(List.of(calls)));
    }

    /** A {@code renew_session} call and the token of the session it registers. */
    record Renewal(Call call, SessionToken token) {
    }

    /**
     * What a wallet sends to renew: a new random key valid for a day from an hour before {@code now}, the
     * given policy (the renewal carries its spending limits), signed by the old key.
     */
    static Renewal renewal(SessionToken old, long now, Optional<SessionPolicy> policy) {
        SessionToken next = SessionToken.builder(StarkCurve.randomPrivateKey(new SecureRandom()), old.walletAddress())
                .validity(now - 3600, now + 86_400, now + 86_400 + CavosAccount.RENEWAL_GRACE_SECONDS)
                .randomness(Felt.of(98765)).policy(policy).build();
        SessionPolicy effective = next.effectivePolicy();
        var signature = old.sign(CavosAccount.renewalMessage(next.sessionPublicKey(), next.nonce(), next.validAfter(),
                next.validUntil(), next.renewalDeadlineHint(), effective.allowedContractsRoot(), effective.maxCallsPerTx()));
        Call call = CavosAccount.renewSession(old.walletAddress(), new CavosAccount.Renewal(old.sessionPublicKey(), signature.r(),
                signature.s(), next.sessionPublicKey(), next.nonce(), next.validAfter(), next.validUntil(), next.renewalDeadlineHint(),
                effective.allowedContractsRoot(), effective.maxCallsPerTx(), effective.spendingLimits()));
        return new Renewal(call, next);
    }

    static Call transfer(Token token, Felt to, String amount) {
        List<Felt> data = new ArrayList<>(List.of(to));
        data.addAll(U256.parseAmount(amount, token.decimals()).toCalldata());
        return Call.of(token.address(), "transfer", data);
    }

    static Call approve(Token token, Felt spender, String amount) {
        List<Felt> data = new ArrayList<>(List.of(spender));
        data.addAll(U256.parseAmount(amount, token.decimals()).toCalldata());
        return Call.of(token.address(), "approve", data);
    }

    U256 spent(Token tokenSpent) {
        List<Felt> out = rpc.call(CavosAccount.getSessionSpending(token.walletAddress(), token.sessionPublicKey(),
                tokenSpent.address()), BlockId.LATEST);
        return U256.ofParts(out.get(0), out.get(1));
    }

    BigInteger balance(Token of, Felt owner) {
        List<Felt> out = rpc.call(Call.of(of.address(), "balanceOf", List.of(owner)), BlockId.LATEST);
        return U256.ofParts(out.get(0), out.get(1)).value();
    }
}
