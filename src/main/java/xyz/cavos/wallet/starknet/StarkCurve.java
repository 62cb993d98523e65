package xyz.cavos.wallet.starknet;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA on the Stark curve y^2 = x^3 + x + β over the Stark field, as Starknet accounts verify it:
 * the public key is the x coordinate of k·G, the message is a felt below 2^251, r and w = s^-1 lie in
 * [1, 2^251), and nonces are deterministic (RFC 6979 with SHA-256).
 *
 * <p>Multiples of the generator come from a precomputed table ({@link GeneratorTable}), other points are
 * multiplied in width-5 NAF ({@link WnafMultiplier}). Neither the limb arithmetic nor the BigInteger
 * arithmetic here is constant-time.
 */
public final class StarkCurve {

    public static final BigInteger ORDER =
            new BigInteger("800000000000010ffffffffffffffffb781126dcae7b2321e66a241adc64d2f", 16);
    private static final BigInteger ALPHA = BigInteger.ONE;
    private static final BigInteger BETA =
            new BigInteger("6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89", 16);
    static final BigInteger GX =
            new BigInteger("1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca", 16);
    static final BigInteger GY =
            new BigInteger("5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f", 16);
    private static final BigInteger TWO_POW_251 = BigInteger.ONE.shiftLeft(251);

    /** BouncyCastle's view of the curve, for finding a point from its x (verification only): made when first needed. */
    private static final class Decoding {
        static final ECCurve CURVE = new ECCurve.Fp(Felt.PRIME, ALPHA, BETA, ORDER, BigInteger.ONE);
    }

    /** An (r, s) pair. */
    public record Signature(Felt r, Felt s) {
    }

    private StarkCurve() {
    }

    /**
     * The public key (x of k·G) of a private key in [1, n). The error never shows the key itself.
     */
    public static Felt publicKey(BigInteger privateKey) {
        checkPrivateKey(privateKey);
        return Felt.of(GeneratorTable.multiply(privateKey).affineX());
    }

    public static Felt publicKey(Felt privateKey) {
        return publicKey(privateKey.value());
    }

    /** Signs a message hash (a felt below 2^251) with RFC 6979 deterministic nonces. */
    public static Signature sign(Felt privateKey, Felt messageHash) {
        BigInteger d = privateKey.value();
        checkPrivateKey(d);
        BigInteger z = messageHash.value();
        if (z.compareTo(TWO_POW_251) >= 0) {
            throw new InvalidValueException("Message hash " + messageHash + " is not below 2^251 and cannot be signed");
        }
        // RFC 6979 reads the message as its leftmost 252 bits (n's length): of 32 bytes it drops the last 4 bits, so
        // that messages differing there only would share a nonce. Starknet's reference (and starknet.js) derives the
        // nonce from the hash itself: it is given shifted left by 4, which the reading shifts back.
        Rfc6979 nonces = new Rfc6979(ORDER, d, BigIntegers.asUnsignedByteArray(32, z.shiftLeft(4)));
        while (true) {
            BigInteger k = nonces.next();
            BigInteger r = GeneratorTable.multiply(k).affineX();
            if (r.signum() == 0 || r.compareTo(TWO_POW_251) >= 0) {
                continue;
            }
            BigInteger zPlusRd = z.add(r.multiply(d)).mod(ORDER);
            if (zPlusRd.signum() == 0) {
                continue;
            }
            // w = k / (z + r·d) and s = 1 / w, from the one inverse 1 / (k·(z + r·d))
            BigInteger inverse = BigIntegers.modOddInverse(ORDER, k.multiply(zPlusRd).mod(ORDER));
            BigInteger w = k.multiply(k).multiply(inverse).mod(ORDER);
            if (w.signum() == 0 || w.compareTo(TWO_POW_251) >= 0) {
                continue;
            }
            return new Signature(Felt.of(r), Felt.of(zPlusRd.multiply(zPlusRd).multiply(inverse).mod(ORDER)));
        }
    }

    /**
     * Verifies a signature against a public key given as its x coordinate (either y is accepted, as
     * Starknet's verifier does). Out-of-range inputs verify as false rather than throwing.
     */
    public static boolean verify(Felt publicKey, Felt messageHash, Signature signature) {
        BigInteger z = messageHash.value();
        BigInteger r = signature.r().value();
        BigInteger s = signature.s().value();
        if (z.compareTo(TWO_POW_251) >= 0 || r.signum() == 0 || r.compareTo(TWO_POW_251) >= 0
                || s.signum() == 0 || s.compareTo(ORDER) >= 0) {
            return false;
        }
        BigInteger w = BigIntegers.modOddInverse(ORDER, s);
        if (w.compareTo(TWO_POW_251) >= 0) {
            return false;
        }
        ECPoint q = pointFromX(publicKey.value());
        if (q == null) {
            return false;
        }
        BigInteger u1 = z.multiply(w).mod(ORDER);
        BigInteger u2 = r.multiply(w).mod(ORDER);
        // u1·G ± u2·Q: the public key fixes Q only up to its sign
        JacobianPoint fromG = GeneratorTable.multiply(u1);
        JacobianPoint fromQ = WnafMultiplier.multiply(FieldElementMath.toMontgomery(q.getAffineXCoord().toBigInteger()),
                FieldElementMath.toMontgomery(q.getAffineYCoord().toBigInteger()), u2);
        JacobianPoint sum = fromG.copy();
        sum.addPoint(fromQ);
        if (sum.hasAffineX(r)) {
            return true;
        }
        fromQ.negate();
        fromG.addPoint(fromQ);
        return fromG.hasAffineX(r);
    }

    /** A point with this x, or null when x is not on the curve. */
    private static ECPoint pointFromX(BigInteger x) {
        if (x.signum() == 0 || x.compareTo(Felt.PRIME) >= 0) {
            return null;
        }
        byte[] encoded = new byte[33];
        encoded[0] = 0x02;
        BigIntegers.asUnsignedByteArray(x, encoded, 1, 32);
        try {
            return Decoding.CURVE.decodePoint(encoded);
        } catch (IllegalArgumentException notOnCurve) {
            return null;
        }
    }

    /** Fails unless (x, y) is a point of the curve: y^2 = x^3 + x + β. For the Pedersen hash's constant points. */
    static void requireOnCurve(BigInteger x, BigInteger y) {
        BigInteger p = Felt.PRIME;
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0
                || !y.multiply(y).mod(p).equals(x.pow(3).add(ALPHA.multiply(x)).add(BETA).mod(p))) {
            throw new IllegalArgumentException("(" + x.toString(16) + ", " + y.toString(16) + ") is not on the Stark curve");
        }
    }

    /** A fresh uniformly random private key in [1, n). */
    public static Felt randomPrivateKey(SecureRandom random) {
        return Felt.of(BigIntegers.createRandomInRange(BigInteger.ONE, ORDER.subtract(BigInteger.ONE), random));
    }

    private static void checkPrivateKey(BigInteger privateKey) {
        if (privateKey.signum() <= 0 || privateKey.compareTo(ORDER) >= 0) {
            throw new InvalidValueException("Private key is out of range: it must be in [1, n) of the Stark curve");
        }
    }
}
