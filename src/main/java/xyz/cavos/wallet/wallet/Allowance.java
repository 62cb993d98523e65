package xyz.cavos.wallet.wallet;

import java.time.Instant;
import java.util.Optional;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/**
 * What a spender may still take from the wallet, read from the token's {@code allowance(owner, spender)} now: an approval
 * sent from this installation ({@code approvedAt}, the last one for the pair), with the spender's name in the address
 * book when it has one. Zero once revoked or spent.
 */
public record Allowance(Token token, Felt spender, Optional<String> spenderName, U256 amount, Instant approvedAt) {

    /** Whether anything is left to revoke. */
    public boolean isOpen() {
        return !amount.isZero();
    }
}
