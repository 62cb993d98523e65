package xyz.cavos.wallet.cavos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Felt;

/**
 * The records whose {@code equals} and {@code hashCode} are written out compare as a record's generated ones do:
 * equal exactly when every component is equal (felts as numbers), with equal hash codes then.
 */
class WrittenOutEqualityTest {

    @ParameterizedTest
    @ValueSource(classes = {Token.class, OnChainSession.class, BlockId.Tag.class})
    void equalExactlyWhenEveryComponentIs(Class<? extends Record> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        var constructor = type.getDeclaredConstructor(types);
        Record base = constructor.newInstance(values(types, -1, false));
        Record same = constructor.newInstance(values(types, -1, true));
        assertEquals(base, same);
        assertEquals(base.hashCode(), same.hashCode());
        assertNotEquals(base, null);
        assertNotEquals(base, "not a " + type.getSimpleName());
        for (int i = 0; i < components.length; i++) {
            Record other = constructor.newInstance(values(types, i, false));
            assertNotEquals(base, other, "differs in " + components[i].getName());
            assertNotEquals(other, base, "differs in " + components[i].getName());
        }
    }

    /** Component values; the one at {@code changed} differs. {@code fresh}: equal values in new objects (felts padded). */
    private static Object[] values(Class<?>[] types, int changed, boolean fresh) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            long n = 1000 + i + (i == changed ? 1 : 0);
            if (types[i] == String.class) {
                values[i] = new String(("value " + n).toCharArray());
            } else if (types[i] == Felt.class) {
                values[i] = fresh ? Felt.parse("0x000" + Long.toHexString(n)) : Felt.of(BigInteger.valueOf(n));
            } else if (types[i] == int.class) {
                values[i] = (int) n;
            } else if (types[i] == long.class) {
                values[i] = n;
            } else {
                throw new AssertionError("no value for a " + types[i]);
            }
        }
        return values;
    }
}
