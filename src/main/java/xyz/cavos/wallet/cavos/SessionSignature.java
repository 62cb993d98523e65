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

    /**
     * Signs a transaction hash for these calls: with the Merkle proofs when the token's policy lists
     * allowed contracts (calls to the account itself get an empty proof, as the account skips them).
     */
    public static SessionSignature sign(SessionToken token, Felt hash, List<Call> calls) {
        StarkCurve.Signature signature = token.sign(hash);
        List<List<Felt>> proofs = new ArrayList<>();
        SessionPolicy policy = token.effectivePolicy();
        if (policy.restrictsContracts()) {
            AllowList allowList = policy.allowList();
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

    /** The stand-in the SDK uses for fee estimation (validation skipped): r = s = 1, empty proofs. */
    public static SessionSignature placeholder(SessionToken token, int calls) {
        List<List<Felt>> proofs = new ArrayList<>();
        if (token.effectivePolicy().restrictsContracts()) {
            for (int i = 0; i < calls; i++) {
                proofs.add(List.of());
            }
        }
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
