package xyz.cavos.wallet.ui.transfer;

import java.util.Optional;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.Format;

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

    /** An address, or the name of a contact (any case), which stands for its address. */
    static Field<Felt> recipient(String text, java.util.List<xyz.cavos.wallet.wallet.AddressBook.Contact> contacts) {
        String to = text.strip();
        if (to.isEmpty()) {
            return Field.blank();
        }
        for (var contact : contacts) {
            if (contact.name().equalsIgnoreCase(to)) {
                return new Field<>(Optional.of(contact.address()), "");
            }
        }
        try {
            Felt address = Felt.parse("Recipient", to);
            return address.isZero() ? new Field<>(Optional.empty(), "The zero address cannot receive tokens.")
                    : new Field<>(Optional.of(address), "");
        } catch (InvalidValueException e) {
            return new Field<>(Optional.empty(), e.getMessage() + ".");
        }
    }

    /**
     * An amount checked against what the last read showed: the balance, and what the session's spending limit has
     * left. The review checks again with fresh chain data; this only says early what it would say.
     */
    static Field<U256> within(Field<U256> typed, Optional<U256> balance, Optional<U256> limitLeft, Token token) {
        if (typed.value().isEmpty()) {
            return typed;
        }
        U256 value = typed.value().get();
        if (balance.isPresent() && value.compareTo(balance.get()) > 0) {
            return new Field<>(Optional.empty(), "More than the " + Format.exact(balance.get(), token.decimals(), token.symbol())
                    + " the wallet holds.");
        }
        if (limitLeft.isPresent() && value.compareTo(limitLeft.get()) > 0) {
            return new Field<>(Optional.empty(), "Over the session's spending limit: "
                    + Format.exact(limitLeft.get(), token.decimals(), token.symbol()) + " left to send.");
        }
        return typed;
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
