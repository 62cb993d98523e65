package xyz.cavos.wallet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Json;

/**
 * The address book of this installation, {@code contacts.json} in the config folder: named contacts and the
 * recent recipients, newest first. Nothing in it is secret. It is read bounded, changed under the config
 * folder's lock, and a damaged file is reported, never replaced by a change.
 */
public final class ContactsFile {

    static final String FILE = "contacts.json";
    private static final String FIX = "Move it aside (or delete it) to start an empty address book; the contacts in it are then gone.";

    /** More contacts than a person keeps by hand; a file holding more is not the wallet's. */
    public static final int MAX_CONTACTS = 1000;
    /** The recent recipients kept. */
    public static final int MAX_RECENT = 20;
    public static final int MAX_NAME_CHARS = 40;
    public static final int MAX_NOTE_CHARS = 200;
    /** A token symbol as recorded: a Cairo short string at most. */
    public static final int MAX_SYMBOL_CHARS = 31;

    /** A named address; {@code note} is what the person wrote about it. */
    public record Contact(String name, Felt address, Optional<String> note) {
    }

    /** An address sent to, with the token and when. */
    public record Recent(Felt address, String symbol, Instant at) {
    }

    /** Everything in the file. */
    public record Contents(List<Contact> contacts, List<Recent> recent) {
        public static final Contents EMPTY = new Contents(List.of(), List.of());

        public Contents {
            contacts = List.copyOf(contacts);
            recent = List.copyOf(recent);
        }
    }

    private final Path home;

    private ContactsFile(Path home) {
        this.home = home;
    }

    public static ContactsFile open(Path home) {
        return new ContactsFile(home);
    }

    /** Where the address book is kept. */
    public Path path() {
        return home.resolve(FILE);
    }

    /** The address book as kept; empty when there is no file yet. */
    public Contents read() {
        return PrivateFiles.readObject(path(), "address book", FIX, ContactsFile::parse).orElse(Contents.EMPTY);
    }

    /**
     * Reads the book, applies {@code edit} and writes the result, all under the config folder's lock so the app
     * and a script never lose each other's changes. A damaged file stops the change and is left as it is.
     */
    public Contents change(UnaryOperator<Contents> edit) {
        return SettingsLock.holding(home, () -> {
            Contents next = edit.apply(read());
            SettingsLock.write(path(), toJson(next));
            return next;
        });
    }

    private static Contents parse(JsonNode root) {
        JsonNode contacts = root.path("contacts");
        JsonNode recent = root.path("recent");
        if (!contacts.isMissingNode() && !contacts.isArray() || !recent.isMissingNode() && !recent.isArray()
                || contacts.size() > MAX_CONTACTS || recent.size() > MAX_RECENT) {
            throw new IllegalArgumentException("not an address book");
        }
        List<Contact> named = new ArrayList<>();
        for (JsonNode item : contacts) {
            String name = text(item, "name", MAX_NAME_CHARS).orElseThrow();
            named.add(new Contact(name, address(item), text(item, "note", MAX_NOTE_CHARS)));
        }
        List<Recent> sent = new ArrayList<>();
        for (JsonNode item : recent) {
            Instant at;
            try {
                at = Instant.parse(text(item, "sentAt", 40).orElseThrow());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("a time that cannot be read");
            }
            sent.add(new Recent(address(item), text(item, "token", MAX_SYMBOL_CHARS).orElseThrow(), at));
        }
        return new Contents(named, sent);
    }

    private static Felt address(JsonNode item) {
        return Felt.parse("Address", text(item, "address", Felt.MAX_HEX_CHARS).orElseThrow());
    }

    /** A text field no longer than {@code max}; absent or null is empty, any other kind of value is damage. */
    private static Optional<String> text(JsonNode item, String field, int max) {
        JsonNode value = item.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().codePointCount(0, value.asText().length()) > max) {
            throw new IllegalArgumentException("a field that is not short text");
        }
        return Optional.of(value.asText());
    }

    private static byte[] toJson(Contents contents) {
        ObjectNode root = Json.object();
        ArrayNode contacts = root.putArray("contacts");
        for (Contact contact : contents.contacts()) {
            ObjectNode item = contacts.addObject().put("name", contact.name()).put("address", contact.address().toPaddedHex());
            contact.note().ifPresent(note -> item.put("note", note));
        }
        ArrayNode recent = root.putArray("recent");
        for (Recent sent : contents.recent()) {
            recent.addObject().put("address", sent.address().toPaddedHex()).put("token", sent.symbol()).put("sentAt", sent.at().toString());
        }
        return Json.prettyBytes(root);
    }
}
