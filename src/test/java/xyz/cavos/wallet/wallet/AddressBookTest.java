package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.starknet.Felt;

/** The address book as the app and the command line use it: names, numeric addresses, bounds, recent recipients, damage. */
class AddressBookTest {

    private static final String ALICE = "0x0517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b";
    private static final String BOB = "0x04a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f";
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path home;

    private AddressBook book() {
        return AddressBook.open(home);
    }

    @Test
    void aContactIsKeptAndFoundByNameWhateverTheCaseAndByAddressWhateverTheSpelling() throws Exception {
        AddressBook.Contact added = book().add("  Alice  ", ALICE, Optional.of("  rent  "));
        assertEquals(new AddressBook.Contact("Alice", Felt.parse(ALICE), Optional.of("rent")), added, "name and note trimmed");

        AddressBook reopened = book();
        assertEquals(List.of(added), reopened.list());
        assertEquals(Felt.parse(ALICE), reopened.resolve("alice"));
        assertEquals(Felt.parse(ALICE), reopened.resolve(" ALICE "));
        assertEquals(Optional.of("Alice"), reopened.nameOf(Felt.parse("0x517C8F3D2E1A09B8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7F6A5B")));
        assertEquals(Felt.parse(BOB), reopened.resolve(BOB), "an address is taken as it is");
        assertEquals(Felt.parse(ALICE), reopened.resolve(Felt.parse(ALICE).toDecimalString()), "decimal too");

        String file = Files.readString(home.resolve("contacts.json"));
        assertTrue(file.contains("\"address\" : \"" + ALICE + "\""), "written as 0x and 64 hex digits: " + file);
        if (Files.getFileStore(home).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("contacts.json"))));
        }
    }

    @Test
    void aDuplicateNameOrAnAddressAlreadyNamedIsRefusedSayingWhich() {
        book().add("Alice", ALICE, Optional.empty());

        WalletError sameName = assertThrows(WalletError.class, () -> book().add("aLiCe", BOB, Optional.empty()));
        assertEquals(WalletError.Code.CONTACT_EXISTS, sameName.code());
        assertEquals("There is already a contact named \"Alice\" (" + ALICE + ").", sameName.getMessage());

        // the same number, spelled without the leading zero and in capitals
        WalletError sameAddress = assertThrows(WalletError.class, () -> book().add("Landlord",
                "0x517C8F3D2E1A09B8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7F6A5B", Optional.empty()));
        assertEquals(WalletError.Code.CONTACT_EXISTS, sameAddress.code());
        assertEquals("The address " + ALICE + " is already in the address book as \"Alice\".", sameAddress.getMessage());
        assertTrue(sameAddress.code().isBadInput(), "the command line exits 2");
        assertEquals(1, book().list().size(), "nothing was added");
    }

    @Test
    void namesNotesAndAddressesAreBounded() {
        assertEquals(WalletError.Code.INVALID_ARGUMENT, refused(() -> book().add("   ", ALICE, Optional.empty())).code());
        WalletError tooLong = refused(() -> book().add("x".repeat(41), ALICE, Optional.empty()));
        assertTrue(tooLong.getMessage().contains("41 characters long; at most 40 fit"), tooLong.getMessage());
        assertEquals("é".repeat(40), book().add("é".repeat(40), ALICE, Optional.empty()).name(), "40 characters, not 40 bytes");
        book().remove("é".repeat(40));

        WalletError longNote = refused(() -> book().add("Alice", ALICE, Optional.of("n".repeat(201))));
        assertTrue(longNote.getMessage().contains("201 characters long; at most 200"), longNote.getMessage());
        assertEquals(Optional.of("n".repeat(200)), book().add("Alice", ALICE, Optional.of("n".repeat(200))).note());
        book().remove("Alice");

        for (String hidden : List.of("Ali\nce", "Ali\u202Ece", "Al\u0000ice")) {
            assertEquals(WalletError.Code.INVALID_ARGUMENT, refused(() -> book().add(hidden, ALICE, Optional.empty())).code(), hidden);
        }
        for (String addressLike : List.of("0x12", "12345")) {
            WalletError e = refused(() -> book().add(addressLike, ALICE, Optional.empty()));
            assertTrue(e.getMessage().endsWith("looks like an address."), e.getMessage());
        }
        assertEquals(WalletError.Code.INVALID_ADDRESS, refused(() -> book().add("Zero", "0x0", Optional.empty())).code());
        assertEquals(WalletError.Code.INVALID_ADDRESS, refused(() -> book().add("Big", "0x" + "f".repeat(64), Optional.empty())).code());
        assertEquals(WalletError.Code.INVALID_ADDRESS, refused(() -> book().add("Bad", "0xnot-hex", Optional.empty())).code());
        assertEquals(List.of(), book().list(), "nothing bad was kept");
    }

    @Test
    void anUnknownNameIsNamedInTheErrorAndRemovingIsByName() {
        book().add("Alice", ALICE, Optional.empty());
        WalletError unknown = refused(() -> book().resolve("Recipient", "Alcie"));
        assertEquals(WalletError.Code.UNKNOWN_CONTACT, unknown.code());
        assertEquals("There is no contact named \"Alcie\" in the address book.", unknown.getMessage());
        assertTrue(unknown.code().isBadInput());
        assertEquals(WalletError.Code.UNKNOWN_CONTACT, refused(() -> book().remove("Bob")).code());

        assertEquals(WalletError.Code.INVALID_ADDRESS, refused(() -> book().resolve("Recipient", "0x517g")).code(), "0x… is an address");
        assertEquals(WalletError.Code.INVALID_ADDRESS, refused(() -> book().resolve("Recipient", "")).code());

        assertEquals("Alice", book().remove("ALICE").name());
        assertEquals(List.of(), book().list());
        assertEquals(WalletError.Code.UNKNOWN_CONTACT, refused(() -> book().resolve("alice")).code());
    }

    @Test
    void recentRecipientsAreNewestFirstOncePerAddressAndAtMostTwenty() {
        book().add("Alice", ALICE, Optional.empty());
        for (int i = 1; i <= 25; i++) {
            book().recordSent(Felt.of(0x1000 + i), "STRK", NOON.plusSeconds(i));
        }
        book().recordSent(Felt.parse(ALICE), "ETH", NOON.plusSeconds(100));
        book().recordSent(Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b"), "USDC", NOON.plusSeconds(200));

        List<AddressBook.Recent> recent = book().recent();
        assertEquals(20, recent.size());
        assertEquals(new AddressBook.Recent(Felt.parse(ALICE), "USDC", NOON.plusSeconds(200), Optional.of("Alice")), recent.getFirst(),
                "the same address spelled differently is one entry, the newest, with its contact's name");
        assertEquals(Felt.of(0x1000 + 25), recent.get(1).address());
        assertEquals(Felt.of(0x1000 + 7), recent.getLast().address(), "the oldest went");
        assertEquals(Optional.empty(), recent.get(1).name());
    }

    @Test
    void aDamagedFileIsReportedWithTheFixAndNeverOverwritten() throws Exception {
        for (String damaged : List.of("{not json", "[]", "{\"contacts\": {\"name\": \"Alice\"}}",
                "{\"contacts\": [{\"name\": \"Alice\", \"address\": \"0xzz\"}]}",
                "{\"contacts\": [{\"name\": \"" + "A".repeat(41) + "\", \"address\": \"0x1\"}]}",
                "{\"recent\": [{\"address\": \"0x1\", \"token\": \"STRK\", \"sentAt\": \"yesterday\"}]}")) {
            Files.writeString(home.resolve("contacts.json"), damaged);
            byte[] before = Files.readAllBytes(home.resolve("contacts.json"));

            WalletError read = refused(() -> book().list());
            assertEquals(WalletError.Code.STORAGE_ERROR, read.code(), damaged);
            assertTrue(read.getMessage().startsWith(home.resolve("contacts.json") + " is damaged: "), read.getMessage());
            assertTrue(read.advice().startsWith("Move it aside (or delete it)"), read.advice());
            assertFalse(read.getMessage().contains("Exception"), read.getMessage());

            assertEquals(WalletError.Code.STORAGE_ERROR, refused(() -> book().add("Bob", BOB, Optional.empty())).code());
            assertEquals(WalletError.Code.STORAGE_ERROR, refused(() -> book().recordSent(Felt.parse(BOB), "STRK", NOON)).code());
            assertArrayEquals(before, Files.readAllBytes(home.resolve("contacts.json")), "left as it was: " + damaged);
        }
    }

    @Test
    void aFileFarLargerThanTheWalletWritesIsRefusedUnread() throws Exception {
        Files.writeString(home.resolve("contacts.json"), "{\"contacts\": [" + " ".repeat(2 * 1024 * 1024) + "]}");
        WalletError e = refused(() -> book().list());
        assertTrue(e.getMessage().contains("larger than 1024 KB"), e.getMessage());
    }

    private static WalletError refused(Runnable work) {
        return assertThrows(WalletError.class, work::run);
    }
}
