package xyz.cavos.wallet.wallet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/** How much of one spending limit the session has used. Tokens the wallet does not know show as addresses. */
public record SpendingUsage(Felt tokenAddress, Optional<Token> token, U256 spent, U256 limit) {

    /** Unknown tokens are shown with 18 decimals, as the Cavos dashboard does. */
    public int decimals() {
        return token.map(Token::decimals).orElse(18);
    }

    public String symbol() {
        return token.map(Token::symbol).orElse(tokenAddress.toHex());
    }

    public U256 remaining() {
        return spent.compareTo(limit) >= 0 ? U256.ZERO : limit.subtract(spent);
    }

    /** Used share in [0, 1]; a zero limit counts as fully used. */
    public BigDecimal fractionUsed() {
        if (limit.isZero()) {
            return BigDecimal.ONE;
        }
        BigDecimal fraction = new BigDecimal(spent.value()).divide(new BigDecimal(limit.value()), MathContext.DECIMAL64);
        return fraction.min(BigDecimal.ONE);
    }

    public String spentDisplay() {
        return spent.toAmountString(decimals());
    }

    public String limitDisplay() {
        return limit.toAmountString(decimals());
    }
}
