package xyz.cavos.wallet.starknet;

import java.util.ArrayList;
import java.util.List;

/** One contract call: target, entry-point selector, calldata. */
public record Call(Felt to, Felt selector, List<Felt> calldata) {

    public Call {
        calldata = List.copyOf(calldata);
    }

    public static Call of(Felt to, String entrypoint, List<Felt> calldata) {
        return new Call(to, Selector.of(entrypoint), calldata);
    }

    /**
     * The calldata of a Cairo 1 account's {@code __execute__}: {@code [n, (to, selector, len, data…)*]}.
     */
    public static List<Felt> executeCalldata(List<Call> calls) {
        List<Felt> out = new ArrayList<>();
        out.add(Felt.of(calls.size()));
        for (Call call : calls) {
            out.add(call.to);
            out.add(call.selector);
            out.add(Felt.of(call.calldata.size()));
            out.addAll(call.calldata);
        }
        return List.copyOf(out);
    }
}
