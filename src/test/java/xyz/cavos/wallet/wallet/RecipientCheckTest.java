package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.starknet.Felt;

/** The look-alike rule on real-looking addresses, and the warnings that need no network. */
class RecipientCheckTest {

    /** A contact: significant digits start 517c, the last four are 6a5b. */
    private static final Felt ALICE = Felt.parse("0x0517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
    /** What a poisoner grinds: the same first four and last four, anything in between. */
    private static final Felt POISON = Felt.parse("0x517c0b9e2a71d4c3f60e8a9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f78b6a5b");
    private static final Felt WALLET = Felt.parse("0x04a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f");

    @TempDir
    Path home;

    @Test
    void theSameFirstFourSignificantAndLastFourDigitsOfADifferentAddressLookAlike() {
        assertTrue(RecipientCheck.looksAlike(POISON, ALICE));
        assertTrue(RecipientCheck.looksAlike(ALICE, POISON), "symmetric");
        // fewer digits in all (more leading zeros), yet 0x517c…6a5b when shortened
        assertTrue(RecipientCheck.looksAlike(Felt.parse("0x517c99999999999999999999999999999999999999999999999999996a5b"), ALICE));
    }

    @Test
    void theSameAddressSpelledAnotherWayNeverLooksAlike() {
        assertFalse(RecipientCheck.looksAlike(ALICE, ALICE));
        assertFalse(RecipientCheck.looksAlike(Felt.parse("0x517C8F3D2E1A09B8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7F6A5B"), ALICE),
                "capitals and no leading zero: the same number");
        assertFalse(RecipientCheck.looksAlike(Felt.parse(ALICE.toDecimalString()), ALICE), "decimal");
    }

    @Test
    void addressesThatDifferAtEitherEndDoNotLookAlike() {
        assertFalse(RecipientCheck.looksAlike(Felt.parse("0x517d0b9e2a71d4c3f60e8a9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f78b6a5b"), ALICE),
                "fourth significant digit");
        assertFalse(RecipientCheck.looksAlike(Felt.parse("0x517c0b9e2a71d4c3f60e8a9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f78b6a5c"), ALICE),
                "last digit");
        assertFalse(RecipientCheck.looksAlike(Felt.parse("0x0051c0b9e2a71d4c3f60e8a9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f78b6a5b"), ALICE),
                "0x0051… padded starts like 0x0517… only in its zeros: its significant digits start 51c0");
        assertFalse(RecipientCheck.looksAlike(WALLET, ALICE));
    }

    @Test
    void aLookalikeOfAContactIsNamedAndTheContactItselfIsTrusted() {
        AddressBook book = AddressBook.open(home);
        book.add("Alice", ALICE, Optional.empty());

        List<RecipientWarning> warnings = RecipientCheck.offline(POISON, WALLET, book);
        assertEquals(1, warnings.size(), warnings.toString());
        RecipientWarning w = warnings.getFirst();
        assertEquals(RecipientWarning.Kind.LOOKALIKE, w.kind());
        assertEquals(Optional.of(ALICE), w.resembles());
        assertEquals(Optional.of("Alice"), w.contact());
        assertEquals(POISON.toPaddedHex() + " looks like your contact \"Alice\" (" + ALICE.toPaddedHex() + ") but is a different address:"
                + " the same first and last digits, others in between. Someone may have planted it to be copied by mistake (address"
                + " poisoning).", w.message());

        assertEquals(List.of(), RecipientCheck.offline(ALICE, WALLET, book), "a contact is trusted");
        assertEquals(List.of(), RecipientCheck.offline(Felt.parse(ALICE.toHex().toUpperCase().replace("0X", "0x")), WALLET, book));
    }

    @Test
    void aLookalikeOfARecentRecipientSaysWhenItWasSentTo() {
        AddressBook book = AddressBook.open(home);
        book.recordSent(ALICE, "STRK", Instant.parse("2026-02-14T09:30:00Z"));

        List<RecipientWarning> warnings = RecipientCheck.offline(POISON, WALLET, book);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().message().startsWith(POISON.toPaddedHex() + " looks like " + ALICE.toPaddedHex()
                + ", which you sent STRK to on 2026-02-14 UTC, but is a different address"), warnings.getFirst().message());
        assertEquals(Optional.empty(), warnings.getFirst().contact());

        book.add("Alice", ALICE, Optional.empty());
        assertEquals(1, RecipientCheck.offline(POISON, WALLET, book).size(), "a contact and a recent recipient at once: one warning");
        assertEquals(Optional.of("Alice"), RecipientCheck.offline(POISON, WALLET, book).getFirst().contact());
    }

    @Test
    void sendingToTheWalletItselfIsSaid() {
        List<RecipientWarning> warnings = RecipientCheck.offline(Felt.parse("0x4A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F"),
                WALLET, AddressBook.open(home));
        assertEquals(List.of(RecipientWarning.Kind.SELF), warnings.stream().map(RecipientWarning::kind).toList());
        assertEquals(WALLET.toPaddedHex() + " is this wallet's own address.", warnings.getFirst().message());
    }

    @Test
    void theRefusalSaysNothingWasSentAndIsNotBadInput() {
        AddressBook book = AddressBook.open(home);
        book.add("Alice", ALICE, Optional.empty());
        WalletError refused = RecipientCheck.refusal(RecipientCheck.offline(POISON, WALLET, book).getFirst());
        assertEquals(WalletError.Code.RECIPIENT_LOOKALIKE, refused.code());
        assertFalse(refused.code().isBadInput(), "the command line exits 1");
        assertTrue(refused.advice().startsWith("Nothing was sent."), refused.advice());
    }
}
