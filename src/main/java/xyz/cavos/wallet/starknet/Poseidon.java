package xyz.cavos.wallet.starknet;

import static xyz.cavos.wallet.starknet.FieldElementMath.add;
import static xyz.cavos.wallet.starknet.FieldElementMath.mul;
import static xyz.cavos.wallet.starknet.FieldElementMath.sub;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Starknet's Poseidon: the Hades permutation over the Stark field with state width 3 (rate 2, capacity 1),
 * 4 full rounds, 83 partial rounds, 4 full rounds, S-box x^3 and MDS [[3,1,1],[1,-1,1],[1,1,-2]].
 * Round constants are SHA-256("Hades" + i) mod P, as in cairo-lang.
 */
public final class Poseidon {

    private static final int FULL_ROUNDS_HALF = 4;
    private static final int PARTIAL_ROUNDS = 83;
    private static final int ROUNDS = 2 * FULL_ROUNDS_HALF + PARTIAL_ROUNDS;
    /** Round constants in Montgomery form: [round][element][limb]. */
    private static final long[][][] CONSTANTS = roundConstants();

    private Poseidon() {
    }

    /** Cairo's {@code poseidon_hash(x, y)}: permute [x, y, 2], take the first element. */
    public static Felt hash(Felt x, Felt y) {
        long[][] state = {mont(x), mont(y), FieldElementMath.toMontgomery(BigInteger.TWO)};
        permute(state);
        return Felt.of(FieldElementMath.fromMontgomery(state[0]));
    }

    /** Cairo's {@code poseidon_hash_single(x)}: permute [x, 0, 1]. */
    public static Felt hash(Felt x) {
        long[][] state = {mont(x), new long[4], FieldElementMath.toMontgomery(BigInteger.ONE)};
        permute(state);
        return Felt.of(FieldElementMath.fromMontgomery(state[0]));
    }

    public static Felt hashMany(Felt... values) {
        return hashMany(List.of(values));
    }

    /**
     * Cairo's {@code poseidon_hash_span} (starknet.js {@code computePoseidonHashOnElements}): append 1,
     * pad with 0 to even length, absorb two elements at a time.
     */
    public static Felt hashMany(List<Felt> values) {
        long[][] state = {new long[4], new long[4], new long[4]};
        int n = values.size();
        long[] scratch = new long[4];
        for (int i = 0; i <= n; i += 2) {
            long[] first = i < n ? mont(values.get(i)) : montOne();
            long[] second;
            if (i + 1 < n) {
                second = mont(values.get(i + 1));
            } else if (i + 1 == n) {
                second = montOne();
            } else {
                second = scratch; // zero padding after the appended 1
                java.util.Arrays.fill(second, 0L);
            }
            add(state[0], first, state[0]);
            add(state[1], second, state[1]);
            permute(state);
        }
        return Felt.of(FieldElementMath.fromMontgomery(state[0]));
    }

    private static final long[] MONT_ONE = FieldElementMath.toMontgomery(BigInteger.ONE);

    private static long[] montOne() {
        return MONT_ONE.clone();
    }

    private static long[] mont(Felt felt) {
        return FieldElementMath.toMontgomery(felt.value());
    }

    /** The Hades permutation, in place. */
    static void permute(long[][] state) {
        long[] x = state[0];
        long[] y = state[1];
        long[] z = state[2];
        long[] sum = new long[4];
        long[] tmp = new long[4];
        for (int round = 0; round < ROUNDS; round++) {
            long[][] c = CONSTANTS[round];
            add(x, c[0], x);
            add(y, c[1], y);
            add(z, c[2], z);
            boolean full = round < FULL_ROUNDS_HALF || round >= FULL_ROUNDS_HALF + PARTIAL_ROUNDS;
            if (full) {
                cube(x, tmp);
                cube(y, tmp);
            }
            cube(z, tmp);
            // MDS: x' = s + 2x, y' = s - 2y, z' = s - 3z with s = x + y + z
            add(x, y, sum);
            add(sum, z, sum);
            add(x, x, tmp);
            add(sum, tmp, x);
            add(y, y, tmp);
            sub(sum, tmp, y);
            add(z, z, tmp);
            add(tmp, z, tmp);
            sub(sum, tmp, z);
        }
    }

    private static void cube(long[] v, long[] tmp) {
        mul(v, v, tmp);
        mul(tmp, v, v);
    }

    private static long[][][] roundConstants() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        long[][][] constants = new long[ROUNDS][3][];
        for (int round = 0; round < ROUNDS; round++) {
            for (int j = 0; j < 3; j++) {
                byte[] digest = sha256.digest(("Hades" + (3 * round + j)).getBytes(StandardCharsets.US_ASCII));
                BigInteger value = new BigInteger(1, digest).mod(Felt.PRIME);
                constants[round][j] = FieldElementMath.toMontgomery(value);
            }
        }
        return constants;
    }
}
