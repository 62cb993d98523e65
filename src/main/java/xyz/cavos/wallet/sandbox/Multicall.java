package xyz.cavos.wallet.sandbox;

import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;

/** The account's {@code __execute__} argument, Cairo 1 multicall calldata, read back into calls. */
final class Multicall {

    private static final String MALFORMED = "Failed to deserialize param #1";

    private Multicall() {
    }

    /** The calls, or a panic with the account's words when the calldata is not a well-formed multicall. */
    static List<Call> decode(List<Felt> data) {
        try {
            int count = Cairo.at(data, 0).value().intValueExact();
            List<Call> calls = new ArrayList<>(count);
            int index = 1;
            for (int i = 0; i < count; i++) {
                Felt to = Cairo.at(data, index);
                Felt selector = Cairo.at(data, index + 1);
                int length = Cairo.at(data, index + 2).value().intValueExact();
                index += 3;
                if (index + length > data.size()) {
                    throw new ContractPanic(MALFORMED);
                }
                calls.add(new Call(to, selector, data.subList(index, index + length)));
                index += length;
            }
            if (index != data.size()) {
                throw new ContractPanic(MALFORMED);
            }
            return calls;
        } catch (ArithmeticException | ContractPanic e) {
            throw new ContractPanic(MALFORMED);
        }
    }
}
