package xyz.cavos.wallet.sandbox;

import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/**
 * Misbehaviour the sandbox adds to Starknet methods on purpose, for reliability tests. Random faults: a
 * delay before every answer, and the share (0 to 1) of requests answered with HTTP 429, HTTP 500, a
 * truncated JSON body, or a dropped connection. Quirks of real public providers, each off by default:
 * <ul>
 * <li>{@code gone}: every request answered HTTP 410 with a JSON body, as by a discontinued endpoint;</li>
 * <li>{@code html}: every request answered HTTP 200 with an HTML page, as by a parked domain or captive portal;</li>
 * <li>{@code rateLimited}: every request answered HTTP 429 with {@code Retry-After: retryAfterSeconds};</li>
 * <li>{@code chainId}: {@code starknet_chainId} answers this chain id (another network's node);</li>
 * <li>{@code specVersion}: {@code starknet_specVersion} answers this version (a node on another spec);</li>
 * <li>{@code noBatches}: a batch is answered with a single JSON-RPC error, single requests work;</li>
 * <li>{@code loseWriteReplies}: {@code starknet_addInvokeTransaction} is executed, then the connection is
 * closed without an answer.</li>
 * </ul>
 * At most one of {@code gone}, {@code html} and {@code rateLimited}. Admin methods ({@code devnet_*},
 * {@code sandbox_*}) are never affected.
 */
public record FaultPlan(long latencyMillis, double rate429, double rate500, double rateMalformed, double rateDrop,
        boolean gone, boolean html, boolean rateLimited, long retryAfterSeconds, Optional<Felt> chainId,
        Optional<String> specVersion, boolean noBatches, boolean loseWriteReplies) {

    /** {@code Retry-After} of a rate-limited endpoint unless told otherwise. */
    public static final long DEFAULT_RETRY_AFTER_SECONDS = 1;
    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 0);

    public FaultPlan {
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        for (double rate : new double[] {rate429, rate500, rateMalformed, rateDrop}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("fault rates are between 0 and 1, got " + rate);
            }
        }
        if (rate429 + rate500 + rateMalformed + rateDrop > 1) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retry_after must not be negative, got " + retryAfterSeconds);
        }
        if ((gone ? 1 : 0) + (html ? 1 : 0) + (rateLimited ? 1 : 0) > 1) {
            throw new IllegalArgumentException("gone, html and rate_limited each answer every request: choose one");
        }
        if (specVersion.isPresent() && specVersion.get().isBlank()) {
            throw new IllegalArgumentException("spec_version must not be blank");
        }
    }

    /** Random faults only. */
    public FaultPlan(long latencyMillis, double rate429, double rate500, double rateMalformed, double rateDrop) {
        this(latencyMillis, rate429, rate500, rateMalformed, rateDrop, false, false, false, DEFAULT_RETRY_AFTER_SECONDS,
                Optional.empty(), Optional.empty(), false, false);
    }

    public static FaultPlan latency(long millis) {
        return new FaultPlan(millis, 0, 0, 0, 0);
    }

    /** This plan, and every request answered HTTP 410 as by a discontinued endpoint. */
    public FaultPlan withGone() {
        return new FaultPlan(latencyMillis, rate429, rate500, rateMalformed, rateDrop, true, html, rateLimited,
                retryAfterSeconds, chainId, specVersion, noBatches, loseWriteReplies);
    }

    /** This plan, and every request answered with an HTML page. */
    public FaultPlan withHtml() {
        return new FaultPlan(latencyMillis, rate429, rate500, rateMalformed, rateDrop, gone, true, rateLimited,
                retryAfterSeconds, chainId, specVersion, noBatches, loseWriteReplies);
    }

    /** This plan, and every request answered HTTP 429 with {@code Retry-After} of that many seconds. */
    public FaultPlan withRateLimit(long retryAfter) {
        return new FaultPlan(latencyMillis, rate429, rate500, rateMalformed, rateDrop, gone, html, true,
                retryAfter, chainId, specVersion, noBatches, loseWriteReplies);
    }

    /** This plan, and {@code starknet_chainId} answering that chain id. */
    public FaultPlan withChainId(Felt id) {
        return new FaultPlan(latencyMillis, rate429, rate500, rateMalformed, rateDrop, gone, html, rateLimited,
                retryAfterSeconds, Optional.of(id), specVersion, noBatches, loseWriteReplies);
    }

    /** This plan, and {@code starknet_specVersion} answering that version. */
    public FaultPlan withSpecVersion(String version) {
        return new FaultPlan(latencyMillis, rate429, rate500, rateMalformed, rateDrop, gone, html, rateLimited,
                retryAfterSeconds, chainId, Optional.of(version), noBatches, loseWriteReplies);
    }

    /** This plan, and batches refused. */
    public FaultPlan withNoBatches() {
        return new FaultPlan(latencyMillis, rate429, rate500, rateMalformed, rateDrop, gone, html, rateLimited,
                retryAfterSeconds, chainId, specVersion, true, loseWriteReplies);
    }

    /** This plan, and the answer to a request that submits a transaction lost after the transaction is accepted. */
    public FaultPlan withLostWriteReplies() {
        return new FaultPlan(latencyMillis, rate429, rate500, rateMalformed, rateDrop, gone, html, rateLimited,
                retryAfterSeconds, chainId, specVersion, noBatches, true);
    }

    /**
     * A chain id as {@code sandbox_setFaults} takes it: {@code 0x}-prefixed hex, or a short string such as
     * {@code SN_MAIN}.
     */
    static Felt parseChainId(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("chain_id must not be empty: a short string such as SN_MAIN or 0x-prefixed hex");
        }
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return Felt.parse("chain_id", text);
        }
        try {
            return Felt.fromShortString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("chain_id is a short string such as SN_MAIN or 0x-prefixed hex: " + e.getMessage(), e);
        }
    }
}
