package xyz.cavos.wallet.starknet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** Entry-point selectors: {@code sn_keccak(name)}, Keccak-256 (original padding) masked to 250 bits. */
public final class Selector {

    private static final BigInteger MASK_250 = BigInteger.ONE.shiftLeft(250).subtract(BigInteger.ONE);
    private static final ConcurrentHashMap<String, Felt> CACHE = new ConcurrentHashMap<>();

    private Selector() {
    }

    /** The selector of an entry point or event name, e.g. {@code transfer}. */
    public static Felt of(String name) {
        if (name.equals("__default__") || name.equals("__l1_default__")) {
            return Felt.ZERO;
        }
        return CACHE.computeIfAbsent(name, n -> snKeccak(n.getBytes(StandardCharsets.US_ASCII)));
    }

    /** {@code sn_keccak} of raw bytes, also the SNIP-12 type hash of an encoded type string. */
    public static Felt snKeccak(byte[] data) {
        return Felt.of(new BigInteger(1, Keccak256.digest(data)).and(MASK_250));
    }

    public static Felt snKeccak(String text) {
        return snKeccak(text.getBytes(StandardCharsets.UTF_8));
    }
}
