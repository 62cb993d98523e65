package xyz.cavos.wallet.cli;

import java.util.List;
import java.util.concurrent.Callable;
import xyz.cavos.wallet.cli.CommandResult.ContactChangeResult;
import xyz.cavos.wallet.cli.CommandResult.ContactsResult;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.wallet.AddressBook;
import xyz.cavos.wallet.wallet.NextStep;
import xyz.cavos.wallet.wallet.WalletError;

/** {@code cavos contacts add|list|remove}: the address book of this installation, shared with the app. */
final class ContactsCommand extends CommandGroup {

    private final CavosCommand root;

    ContactsCommand(CavosCommand root) {
        super("contacts", "The address book shared with the app: named contacts, and the addresses sent to recently.",
                "A contact's name can be given to transfer --to and approve --spender.");
        this.root = root;
        for (CliCommand command : List.of(new Add(this), new ListContacts(this), new Remove(this), new HelpCommand())) {
            subcommand(command);
        }
    }

    static final class Add extends CliCommand implements Callable<CommandResult> {
        private final ContactsCommand contacts;

        private final Arg<String> name = parameter(0, "NAME");

        private final Arg<String> address = parameter(1, "ADDRESS", "In hex (0x…) or decimal.");

        private final Arg<String> note = option("--note", "TEXT", "A note, at most " + AddressBook.MAX_NOTE_CHARS + " characters.");

        Add(ContactsCommand contacts) {
            super("add", "Adds a contact.", "Names are 1 to " + AddressBook.MAX_NAME_CHARS + " characters and unique whatever their"
                    + " case; an address is named once.");
            this.contacts = contacts;
        }

        @Override
        public CommandResult call() {
            AddressBook.Contact added = contacts.book().add(name.value(), address.value(), note.given());
            return new ContactChangeResult("added", added.name(), added.address(), added.note());
        }
    }

    static final class ListContacts extends CliCommand implements Callable<CommandResult> {
        private final ContactsCommand contacts;

        ListContacts(ContactsCommand contacts) {
            super("list", "The contacts, and the addresses sent to recently (newest first).");
            this.contacts = contacts;
        }

        @Override
        public CommandResult call() {
            AddressBook book = contacts.book();
            return new ContactsResult(book.list().stream().map(c -> new ContactsResult.Contact(c.name(), c.address(), c.note())).toList(),
                    book.recent().stream().map(r -> new ContactsResult.Recent(r.address(), r.symbol(), r.at(), r.name())).toList(),
                    book.file().toString());
        }
    }

    static final class Remove extends CliCommand implements Callable<CommandResult> {
        private final ContactsCommand contacts;

        private final Arg<String> name = parameter(0, "NAME");

        Remove(ContactsCommand contacts) {
            super("remove", "Removes a contact (its name, whatever the case).");
            this.contacts = contacts;
        }

        @Override
        public CommandResult call() {
            AddressBook.Contact removed = withListHint(() -> contacts.book().remove(name.value()));
            return new ContactChangeResult("removed", removed.name(), removed.address(), removed.note());
        }
    }

    private AddressBook book() {
        return AddressBook.open(root.home());
    }

    /** A contact's name or an address, as the address; an unknown name says where the names are listed. */
    static Felt resolve(AddressBook book, String what, String nameOrAddress) {
        return withListHint(() -> book.resolve(what, nameOrAddress));
    }

    private static <T> T withListHint(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (WalletError e) {
            if (e.code() != WalletError.Code.UNKNOWN_CONTACT) {
                throw e;
            }
            throw new WalletError(e.code(), e.getMessage(), e.advice(), new NextStep.FixArgument("See the names with: cavos contacts list"));
        }
    }
}
