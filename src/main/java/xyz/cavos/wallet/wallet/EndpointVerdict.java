package xyz.cavos.wallet.wallet;

import java.util.Locale;
import xyz.cavos.wallet.starknet.RpcException;

/**
 * One word on an RPC endpoint, from a check or from the wallet passing it over: it answers ({@code ok}), or
 * it is gone (HTTP 404 or 410), not JSON (an HTML page), rate-limited past its retries, on the wrong chain,
 * below spec 0.10, unreachable (no connection, no answer in time, server errors), or refuses us (HTTP 401,
 * 403 and other refusals: most often a key it wants).
 */
public enum EndpointVerdict {
    OK, GONE, NOT_JSON, RATE_LIMITED, WRONG_CHAIN, OLD_SPEC, UNREACHABLE, REFUSED;

    /** The word shown: {@code ok}, {@code gone}, {@code not-json}, … */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What a failed exchange says about the endpoint. */
    static EndpointVerdict of(RpcException.Transport e) {
        return switch (e.kind()) {
            case NOT_JSON, MALFORMED_RESPONSE -> NOT_JSON;
            case UNREACHABLE, TIMEOUT, INTERRUPTED -> UNREACHABLE;
            case BATCH_REFUSED -> OK;
            case HTTP_STATUS -> {
                int status = e.httpStatus().orElse(0);
                if (status == 404 || status == 410) {
                    yield GONE;
                }
                if (status == 429) {
                    yield RATE_LIMITED;
                }
                yield status / 100 == 5 ? UNREACHABLE : REFUSED;
            }
        };
    }
}
