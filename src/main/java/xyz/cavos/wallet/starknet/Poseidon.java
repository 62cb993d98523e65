package xyz.cavos.wallet.starknet;

import static xyz.cavos.wallet.starknet.FieldElementMath.add;
import static xyz.cavos.wallet.starknet.FieldElementMath.mul;
import static xyz.cavos.wallet.starknet.FieldElementMath.square;
import static xyz.cavos.wallet.starknet.FieldElementMath.sub;

import java.math.BigInteger;
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
    /**
     * Round constants in Montgomery form, [round][element][limb]. The partial rounds' are folded: in a partial round the
     * S-box leaves x and y alone, so their constants can be added after the MDS matrix instead, that is, to the next
     * round's constants. A partial round then has only a z constant (x and y are zero), and the first final full round
     * takes what the last partial round passed on ({@link PoseidonConstants}).
     */
    private static final long[][][] CONSTANTS = constants(PoseidonConstants.FOLDED_MONTGOMERY);

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
        return values.isEmpty() ? EmptySpan.HASH : hashSpan(values);
    }

    private static Felt hashSpan(List<Felt> values) {
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

    /** The hash of no elements, which every transaction without paymaster data or deployment data needs. */
    private static final class EmptySpan {
        static final Felt HASH = hashSpan(List.of());
    }

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
        long[] t = new long[4];
        long[] u = new long[4];
        int round = 0;
        for (; round < FULL_ROUNDS_HALF; round++) {
            fullRound(x, y, z, CONSTANTS[round], t, u);
        }
        for (; round < FULL_ROUNDS_HALF + PARTIAL_ROUNDS; round++) {
            add(z, CONSTANTS[round][2], z);
            cube(z, t);
            mix(x, y, z, t, u);
        }
        for (; round < ROUNDS; round++) {
            fullRound(x, y, z, CONSTANTS[round], t, u);
        }
    }

    private static void fullRound(long[] x, long[] y, long[] z, long[][] constants, long[] t, long[] u) {
        add(x, constants[0], x);
        add(y, constants[1], y);
        add(z, constants[2], z);
        cube(x, t);
        cube(y, t);
        cube(z, t);
        mix(x, y, z, t, u);
    }

    /** The MDS matrix: x' = 3x + y + z, y' = x - y + z, z' = x + y - 2z. */
    private static void mix(long[] x, long[] y, long[] z, long[] t, long[] u) {
        add(x, y, t); // x + y
        add(t, z, u); // x + y + z
        add(z, z, z);
        sub(t, z, z);
        add(y, y, y);
        sub(u, y, y);
        add(x, x, x);
        add(u, x, x);
    }

    private static void cube(long[] v, long[] tmp) {
        square(v, tmp);
        mul(tmp, v, v);
    }

    private static long[][][] constants(long[] flat) {
        long[][][] out = new long[ROUNDS][3][];
        for (int round = 0; round < ROUNDS; round++) {
            for (int j = 0; j < 3; j++) {
                out[round][j] = java.util.Arrays.copyOfRange(flat, 12 * round + 4 * j, 12 * round + 4 * j + 4);
            }
        }
        return out;
    }
}
