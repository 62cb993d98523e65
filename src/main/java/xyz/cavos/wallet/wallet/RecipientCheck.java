package xyz.cavos.wallet.wallet;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import xyz.cavos.wallet.starknet.Felt;

/**
 * What to warn about before tokens go to an address: the wallet's own address ({@link RecipientWarning.Kind#SELF}),
 * and an address that looks like one the address book knows ({@link RecipientWarning.Kind#LOOKALIKE}). Whether a
 * contract is deployed there is asked of the node by {@link WalletService#checkRecipient}.
 *
 * <p>Look-alike, precisely: both addresses are written as {@code 0x} and 64 hex digits, the way the app writes every
 * address; they look alike when they are different numbers, their first {@value #LEADING} significant hex digits
 * (those after the leading zeros) are the same, and their last {@value #TRAILING} hex digits are the same. That is
 * what a shortened address such as {@code 0x517c…a5b0} shows, and what an attacker who plants a look-alike in a
 * wallet's history (address poisoning) imitates. Two random addresses match by chance once in 2^32, so a real
 * address book of a few hundred entries practically never warns about an honest one. Case and leading zeros do not
 * matter: the same number is the same address, never a look-alike.
 */
public final class RecipientCheck {

    /** Significant hex digits compared at the start. */
    public static final int LEADING = 4;
    /** Hex digits compared at the end. */
    public static final int TRAILING = 4;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private RecipientCheck() {
    }

    /** Whether {@code a} and {@code b} are different addresses that look alike, by the rule above. */
    public static boolean looksAlike(Felt a, Felt b) {
        if (a.equals(b)) {
            return false;
        }
        String x = a.toPaddedHex().substring(2);
        String y = b.toPaddedHex().substring(2);
        return leading(x).equals(leading(y)) && x.substring(x.length() - TRAILING).equals(y.substring(y.length() - TRAILING));
    }

    private static String leading(String digits) {
        String significant = digits.replaceFirst("^0+", "");
        return significant.substring(0, Math.min(LEADING, significant.length()));
    }

    /**
     * The warnings that need no network: the wallet's own address, and the known addresses the recipient looks like
     * (contacts first, then recent recipients; each address once). A recipient that is a contact itself is trusted.
     */
    public static List<RecipientWarning> offline(Felt recipient, Felt wallet, AddressBook book) {
        List<RecipientWarning> warnings = new ArrayList<>();
        if (recipient.equals(wallet)) {
            warnings.add(new RecipientWarning(RecipientWarning.Kind.SELF, recipient, recipient.toPaddedHex()
                    + " is this wallet's own address.", Optional.empty(), Optional.empty()));
        }
        List<AddressBook.Known> known = book.known();
        if (known.stream().anyMatch(k -> k.name().isPresent() && k.address().equals(recipient))) {
            return warnings;
        }
        Set<Felt> named = new LinkedHashSet<>();
        for (AddressBook.Known k : known) {
            if (looksAlike(recipient, k.address()) && named.add(k.address())) {
                Optional<String> name = k.name().or(() -> known.stream().filter(o -> o.address().equals(k.address()))
                        .flatMap(o -> o.name().stream()).findFirst());
                warnings.add(lookalike(recipient, k, name));
            }
        }
        return warnings;
    }

    private static RecipientWarning lookalike(Felt recipient, AddressBook.Known known, Optional<String> name) {
        String whose = name.map(n -> "your contact \"" + n + "\" (" + known.address().toPaddedHex() + ")")
                .orElseGet(() -> known.address().toPaddedHex() + known.sent().map(s -> ", which you sent " + s.symbol() + " to on "
                        + DAY.format(s.at()) + " UTC,").orElse(""));
        return new RecipientWarning(RecipientWarning.Kind.LOOKALIKE, recipient, recipient.toPaddedHex() + " looks like " + whose
                + " but is a different address: the same first and last digits, others in between. Someone may have planted it"
                + " to be copied by mistake (address poisoning).", Optional.of(known.address()), name);
    }

    static RecipientWarning noContract(Felt recipient, Network network) {
        return new RecipientWarning(RecipientWarning.Kind.NO_CONTRACT, recipient, "No account or contract is deployed at "
                + recipient.toPaddedHex() + " on " + network.name() + ". That is normal for an account not used yet; if the address"
                + " was mistyped, tokens sent there cannot be got back.", Optional.empty(), Optional.empty());
    }

    static RecipientWarning notChecked(Felt recipient, String why) {
        return new RecipientWarning(RecipientWarning.Kind.NOT_CHECKED, recipient, "Could not check whether an account is deployed at "
                + recipient.toPaddedHex() + ": " + why.strip().replaceFirst("\\.$", "") + ".", Optional.empty(), Optional.empty());
    }

    /** The refusal to send to a look-alike the person did not confirm: nothing was sent. */
    public static WalletError refusal(RecipientWarning lookalike) {
        return new WalletError(WalletError.Code.RECIPIENT_LOOKALIKE, lookalike.message(), "Nothing was sent. Compare the address"
                + " digit by digit with where you copied it from, not with your history.");
    }
}
