package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/** Keccak-256 against the published digests and against BouncyCastle's implementation at every length up to three blocks. */
class Keccak256Test {

    @Test
    void publishedDigests() {
        // the empty string and "abc", as listed for Keccak-256 (original padding) by the Keccak team and Ethereum
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", hex(""));
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", hex("abc"));
    }

    @Test
    void agreesWithBouncyCastleAcrossBlockBoundaries() {
        long seed = RandomFelts.SEED;
        Random random = new Random(seed);
        for (int length = 0; length <= 3 * 136 + 1; length++) {
            for (int draw = 0; draw < 3; draw++) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                assertArrayEquals(bouncyCastle(data), Keccak256.digest(data), "seed " + seed + ", length " + length);
            }
        }
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(Keccak256.digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] bouncyCastle(byte[] data) {
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(data, 0, data.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return out;
    }
}
