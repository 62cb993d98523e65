package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The curve tables shipped as resources are exactly the tables {@link FixedBaseTable#compute} makes of their points (the
 * generator; Pedersen's P1 to P4). Multiplications through them are checked against double-and-add, starknet-jvm and
 * published vectors elsewhere ({@link CurveArithmeticTest}, {@link StarknetJvmDifferentialTest}, {@link PublishedVectorsTest}).
 *
 * <p>To write the resources again (after a change to the table's layout):
 * {@code java -cp target/test-classes:target/classes:$(cat target/cavos.classpath) xyz.cavos.wallet.starknet.FixedBaseTableTest
 * src/main/resources/xyz/cavos/wallet/starknet}
 */
class FixedBaseTableTest {

    @Test
    void theGeneratorTableIsTheComputedOne() throws IOException {
        assertArrayEquals(generatorTable(), resource(GeneratorTable.RESOURCE),
                "generator.table differs from the computed table: write it again (see this test's comment)");
    }

    @Test
    void thePedersenTableIsTheComputedOne() throws IOException {
        assertArrayEquals(pedersenTables(), resource(Pedersen.RESOURCE),
                "pedersen.table differs from the computed tables: write it again (see this test's comment)");
    }

    @Test
    void aTableIsRefusedWhenItDoesNotStartWithItsPoint() {
        long[][] points = Pedersen.points();
        // the generator's table read as if it were P1's
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> FixedBaseTable.read(GeneratorTable.RESOURCE,
                new int[] {GeneratorTable.WINDOWS}, new long[][] {points[2]}, new long[][] {points[3]}));
        assertEquals("The curve table generator.table does not fit this build", wrong.getMessage());
        IllegalStateException shorter = assertThrows(IllegalStateException.class, () -> FixedBaseTable.read(GeneratorTable.RESOURCE,
                new int[] {GeneratorTable.WINDOWS - 1}, new long[][] {GeneratorTable.Generator.X}, new long[][] {GeneratorTable.Generator.Y}));
        assertEquals("The curve table generator.table does not fit this build", shorter.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> FixedBaseTable.read("absent.table",
                new int[] {1}, new long[][] {GeneratorTable.Generator.X}, new long[][] {GeneratorTable.Generator.Y}));
        assertEquals("The curve table absent.table is missing from the build", missing.getMessage());
    }

    @Test
    void aWindowSpanningTwoLimbsIsReadWhole() {
        long[] limbs = FieldElementMath.toLimbs(BigInteger.valueOf(0b101101).shiftLeft(60));
        assertEquals(0b101101, FixedBaseTable.bits(limbs, 60));
        assertEquals(0b101101 >>> 4, FixedBaseTable.bits(limbs, 64));
    }

    private static byte[] generatorTable() {
        return FixedBaseTable.compute(GeneratorTable.Generator.X, GeneratorTable.Generator.Y, GeneratorTable.WINDOWS).bytes();
    }

    private static byte[] pedersenTables() {
        long[][] points = Pedersen.points();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < Pedersen.WINDOWS.length; i++) {
            out.writeBytes(FixedBaseTable.compute(points[2 * i + 2], points[2 * i + 3], Pedersen.WINDOWS[i]).bytes());
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FixedBaseTable.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is on the class path");
            return in.readAllBytes();
        }
    }

    /** Writes the tables into the folder given (the package's resource folder). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Files.write(folder.resolve(GeneratorTable.RESOURCE), generatorTable());
        Files.write(folder.resolve(Pedersen.RESOURCE), pedersenTables());
    }
}
