package xyz.cavos.wallet.cavos;

import java.util.List;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;

/** Self-paid INVOKE v3 transactions from a Cavos account, signed with a session key. */
public final class SessionTransaction {

    private SessionTransaction() {
    }

    /** A signed transaction ready for {@code starknet_addInvokeTransaction}. */
    public static InvokeV3 sign(SessionToken token, Felt chainId, Felt nonce, List<Call> calls, ResourceBoundsMapping bounds) {
        return sign(token, chainId, nonce, calls, bounds, token.effectivePolicy().allowedContractsRoot(), false);
    }

    /** Signed with proof groups as the account's allow-list root on chain ({@code chainRoot}) demands. */
    public static InvokeV3 sign(SessionToken token, Felt chainId, Felt nonce, List<Call> calls, ResourceBoundsMapping bounds,
            Felt chainRoot) {
        return sign(token, chainId, nonce, calls, bounds, chainRoot, false);
    }

    /**
     * A signed query transaction, for an estimate or simulation that runs the account's validation: the
     * signature covers the query version's hash, so it can never be executed.
     */
    public static InvokeV3 signQuery(SessionToken token, Felt chainId, Felt nonce, List<Call> calls, ResourceBoundsMapping bounds) {
        return sign(token, chainId, nonce, calls, bounds, token.effectivePolicy().allowedContractsRoot(), true);
    }

    private static InvokeV3 sign(SessionToken token, Felt chainId, Felt nonce, List<Call> calls, ResourceBoundsMapping bounds,
            Felt chainRoot, boolean query) {
        InvokeV3 unsigned = InvokeV3.of(token.walletAddress(), calls, nonce, bounds, query);
        Felt hash = unsigned.hash(chainId);
        boolean renewal = calls.size() == 1 && calls.getFirst().to().equals(token.walletAddress())
                && calls.getFirst().selector().equals(CavosAccount.RENEW_SESSION);
        SessionSignature signature = renewal
                ? SessionSignature.signWithoutProofs(token, hash)
                : SessionSignature.sign(token, hash, calls, chainRoot);
        return unsigned.withSignature(signature.toFelts());
    }

    /**
     * The query transaction to estimate fees with (validation skipped): query version, zero bounds and the
     * SDK's placeholder signature, so no real signature is spent on an estimate.
     */
    public static InvokeV3 estimateQuery(SessionToken token, Felt nonce, List<Call> calls) {
        return estimateQuery(token, nonce, calls, token.effectivePolicy().allowedContractsRoot());
    }

    /** The estimate's stand-in, with proof groups as the chain's root demands. */
    public static InvokeV3 estimateQuery(SessionToken token, Felt nonce, List<Call> calls, Felt chainRoot) {
        return InvokeV3.of(token.walletAddress(), calls, nonce, ResourceBoundsMapping.ZERO, true)
                .withSignature(SessionSignature.placeholder(token, calls.size(), chainRoot).toFelts());
    }
}
