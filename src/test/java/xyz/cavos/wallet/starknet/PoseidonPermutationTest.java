package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The permutation (limb arithmetic, folded partial-round constants) against the textbook Hades rounds on
 * BigInteger: every round adds all three constants, cubes (all three or only z) and multiplies by the MDS
 * matrix; and the written-out constants against their definition, SHA-256("Hades" + i) mod P, folded here
 * again. Seed in every message; rerun with {@code -Dcavos.test.seed=N}.
 */
class PoseidonPermutationTest {

    private static final BigInteger P = Felt.PRIME;
    private static final BigInteger[][] CONSTANTS = roundConstants();
    private static final List<BigInteger> EDGES = List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
            P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(251),
            BigInteger.ONE.shiftLeft(192), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(P));

    @Test
    void permutationMatchesTextbookRounds() {
        Random random = new Random(RandomFelts.SEED);
        for (int i = 0; i < 300; i++) {
            BigInteger[] state = {pick(random), pick(random), pick(random)};
            long[][] limbs = {FieldElementMath.toMontgomery(state[0]), FieldElementMath.toMontgomery(state[1]),
                    FieldElementMath.toMontgomery(state[2])};
            Poseidon.permute(limbs);
            BigInteger[] expected = textbook(state);
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[j], FieldElementMath.fromMontgomery(limbs[j]),
                        "element " + j + ", seed " + RandomFelts.SEED);
            }
        }
    }

    @Test
    void writtenOutConstantsAreTheFoldedHadesConstants() {
        BigInteger[][] folded = fold(CONSTANTS);
        long[] expected = new long[91 * 3 * 4];
        for (int round = 0; round < 91; round++) {
            for (int j = 0; j < 3; j++) {
                System.arraycopy(FieldElementMath.toMontgomery(folded[round][j]), 0, expected, 12 * round + 4 * j, 4);
            }
        }
        assertArrayEquals(expected, PoseidonConstants.FOLDED_MONTGOMERY);
        for (int round = 4; round < 87; round++) {
            assertEquals(BigInteger.ZERO, folded[round][0]);
            assertEquals(BigInteger.ZERO, folded[round][1]);
        }
        assertEquals(CONSTANTS[4][2], folded[4][2], "the first partial round has nothing carried in");
        assertEquals(CONSTANTS[90][0], folded[90][0], "the last full rounds are untouched");
    }

    /** SHA-256("Hades" + i) mod P for i = 3·round + element. */
    private static BigInteger[][] roundConstants() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            BigInteger[][] constants = new BigInteger[91][3];
            for (int round = 0; round < 91; round++) {
                for (int j = 0; j < 3; j++) {
                    byte[] digest = sha256.digest(("Hades" + (3 * round + j)).getBytes(StandardCharsets.US_ASCII));
                    constants[round][j] = new BigInteger(1, digest).mod(P);
                }
            }
            return constants;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The partial rounds' x and y constants moved to the next round: in a partial round the S-box leaves x and y
     * alone, so (cx, cy, 0) added before the MDS matrix equals its image (3cx + cy, cx - cy, cx + cy) added after it.
     */
    private static BigInteger[][] fold(BigInteger[][] constants) {
        BigInteger[][] folded = new BigInteger[91][];
        for (int round = 0; round < 91; round++) {
            folded[round] = constants[round].clone();
        }
        for (int round = 4; round < 87; round++) {
            BigInteger cx = folded[round][0];
            BigInteger cy = folded[round][1];
            BigInteger[] next = folded[round + 1];
            next[0] = next[0].add(cx.multiply(BigInteger.valueOf(3))).add(cy).mod(P);
            next[1] = next[1].add(cx).subtract(cy).mod(P);
            next[2] = next[2].add(cx).add(cy).mod(P);
            folded[round][0] = BigInteger.ZERO;
            folded[round][1] = BigInteger.ZERO;
        }
        return folded;
    }

    private static BigInteger[] textbook(BigInteger[] input) {
        BigInteger x = input[0];
        BigInteger y = input[1];
        BigInteger z = input[2];
        for (int round = 0; round < 91; round++) {
            x = x.add(CONSTANTS[round][0]).mod(P);
            y = y.add(CONSTANTS[round][1]).mod(P);
            z = z.add(CONSTANTS[round][2]).mod(P);
            if (round < 4 || round >= 87) {
                x = x.modPow(BigInteger.valueOf(3), P);
                y = y.modPow(BigInteger.valueOf(3), P);
            }
            z = z.modPow(BigInteger.valueOf(3), P);
            BigInteger nx = x.multiply(BigInteger.valueOf(3)).add(y).add(z).mod(P);
            BigInteger ny = x.subtract(y).add(z).mod(P);
            BigInteger nz = x.add(y).subtract(z.shiftLeft(1)).mod(P);
            x = nx;
            y = ny;
            z = nz;
        }
        return new BigInteger[] {x, y, z};
    }

    private static BigInteger pick(Random random) {
        return random.nextInt(3) == 0 ? EDGES.get(random.nextInt(EDGES.size())) : new BigInteger(260, random).mod(P);
    }
}
