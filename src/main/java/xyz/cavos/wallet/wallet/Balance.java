package xyz.cavos.wallet.wallet;

import java.math.BigDecimal;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.U256;

/** One token's balance, exact in base units. */
public record Balance(Token token, U256 raw) {

    public BigDecimal amount() {
        return raw.toAmount(token.decimals());
    }

    /** e.g. {@code 998.4933} would lose digits: this is the exact, calm form ("998.493324", "0.5"). */
    public String display() {
        return raw.toAmountString(token.decimals());
    }
}
