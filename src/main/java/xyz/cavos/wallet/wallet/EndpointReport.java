package xyz.cavos.wallet.wallet;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a check found about one endpoint: its place in the list, how it is shown (scheme, host and port when
 * its URL may hold a key), whether it answered at all, the chain it serves, its spec version, how long its
 * first answer took, whether it takes batches and the {@code pre_confirmed} block (empty: not found out),
 * the verdict, and a line saying why when the verdict is not {@code ok}.
 */
public record EndpointReport(int position, String endpoint, boolean reachable, Optional<String> chain, Optional<String> specVersion,
        OptionalLong latencyMillis, Optional<Boolean> batches, Optional<Boolean> preConfirmed, EndpointVerdict verdict,
        Optional<String> problem) {

    public boolean ok() {
        return verdict == EndpointVerdict.OK;
    }
}
