package xyz.cavos.wallet.wallet;

import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/**
 * Something to know about an address before tokens go to it, in a sentence the app and the command line show as
 * it is. {@code resembles} is the known address a {@link Kind#LOOKALIKE} looks like, and {@code contact} its name
 * when it is a contact.
 */
public record RecipientWarning(Kind kind, Felt recipient, String message, Optional<Felt> resembles, Optional<String> contact) {

    public enum Kind {
        /** No account or contract is deployed at the address on this network (a fresh account is legitimate). */
        NO_CONTRACT,
        /** The address shares its first and last digits with a known one but differs in between: address poisoning. */
        LOOKALIKE,
        /** The address is the wallet's own. */
        SELF,
        /** Whether a contract is deployed there could not be found out (the node did not answer). */
        NOT_CHECKED;

        /** The kind as scripts see it: lower case with dashes, e.g. {@code no-contract}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
