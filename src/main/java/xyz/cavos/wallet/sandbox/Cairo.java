package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;

/**
 * How the sandbox's contracts read their arguments and fail: Serde reads that panic with Cairo's own
 * words when a value is missing or out of range, asserts that raise the account's revert strings, and
 * entry points looked up by selector.
 */
final class Cairo {

    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private Cairo() {
    }

    /** The entry-point names behind their selectors, for contracts that dispatch by name. */
    static Map<Felt, String> entryPoints(String... names) {
        Map<Felt, String> out = new HashMap<>();
        for (String name : names) {
            out.put(Selector.of(name), name);
        }
        return Map.copyOf(out);
    }

    static ContractPanic entryPointNotFound(Felt selector) {
        return new ContractPanic.EntryPointNotFound("Entry point " + selector.toHex() + " not found in contract.");
    }

    static void require(boolean condition, RevertReason reason) {
        if (!condition) {
            throw new ContractPanic(reason.text());
        }
    }

    static Felt at(List<Felt> values, int index) {
        if (index >= values.size()) {
            throw new ContractPanic("Index out of bounds");
        }
        return values.get(index);
    }

    static BigInteger u256(List<Felt> data, int index) {
        return u128(at(data, index)).or(u128(at(data, index + 1)).shiftLeft(128));
    }

    static BigInteger u128(Felt value) {
        if (value.value().compareTo(U128_MAX) > 0) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value.value();
    }

    static long u64(Felt value) {
        if (value.value().bitLength() > 63) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value.longValueExact();
    }

    static long u32(Felt value) {
        if (value.value().bitLength() > 32) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value.longValueExact();
    }

    static int toInt(Felt value) {
        if (value.value().bitLength() > 31) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value.value().intValue();
    }
}
