package xyz.cavos.wallet.starknet;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Deterministic ECDSA nonces, RFC 6979 section 3.2 with HMAC-SHA-256, for a group of order {@code n}: the nonces of
 * one (key, message) pair, in order. HMAC (RFC 2104) is written here over the JDK's SHA-256, so that signing sets up
 * no cryptography provider beyond the JDK's first one, and no library's service registry.
 */
final class Rfc6979 {

    private static final int BLOCK = 64;

    private final BigInteger n;
    private final int length;
    private final MessageDigest sha256;
    private byte[] k = new byte[32];
    private byte[] v = new byte[32];

    /** Steps b to g of section 3.2 for the private key {@code x} and the message's bits {@code message}. */
    Rfc6979(BigInteger n, BigInteger x, byte[] message) {
        this.n = n;
        this.length = (n.bitLength() + 7) / 8;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
        BigInteger m = bitsToInt(message);
        if (m.compareTo(n) >= 0) {
            m = m.subtract(n); // bits2octets: the message reduced once modulo n
        }
        byte[] key = octets(x);
        byte[] hash = octets(m);
        Arrays.fill(v, (byte) 0x01);
        k = hmac(k, v, new byte[] {0x00}, key, hash);
        v = hmac(k, v);
        k = hmac(k, v, new byte[] {0x01}, key, hash);
        v = hmac(k, v);
    }

    /** Step h: the next candidate nonce in [1, n). */
    BigInteger next() {
        while (true) {
            byte[] t = new byte[length];
            for (int filled = 0; filled < length; filled += v.length) {
                v = hmac(k, v);
                System.arraycopy(v, 0, t, filled, Math.min(v.length, length - filled));
            }
            BigInteger candidate = bitsToInt(t);
            if (candidate.signum() > 0 && candidate.compareTo(n) < 0) {
                return candidate;
            }
            k = hmac(k, v, new byte[] {0x00});
            v = hmac(k, v);
        }
    }

    /** bits2int: the leftmost bits of {@code bits}, as many as n has. */
    private BigInteger bitsToInt(byte[] bits) {
        BigInteger value = new BigInteger(1, bits);
        int excess = bits.length * 8 - n.bitLength();
        return excess > 0 ? value.shiftRight(excess) : value;
    }

    /** int2octets: big-endian in exactly the byte length of n. */
    private byte[] octets(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int skip = Math.max(0, raw.length - length);
        System.arraycopy(raw, skip, out, length - (raw.length - skip), raw.length - skip);
        return out;
    }

    /** HMAC-SHA-256 of the parts, concatenated, under {@code key} (at most one block long here). */
    private byte[] hmac(byte[] key, byte[]... parts) {
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < key.length ? key[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        sha256.update(inner);
        for (byte[] part : parts) {
            sha256.update(part);
        }
        byte[] innerHash = sha256.digest();
        sha256.update(outer);
        return sha256.digest(innerHash);
    }
}
