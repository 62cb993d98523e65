package xyz.cavos.wallet.wallet;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import xyz.cavos.wallet.cavos.SecretText;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.store.ContactsFile;
import xyz.cavos.wallet.store.StoreException;

/**
 * The address book the app and the command line share: named contacts and the addresses sent to recently, kept
 * per installation in the config folder. Names are unique whatever their case; addresses compare as numbers, so
 * {@code 0x0517…} and {@code 0x517…} are one address. Every failure is a {@link WalletError}.
 */
public final class AddressBook {

    public static final int MAX_NAME_CHARS = ContactsFile.MAX_NAME_CHARS;
    public static final int MAX_NOTE_CHARS = ContactsFile.MAX_NOTE_CHARS;
    public static final int MAX_CONTACTS = ContactsFile.MAX_CONTACTS;
    public static final int MAX_RECENT = ContactsFile.MAX_RECENT;

    /** A named address, with the note the person wrote about it. */
    public record Contact(String name, Felt address, Optional<String> note) {
    }

    /** An address sent to: the token, when, and the contact's name when it has one. */
    public record Recent(Felt address, String symbol, Instant at, Optional<String> name) {
    }

    private final ContactsFile file;

    private AddressBook(ContactsFile file) {
        this.file = file;
    }

    /** The address book in the config folder {@code home}; nothing is read until it is used. */
    public static AddressBook open(Path home) {
        return new AddressBook(ContactsFile.open(home));
    }

    /** The file the address book is kept in. */
    public Path file() {
        return file.path();
    }

    /** The contacts, by name (ignoring case). */
    public List<Contact> list() {
        return guard(() -> file.read().contacts().stream().map(AddressBook::contact)
                .sorted(Comparator.comparing((Contact c) -> key(c.name())).thenComparing(Contact::name)).toList());
    }

    /** Adds a contact; {@code address} in hex ({@code 0x…}) or decimal. */
    public Contact add(String name, String address, Optional<String> note) {
        return add(name, parseAddress("Address", address == null ? "" : address.strip()), note);
    }

