package xyz.cavos.wallet.starknet.paymaster;

import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/** A token a paymaster accepts for fees, with its decimals and its price in STRK (in FRI per whole token unit). */
public record SupportedToken(Felt tokenAddress, int decimals, U256 priceInStrk) {
}
