package xyz.cavos.wallet.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xyz.cavos.wallet.cli.CommandResult.ContactChangeResult;
import xyz.cavos.wallet.cli.CommandResult.ContactsResult;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.wallet.AddressBook;
import xyz.cavos.wallet.wallet.NextStep;
import xyz.cavos.wallet.wallet.WalletError;

/** {@code cavos contacts add|list|remove}: the address book of this installation, shared with the app. */
@Command(name = "contacts", mixinStandardHelpOptions = true, description = {"The address book shared with the app: named contacts,"
        + " and the addresses sent to recently.", "A contact's name can be given to transfer --to and approve --spender."},
        subcommands = {ContactsCommand.Add.class, ContactsCommand.ListContacts.class, ContactsCommand.Remove.class,
                CommandLine.HelpCommand.class})
final class ContactsCommand extends CommandGroup {

    @ParentCommand
    CavosCommand root;

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Adds a contact.",
            "Names are 1 to " + AddressBook.MAX_NAME_CHARS + " characters and unique whatever their case; an address is named once."})
    static final class Add implements Callable<CommandResult> {
        @ParentCommand
        ContactsCommand contacts;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ADDRESS", description = "In hex (0x…) or decimal.")
        String address;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note, at most " + AddressBook.MAX_NOTE_CHARS + " characters.")
        String note;

        @Override
        public CommandResult call() {
            AddressBook.Contact added = contacts.book().add(name, address, Optional.ofNullable(note));
            return new ContactChangeResult("added", added.name(), added.address(), added.note());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The contacts, and the addresses sent to recently (newest first).")
    static final class ListContacts implements Callable<CommandResult> {
        @ParentCommand
        ContactsCommand contacts;

        @Override
        public CommandResult call() {
            AddressBook book = contacts.book();
            return new ContactsResult(book.list().stream().map(c -> new ContactsResult.Contact(c.name(), c.address(), c.note())).toList(),
                    book.recent().stream().map(r -> new ContactsResult.Recent(r.address(), r.symbol(), r.at(), r.name())).toList(),
                    book.file().toString());
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a contact (its name, whatever the case).")
    static final class Remove implements Callable<CommandResult> {
        @ParentCommand
        ContactsCommand contacts;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public CommandResult call() {
            AddressBook.Contact removed = withListHint(() -> contacts.book().remove(name));
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
