package xyz.cavos.wallet.ui.transfer;

import java.util.Optional;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.U256;

/** The transfer form's fields as they are typed: a value once it is one, else what is wrong with it (empty while blank). */
final class TransferForm {

    /** A field read: its value, or the reason it has none. */
    record Field<T>(Optional<T> value, String error) {
        static <T> Field<T> blank() {
            return new Field<>(Optional.empty(), "");
        }
    }

    private TransferForm() {
    }

    static Field<Felt> recipient(String text) {
        String to = text.strip();
        if (to.isEmpty()) {
            return Field.blank();
        }
        try {
            Felt address = Felt.parse("Recipient", to);
            return address.isZero() ? new Field<>(Optional.empty(), "The zero address cannot receive tokens.")
                    : new Field<>(Optional.of(address), "");
        } catch (InvalidValueException e) {
            return new Field<>(Optional.empty(), e.getMessage() + ".");
        }
    }

    /** An amount in the token's units, exact to its decimals. */
    static Field<U256> amount(String text, Token token) {
        String typed = text.strip();
        if (typed.isEmpty() || token == null) {
            return Field.blank();
        }
        try {
            U256 value = U256.parseAmount(typed, token.decimals());
            return value.isZero() ? new Field<>(Optional.empty(), "Enter an amount above zero.") : new Field<>(Optional.of(value), "");
        } catch (InvalidValueException e) {
            return new Field<>(Optional.empty(), e.getMessage() + ".");
        }
    }
}
