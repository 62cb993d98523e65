package xyz.cavos.wallet.cavos;

import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.StarkCurve;

/**
 * The {@code SESSION_V1} signature a Cavos account checks:
 * {@code ['SESSION_V1', r, s, session_pubkey, (proof_len, proof…)*]}, one Merkle proof group per call,
 * in call order, when the session restricts contracts.
 */
public record SessionSignature(Felt r, Felt s, Felt sessionKey, List<List<Felt>> proofs) {

    public static final Felt MAGIC = Felt.fromShortString("SESSION_V1");
    /** The other signature type the account knows, used by the dashboard to register sessions. */
    public static final Felt OAUTH_MAGIC = Felt.fromShortString("OAUTH_JWT_V1");

    public SessionSignature {
        proofs = proofs.stream().map(List::copyOf).toList();
    }

    /** Signs for these calls with proofs as the token's own policy asks; see {@link #sign(SessionToken, Felt, List, Felt)}. */
    public static SessionSignature sign(SessionToken token, Felt hash, List<Call> calls) {
        return sign(token, hash, calls, token.effectivePolicy().allowedContractsRoot());
    }

    /**
     * Signs a transaction hash for these calls. Whenever the account's allow-list root on chain is not 0, the
     * account reads one proof group per call, self-calls included (an empty group); the proofs come from the
     * token's list of allowed contracts, which must hash to that root.
     */
    public static SessionSignature sign(SessionToken token, Felt hash, List<Call> calls, Felt chainRoot) {
        StarkCurve.Signature signature = token.sign(hash);
        List<List<Felt>> proofs = new ArrayList<>();
        if (!chainRoot.isZero()) {
            AllowList allowList = token.effectivePolicy().allowList();
            for (Call call : calls) {
                proofs.add(call.to().equals(token.walletAddress()) ? List.of() : allowList.proof(call.to()));
            }
        }
        return new SessionSignature(signature.r(), signature.s(), token.sessionPublicKey(), proofs);
    }

    /** A signature with no proofs, as the SDK sends for {@code renew_session}. */
    public static SessionSignature signWithoutProofs(SessionToken token, Felt hash) {
        StarkCurve.Signature signature = token.sign(hash);
        return new SessionSignature(signature.r(), signature.s(), token.sessionPublicKey(), List.of());
    }

    /** The stand-in the SDK uses for fee estimation (validation skipped): r = s = 1, one empty proof group per call when the chain's root is not 0. */
    public static SessionSignature placeholder(SessionToken token, int calls, Felt chainRoot) {
        List<List<Felt>> proofs = chainRoot.isZero() ? List.of() : java.util.Collections.nCopies(calls, List.of());
        return new SessionSignature(Felt.ONE, Felt.ONE, token.sessionPublicKey(), proofs);
    }

    public List<Felt> toFelts() {
        List<Felt> out = new ArrayList<>();
        out.add(MAGIC);
        out.add(r);
        out.add(s);
        out.add(sessionKey);
        for (List<Felt> proof : proofs) {
            out.add(Felt.of(proof.size()));
            out.addAll(proof);
        }
        return List.copyOf(out);
    }
}