    /**
     * Adds a contact. The name is trimmed, 1 to {@value #MAX_NAME_CHARS} characters, unlike any other name whatever
     * the case, and must not look like an address; the address is not zero and not named already; the note, if any,
     * is at most {@value #MAX_NOTE_CHARS} characters.
     */
    public Contact add(String name, Felt address, Optional<String> note) {
        String cleanName = name(name);
        Optional<String> cleanNote = note.map(String::strip).filter(n -> !n.isEmpty()).map(AddressBook::note);
        if (address.isZero()) {
            throw new WalletError(WalletError.Code.INVALID_ADDRESS, "A contact's address must not be the zero address.",
                    "Check the address and try again.");
        }
        Contact added = new Contact(cleanName, address, cleanNote);
        guard(() -> file.change(contents -> {
            for (ContactsFile.Contact existing : contents.contacts()) {
                if (key(existing.name()).equals(key(cleanName))) {
                    throw new WalletError(WalletError.Code.CONTACT_EXISTS, "There is already a contact named \"" + existing.name() + "\" ("
                            + existing.address().toPaddedHex() + ").", "Choose another name, or remove that contact first.");
                }
                if (existing.address().equals(address)) {
                    throw new WalletError(WalletError.Code.CONTACT_EXISTS, "The address " + address.toPaddedHex()
                            + " is already in the address book as \"" + existing.name() + "\".", "Use that name, or remove that contact first.");
                }
            }
            if (contents.contacts().size() >= MAX_CONTACTS) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The address book is full (" + MAX_CONTACTS + " contacts).",
                        "Remove contacts you no longer need.");
            }
            List<ContactsFile.Contact> contacts = new ArrayList<>(contents.contacts());
            contacts.add(new ContactsFile.Contact(cleanName, address, cleanNote));
            return new ContactsFile.Contents(contacts, contents.recent());
        }));
        return added;
    }

    /** Removes the contact with this name (ignoring case); the one removed. */
    public Contact remove(String name) {
        String wanted = key(name.strip());
        Contact[] removed = new Contact[1];
        guard(() -> file.change(contents -> {
            List<ContactsFile.Contact> kept = new ArrayList<>();
            for (ContactsFile.Contact existing : contents.contacts()) {
                if (removed[0] == null && key(existing.name()).equals(wanted)) {
                    removed[0] = contact(existing);
                } else {
                    kept.add(existing);
                }
            }
            if (removed[0] == null) {
                throw unknown(name);
            }
            return new ContactsFile.Contents(kept, contents.recent());
        }));
        return removed[0];
    }

    /** The address a person means: a contact's name (ignoring case), or an address in hex ({@code 0x…}) or decimal. */
    public Felt resolve(String nameOrAddress) {
        return resolve("Address", nameOrAddress);
    }

    /** Like {@link #resolve(String)}; {@code what} names the value in errors, e.g. "Recipient". */
    public Felt resolve(String what, String nameOrAddress) {
        String given = nameOrAddress == null ? "" : nameOrAddress;
        String text = given.strip();
        if (text.isEmpty() || looksLikeAddress(text)) {
            return parseAddress(what, given); // as typed: an address with spaces around it is refused, as everywhere
        }
        return contact(text).map(Contact::address).orElseThrow(() -> unknown(text));
    }

    /** The contact with this name (ignoring case), if there is one. */
    public Optional<Contact> contact(String name) {
        String wanted = key(name.strip());
        return list().stream().filter(c -> key(c.name()).equals(wanted)).findFirst();
    }

    /** The name of the contact at this address, if it has one. */
    public Optional<String> nameOf(Felt address) {
        return list().stream().filter(c -> c.address().equals(address)).map(Contact::name).findFirst();
    }

    /** The addresses sent to recently, newest first, each once. */
    public List<Recent> recent() {
        return guard(() -> {
            ContactsFile.Contents contents = file.read();
            return contents.recent().stream().map(r -> new Recent(r.address(), r.symbol(), r.at(), contents.contacts().stream()
                    .filter(c -> c.address().equals(r.address())).map(ContactsFile.Contact::name).findFirst())).toList();
        });
    }

    /**
     * Records a transfer sent to {@code address}: it becomes the newest recent recipient (an earlier entry for the
     * same address goes), and only the newest {@value #MAX_RECENT} are kept. The time is kept to the second.
     */
    public void recordSent(Felt address, String symbol, Instant at) {
        String shortSymbol = symbol.length() > ContactsFile.MAX_SYMBOL_CHARS ? symbol.substring(0, ContactsFile.MAX_SYMBOL_CHARS) : symbol;
        guard(() -> file.change(contents -> {
            List<ContactsFile.Recent> recent = new ArrayList<>();
            recent.add(new ContactsFile.Recent(address, shortSymbol, at.truncatedTo(ChronoUnit.SECONDS)));
            contents.recent().stream().filter(r -> !r.address().equals(address)).limit(MAX_RECENT - 1).forEach(recent::add);
            return new ContactsFile.Contents(contents.contacts(), recent);
        }));
    }

    /** Every address this book knows, contacts first, with how to name it in a sentence. */
    List<Known> known() {
        return guard(() -> {
            ContactsFile.Contents contents = file.read();
            List<Known> known = new ArrayList<>();
            contents.contacts().forEach(c -> known.add(new Known(c.address(), Optional.of(c.name()), Optional.empty())));
            contents.recent().forEach(r -> known.add(new Known(r.address(), Optional.empty(), Optional.of(r))));
            return known;
        });
    }

    /** An address the book knows: a contact's (with its name) or a recent recipient's (with when it was sent to). */
    record Known(Felt address, Optional<String> name, Optional<ContactsFile.Recent> sent) {
    }

    // ---------------------------------------------------------------- rules

    /** Text that is meant as an address rather than a name: 0x… or only decimal digits. */
    static boolean looksLikeAddress(String text) {
        return text.startsWith("0x") || text.startsWith("0X") || text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Felt parseAddress(String what, String text) {
        try {
            Felt address = Felt.parse(what, text);
            if (address.isZero()) {
                throw new WalletError(WalletError.Code.INVALID_ADDRESS, what + " must not be the zero address.", "Check the address and try again.");
            }
            return address;
        } catch (InvalidValueException e) {
            throw new WalletError(WalletError.Code.INVALID_ADDRESS, e.getMessage() + ".",
                    "Give a Starknet address such as 0x04a1…7e8f, or the name of a contact.");
        }
    }

    private static String name(String name) {
        String clean = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC).strip();
        int length = clean.codePointCount(0, clean.length());
        if (length == 0 || length > MAX_NAME_CHARS) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, length == 0 ? "A contact needs a name."
                    : "The name " + InvalidValueException.quote(visible(clean)) + " is " + length + " characters long; at most " + MAX_NAME_CHARS
                            + " fit.", "Give a name of 1 to " + MAX_NAME_CHARS + " characters.");
        }
        if (hasHiddenCharacters(clean)) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The name holds control or invisible characters.",
                    "Give a name of letters, digits, spaces and punctuation.");
        }
        if (looksLikeAddress(clean)) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The name " + InvalidValueException.quote(clean)
                    + " looks like an address.", "Give a name that does not start with 0x and is not only digits.");
        }
        return clean;
    }

    private static String note(String note) {
        int length = note.codePointCount(0, note.length());
        if (length > MAX_NOTE_CHARS) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The note is " + length + " characters long; at most "
                    + MAX_NOTE_CHARS + " fit.", "Shorten the note.");
        }
        if (hasHiddenCharacters(note)) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The note holds control or invisible characters.",
                    "Write the note on one line, in plain text.");
        }
        return note;
    }

    /** Line breaks, control characters and invisible format characters (such as right-to-left overrides) that can disguise text. */
    private static boolean hasHiddenCharacters(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    /** How names are compared: the same letters whatever their case. */
    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static Contact contact(ContactsFile.Contact c) {
        return new Contact(c.name(), c.address(), c.note());
    }

    private static WalletError unknown(String name) {
        return new WalletError(WalletError.Code.UNKNOWN_CONTACT, "There is no contact named "
                + SecretText.hide(InvalidValueException.quote(visible(name.strip())))
                + " in the address book.", "Check the name, or give the address.");
    }

    /** Text as it may be printed: control and invisible characters shown as "?". */
    private static String visible(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return shown.toString();
    }

    private static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw ErrorTranslation.stored(e);
        }
    }
}
