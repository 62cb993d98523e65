package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import xyz.cavos.wallet.cavos.OutsideExecution;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.U256;

/**
 * How the sandbox's contracts read their arguments and fail: calldata read by the ABI ({@link Args}) and
 * values converted in contract code ({@code try_into().unwrap()}, span indexing) that panic with Cairo's
 * own words, asserts that raise the account's revert strings, and entry points looked up by selector.
 */
final class Cairo {

    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    /** Contract addresses and class hashes lie below 2^251. */
    private static final int ADDRESS_BITS = 251;

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

    static BigInteger u128(Felt value) {
        if (value.value().compareTo(U128_MAX) > 0) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value.value();
    }

    /** A felt turned into a {@code ContractAddress} in contract code: below 2^251, or the unwrap panics. */
    static Felt address(Felt value) {
        if (value.value().bitLength() > ADDRESS_BITS) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value;
    }

    static int toInt(Felt value) {
        if (value.value().bitLength() > 31) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value.value().intValue();
    }

    /**
     * An entry point's calldata read by its ABI, as the wrapper Cairo generates for every external function
     * reads it before the function body runs: each parameter in turn (numbered from 1, {@code self} not
     * counted), a value that is missing or out of its type's range failing with
     * {@code Failed to deserialize param #N}, and felts left over after the last parameter with
     * {@code Input too long for arguments}.
     */
    static final class Args {

        /** A value the Serde of the parameter being read could not produce. */
        private static final class Undecodable extends RuntimeException {
            Undecodable() {
                super(null, null, false, false);
            }
        }

        private final List<Felt> data;
        private int position;
        private int param;

        Args(List<Felt> data) {
            this.data = data;
        }

        Felt felt() {
            param++;
            return decoded(this::next);
        }

        long u32() {
            param++;
            return decoded(() -> bounded(32)).longValueExact();
        }

        /**
         * A u64. The sandbox holds them as longs (as {@link xyz.cavos.wallet.cavos.StoredSession} does), so a
         * value of 2^63 or above, which the account would take, is refused with a message of the sandbox's own.
         */
        long u64() {
            param++;
            BigInteger value = decoded(() -> bounded(64));
            if (value.bitLength() > 63) {
                throw new ContractPanic("The sandbox holds u64 values below 2^63; param #" + param + " is 0x" + value.toString(16));
            }
            return value.longValueExact();
        }

        U256 u256() {
            param++;
            return decoded(() -> U256.ofParts(bounded(128), bounded(128)));
        }

        /** A {@code ContractAddress} or a {@code ClassHash}: a felt below 2^251. */
        Felt address() {
            param++;
            return decoded(this::addressValue);
        }

        /** A {@code Span<felt252>} or {@code Array<felt252>}: its length, then that many felts. */
        List<Felt> span() {
            param++;
            return decoded(this::felts);
        }

        /** An {@code Array<Call>}: its length, then each call's address, selector and calldata span. */
        List<Call> calls() {
            param++;
            return decoded(this::callsValue);
        }

        /**
         * SNIP-9's {@code OutsideExecution} struct, one parameter: caller (an address), nonce, execute after and
         * execute before (u64, held below 2^63 as {@link #u64()} holds them) and the calls as a {@code Span<Call>}.
         */
        OutsideExecution outsideExecution() {
            param++;
            return decoded(() -> {
                Felt caller = addressValue();
                Felt nonce = next();
                BigInteger after = bounded(64);
                BigInteger before = bounded(64);
                List<Call> calls = callsValue();
                if (after.bitLength() > 63 || before.bitLength() > 63) {
                    throw new ContractPanic("The sandbox holds u64 values below 2^63; param #" + param + " has a time bound of 2^63 or above");
                }
                return new OutsideExecution(caller, nonce, after.longValueExact(), before.longValueExact(), calls);
            });
        }

        /** After the last parameter: nothing may be left. */
        void end() {
            if (position != data.size()) {
                throw new ContractPanic("Input too long for arguments");
            }
        }

        private <T> T decoded(Supplier<T> serde) {
            try {
                return serde.get();
            } catch (Undecodable e) {
                throw new ContractPanic("Failed to deserialize param #" + param);
            }
        }

        private Felt next() {
            if (position >= data.size()) {
                throw new Undecodable();
            }
            return data.get(position++);
        }

        private BigInteger bounded(int bits) {
            BigInteger value = next().value();
            if (value.bitLength() > bits) {
                throw new Undecodable();
            }
            return value;
        }

        private List<Call> callsValue() {
            BigInteger count = next().value();
            List<Call> calls = new ArrayList<>();
            for (BigInteger i = BigInteger.ZERO; i.compareTo(count) < 0; i = i.add(BigInteger.ONE)) {
                calls.add(new Call(addressValue(), next(), felts()));
            }
            return calls;
        }

        private Felt addressValue() {
            return Felt.of(bounded(ADDRESS_BITS));
        }

        private List<Felt> felts() {
            BigInteger length = next().value();
            if (length.compareTo(BigInteger.valueOf(data.size() - position)) > 0) {
                throw new Undecodable();
            }
            List<Felt> out = List.copyOf(data.subList(position, position + length.intValueExact()));
            position += out.size();
            return out;
        }
    }
}
