package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The permutation (limb arithmetic, folded partial-round constants) against the textbook Hades rounds on
 * BigInteger: every round adds all three constants, cubes (all three or only z) and multiplies by the MDS
 * matrix. Seed in every message; rerun with {@code -Dcavos.test.seed=N}.
 */
class PoseidonPermutationTest {

    private static final BigInteger P = Felt.PRIME;
    private static final BigInteger[][] CONSTANTS = Poseidon.roundConstants();
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
    void foldedConstantsLeaveOnlyZInPartialRounds() {
        BigInteger[][] folded = Poseidon.foldPartialRoundConstants(CONSTANTS);
        for (int round = 4; round < 87; round++) {
            assertEquals(BigInteger.ZERO, folded[round][0]);
            assertEquals(BigInteger.ZERO, folded[round][1]);
        }
        assertEquals(CONSTANTS[4][2], folded[4][2], "the first partial round has nothing carried in");
        assertEquals(CONSTANTS[90][0], folded[90][0], "the last full rounds are untouched");
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
