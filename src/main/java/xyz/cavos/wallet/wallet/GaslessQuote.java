package xyz.cavos.wallet.wallet;

import java.util.Optional;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.U256;

/**
 * What a transaction sent through a paymaster costs the wallet: nothing when sponsored ({@code gasToken} empty), else
 * about {@code estimated} and at most {@code maximum} of the gas token, in base units; the maximum is the fee transfer
 * the checked typed data carries.
 */
public record GaslessQuote(Optional<Token> gasToken, U256 estimated, U256 maximum) {

    public boolean sponsored() {
        return gasToken.isEmpty();
    }
}
