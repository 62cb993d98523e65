package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/**
 * The RFC 6979 nonces against BouncyCastle's HMAC-SHA-256 calculator, five in a row for each (key, message): for the
 * Stark curve's order, for P-256's, and for orders just above a power of two, where half the candidates are refused
 * and the retry step runs. The signatures built on them are checked against starknet.js in StarkSignatureVectorsTest.
 */
class Rfc6979Test {

    private static final List<BigInteger> ORDERS = List.of(
            StarkCurve.ORDER,
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16),
            BigInteger.ONE.shiftLeft(252).add(BigInteger.valueOf(27)),
            BigInteger.ONE.shiftLeft(130).add(BigInteger.valueOf(5)));

    @Test
    void agreesWithBouncyCastle() {
        long seed = RandomFelts.SEED;
        Random random = new Random(seed);
        for (BigInteger n : ORDERS) {
            for (int i = 0; i < 200; i++) {
                BigInteger key = new BigInteger(n.bitLength(), random).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
                byte[] message = new byte[random.nextBoolean() ? 32 : 1 + random.nextInt(48)];
                random.nextBytes(message);
                HMacDSAKCalculator theirs = new HMacDSAKCalculator(new SHA256Digest());
                theirs.init(n, key, message);
                Rfc6979 ours = new Rfc6979(n, key, message);
                for (int draw = 0; draw < 5; draw++) {
                    assertEquals(theirs.nextK(), ours.next(), "seed " + seed + ", n " + n.toString(16) + ", case " + i + ", draw " + draw);
                }
            }
        }
    }
}
