package xyz.cavos.wallet.cavos;

import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/** The most a session may move of one token, in base units, counted over the session's life. */
public record SpendingLimit(Felt token, U256 limit) {
}
