package xyz.cavos.wallet.starknet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Multiples of a fixed point B of the Stark curve from a table: for each 6-bit window i of a scalar the table holds
 * d·2^(6i)·B for d = 1..63 in affine Montgomery form, so k·B is one mixed addition per non-zero window and no doubling.
 *
 * <p>The tables of the points multiplied here (the generator for keys and signatures, Pedersen's constant points for
 * storage addresses) are computed by {@link #compute} and shipped as resources of this package, checked against it by
 * the tests: a process that starts for one command reads a table in a fraction of a millisecond, where building it
 * would cost as much as sixty multiplications, and one multiplication without it (a doubling per bit) several
 * milliseconds before the JIT has compiled the arithmetic.
 *
 * <p>Not constant-time: which entries are read and how long the sum takes depend on the scalar.
 */
final class FixedBaseTable {

    static final int WINDOW_BITS = 6;
    static final int DIGITS = (1 << WINDOW_BITS) - 1;
    /** Longs per entry: x then y, four limbs each. */
    private static final int ENTRY_LONGS = 8;

    private final int windows;
    /** Entry (window, d) at (window·63 + d - 1)·8: x's limbs then y's, little end first. */
    private final long[] entries;

    private FixedBaseTable(int windows, long[] entries) {
        this.windows = windows;
        this.entries = entries;
    }

    /** The table of B = (x, y) (affine, Montgomery form) for scalars below 2^(6·windows). */
    static FixedBaseTable compute(long[] x, long[] y, int windows) {
        long[][] xs = new long[windows * DIGITS][];
        long[][] ys = new long[windows * DIGITS][];
        JacobianPoint base = JacobianPoint.affine(x, y);
        JacobianPoint[] multiples = new JacobianPoint[DIGITS];
        for (int window = 0; window < windows; window++) {
            // base = 2^(6·window)·B; multiples[d - 1] = d·base
            multiples[0] = base.copy();
            for (int d = 1; d < DIGITS; d++) {
                multiples[d] = multiples[d - 1].copy();
                multiples[d].addPoint(base);
            }
            JacobianPoint.toAffine(multiples, xs, ys, window * DIGITS);
            base = multiples[DIGITS - 1].copy();
            base.addPoint(multiples[0]);
        }
        long[] entries = new long[windows * DIGITS * ENTRY_LONGS];
        for (int i = 0; i < xs.length; i++) {
            System.arraycopy(xs[i], 0, entries, i * ENTRY_LONGS, 4);
            System.arraycopy(ys[i], 0, entries, i * ENTRY_LONGS + 4, 4);
        }
        return new FixedBaseTable(windows, entries);
    }

    /**
     * Reads tables from a resource of this package, one after another: table i has {@code windows[i]} windows and
     * base point (baseXs[i], baseYs[i]), which its first entry must be.
     */
    static FixedBaseTable[] read(String resource, int[] windows, long[][] baseXs, long[][] baseYs) {
        byte[] bytes;
        try (InputStream in = FixedBaseTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The curve table " + resource + " is missing from the build");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the curve table " + resource, e);
        }
        long[] all = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(all);
        FixedBaseTable[] tables = new FixedBaseTable[windows.length];
        int at = 0;
        for (int i = 0; i < windows.length; i++) {
            int length = windows[i] * DIGITS * ENTRY_LONGS;
            if (at + length > all.length || !Arrays.equals(all, at, at + 4, baseXs[i], 0, 4)
                    || !Arrays.equals(all, at + 4, at + 8, baseYs[i], 0, 4)) {
                throw new IllegalStateException("The curve table " + resource + " does not fit this build");
            }
            tables[i] = new FixedBaseTable(windows[i], Arrays.copyOfRange(all, at, at + length));
            at += length;
        }
        if (at * Long.BYTES != bytes.length) {
            throw new IllegalStateException("The curve table " + resource + " does not fit this build");
        }
        return tables;
    }

    /** The table as its resource holds it: the entries' limbs as little-endian longs. */
    byte[] bytes() {
        ByteBuffer out = ByteBuffer.allocate(entries.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.asLongBuffer().put(entries);
        return out.array();
    }

    /** Adds k·B to {@code sum}, for k given as four little-endian limbs, below 2^(6·windows). */
    void addTo(JacobianPoint sum, long[] k) {
        long[] ax = new long[4];
        long[] ay = new long[4];
        for (int window = 0; window < windows; window++) {
            int digit = bits(k, window * WINDOW_BITS);
            if (digit != 0) {
                int entry = (window * DIGITS + digit - 1) * ENTRY_LONGS;
                System.arraycopy(entries, entry, ax, 0, 4);
                System.arraycopy(entries, entry + 4, ay, 0, 4);
                sum.addAffine(ax, ay);
            }
        }
    }

    /** The window of {@link #WINDOW_BITS} bits starting at bit {@code from} of a 256-bit number. */
    static int bits(long[] limbs, int from) {
        int limb = from >>> 6;
        int shift = from & 63;
        long value = limbs[limb] >>> shift;
        if (shift > 64 - WINDOW_BITS && limb < 3) {
            value |= limbs[limb + 1] << (64 - shift);
        }
        return (int) (value & DIGITS);
    }
}
