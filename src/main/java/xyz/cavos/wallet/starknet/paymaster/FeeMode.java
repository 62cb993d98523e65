package xyz.cavos.wallet.starknet.paymaster;

import xyz.cavos.wallet.starknet.Felt;

/** How a paymaster transaction is paid for: sponsored by the paymaster's owner, or by the user in a gas token. */
public sealed interface FeeMode {

    /** The paymaster pays; whether it agrees is its decision. */
    record Sponsored() implements FeeMode {
    }

    /** The user pays in the ERC-20 at {@code gasToken} (SNIP-29's {@code default} mode). */
    record InGasToken(Felt gasToken) implements FeeMode {
        public InGasToken {
            java.util.Objects.requireNonNull(gasToken, "gasToken");
        }
    }

    static FeeMode sponsored() {
        return new Sponsored();
    }

    static FeeMode inGasToken(Felt gasToken) {
        return new InGasToken(gasToken);
    }
}
