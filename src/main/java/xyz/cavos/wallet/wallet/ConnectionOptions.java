package xyz.cavos.wallet.wallet;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the chain, as the user asked: a flag beats an environment variable ({@code CAVOS_NETWORK},
 * {@code CAVOS_RPC_URL}), which beats a hint inside the token, which beats what was stored at import.
 */
public record ConnectionOptions(Optional<String> network, Optional<String> rpcUrl, Duration requestTimeout) {

    public static final ConnectionOptions DEFAULT = new ConnectionOptions(Optional.empty(), Optional.empty(), Duration.ofSeconds(30));

    /** Flags first, then the environment. */
    public static ConnectionOptions of(Optional<String> networkFlag, Optional<String> rpcUrlFlag, Map<String, String> env,
            Duration requestTimeout) {
        return new ConnectionOptions(
                networkFlag.or(() -> Optional.ofNullable(env.get("CAVOS_NETWORK")).filter(s -> !s.isBlank())),
                rpcUrlFlag.or(() -> Optional.ofNullable(env.get("CAVOS_RPC_URL")).filter(s -> !s.isBlank())),
                requestTimeout);
    }
}
