package xyz.cavos.wallet.starknet;

/**
 * Keccak-256 as Ethereum and Starknet use it: the Keccak-f[1600] permutation with a 1,088-bit rate and the original
 * Keccak padding (a 0x01 byte, not SHA-3's 0x06), as specified in "The Keccak reference", version 3.0, sections 1.2
 * and 5. Written here so that a command computing a selector or a storage address loads no cryptography library:
 * BouncyCastle's digests set up its service registry and the JDK's logging, which scans every jar on the class path.
 */
final class Keccak256 {

    private static final int RATE_BYTES = 136;
    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
    };
    /** Rotation offsets of the rho step, by lane index x + 5y. */
    private static final int[] ROTATIONS = {
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    };

    private Keccak256() {
    }

    /** The 32-byte Keccak-256 digest of {@code data}. */
    static byte[] digest(byte[] data) {
        long[] state = new long[25];
        int offset = 0;
        while (data.length - offset >= RATE_BYTES) {
            absorb(state, data, offset, RATE_BYTES);
            permute(state);
            offset += RATE_BYTES;
        }
        byte[] last = new byte[RATE_BYTES];
        int remaining = data.length - offset;
        System.arraycopy(data, offset, last, 0, remaining);
        last[remaining] ^= 0x01;
        last[RATE_BYTES - 1] ^= (byte) 0x80;
        absorb(state, last, 0, RATE_BYTES);
        permute(state);
        byte[] out = new byte[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (state[i / 8] >>> (8 * (i % 8)));
        }
        return out;
    }

    /** XORs one block into the state, lanes little-endian. */
    private static void absorb(long[] state, byte[] block, int offset, int length) {
        for (int i = 0; i < length; i++) {
            state[i / 8] ^= (block[offset + i] & 0xffL) << (8 * (i % 8));
        }
    }

    /** Keccak-f[1600]: 24 rounds of theta, rho, pi, chi and iota on lanes indexed x + 5y. */
    private static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (long roundConstant : ROUND_CONSTANTS) {
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    a[x + y] ^= d;
                }
            }
            // rho and pi: the lane at (x, y) moves to (y, 2x + 3y), rotated
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
                }
            }
            for (int y = 0; y < 25; y += 5) {
                for (int x = 0; x < 5; x++) {
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
                }
            }
            a[0] ^= roundConstant;
        }
    }
}
