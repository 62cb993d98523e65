package xyz.cavos.wallet.testing;

import java.security.SecureRandom;
import java.util.Optional;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.StarkCurve;

/**
 * A session whose token was exported with one policy while the chain holds another: what a person has after
 * changing the policy in the dashboard without exporting again. The key is new, valid for six hours.
 */
public final class StaleExports {

    private StaleExports() {
    }

    /** Registers a new key of {@code wallet} with {@code onChain} and returns its token, which carries {@code exported}. */
    public static SessionToken register(SandboxNode node, Felt wallet, Optional<SessionPolicy> exported, SessionPolicy onChain) {
        long now = node.chainTime();
        SessionToken token = SessionToken.builder(StarkCurve.randomPrivateKey(new SecureRandom()), wallet)
                .validity(now - 3600, now + 6 * 3600, now + 6 * 3600 + CavosAccount.RENEWAL_GRACE_SECONDS)
                .randomness(Felt.of(now)).policy(exported).network(Optional.of("sandbox"))
                .rpcUrl(Optional.of(node.rpcUri().toString())).build();
        node.dashboard().registerSession(wallet, token, onChain);
        return token;
    }
}
