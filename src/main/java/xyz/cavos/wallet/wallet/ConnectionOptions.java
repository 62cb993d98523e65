package xyz.cavos.wallet.wallet;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the chain, as the user asked: flags beat the environment ({@code CAVOS_NETWORK},
 * {@code CAVOS_RPC_URLS} as a comma-separated list, or {@code CAVOS_RPC_URL}), which beat a hint inside the
 * token, which beats what was stored at import and the settings. Endpoints named here are tried in order.
 */
public record ConnectionOptions(Optional<String> network, List<String> rpcUrls, Duration requestTimeout) {

    public static final ConnectionOptions DEFAULT = new ConnectionOptions(Optional.empty(), List.of(), Duration.ofSeconds(30));

    public ConnectionOptions {
        rpcUrls = List.copyOf(rpcUrls);
    }

    /** One endpoint or none. */
    public ConnectionOptions(Optional<String> network, Optional<String> rpcUrl, Duration requestTimeout) {
        this(network, rpcUrl.map(List::of).orElse(List.of()), requestTimeout);
    }

    /** Flags first, then the environment. */
    public static ConnectionOptions of(Optional<String> networkFlag, List<String> rpcUrlFlags, Map<String, String> env,
            Duration requestTimeout) {
        List<String> urls = !rpcUrlFlags.isEmpty() ? rpcUrlFlags
                : Optional.ofNullable(env.get("CAVOS_RPC_URLS")).filter(s -> !s.isBlank()).map(ConnectionOptions::split)
                        .or(() -> Optional.ofNullable(env.get("CAVOS_RPC_URL")).filter(s -> !s.isBlank()).map(List::of))
                        .orElse(List.of());
        return new ConnectionOptions(
                networkFlag.or(() -> Optional.ofNullable(env.get("CAVOS_NETWORK")).filter(s -> !s.isBlank())), urls, requestTimeout);
    }

    /** A comma-separated list of URLs, blanks left out. */
    public static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The first endpoint named, if any. */
    public Optional<String> rpcUrl() {
        return rpcUrls.stream().findFirst();
    }
}
