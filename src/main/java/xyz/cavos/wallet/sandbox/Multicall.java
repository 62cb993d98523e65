package xyz.cavos.wallet.sandbox;

import java.util.List;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;

/** The account's {@code __execute__} argument, Cairo 1 multicall calldata, read back into calls. */
final class Multicall {

    private Multicall() {
    }

    /**
     * The calls, or a panic with the Cairo runtime's words when the calldata is not one well-formed
     * {@code Array<Call>}: {@code Failed to deserialize param #1}, or {@code Input too long for arguments}
     * when felts are left over after it.
     */
    static List<Call> decode(List<Felt> data) {
        Cairo.Args args = new Cairo.Args(data);
        List<Call> calls = args.calls();
        args.end();
        return calls;
    }
}
