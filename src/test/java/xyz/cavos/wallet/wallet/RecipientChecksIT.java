package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.ProviderLimits;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/** The recipient checks and the recent recipients, through the wallet service the app and the command line share. */
class RecipientChecksIT {

    private static final Felt UNDEPLOYED = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private final SandboxNode node = SandboxNode.start();
    private final SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());

    @AfterEach
    void stop() {
        node.close();
    }

    private WalletService wallet(SessionToken token) {
        return WalletService.connect(token, ConnectionOptions.DEFAULT,
                Optional.of(SessionStorage.open(home, Optional.of("encrypted-file"), "unused"::toCharArray)));
    }

    @Test
    void anAddressWithNothingDeployedIsWarnedAboutAndADeployedOneIsNot() {
        WalletService wallet = wallet(demo.token());
        AddressBook book = AddressBook.open(home);
        List<RecipientWarning> undeployed = wallet.checkRecipient(UNDEPLOYED, book);
        assertEquals(List.of(RecipientWarning.Kind.NO_CONTRACT), kinds(undeployed));
        assertEquals("No account or contract is deployed at " + UNDEPLOYED.toPaddedHex() + " on sandbox. That is normal for an"
                + " account not used yet; if the address was mistyped, tokens sent there cannot be got back.", undeployed.getFirst().message());

        SandboxDashboard.DemoWallet other = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
        assertEquals(List.of(), wallet.checkRecipient(other.address(), book), "an account");
        assertEquals(List.of(), wallet.checkRecipient(SandboxNode.DEMO_SWAP, book), "a contract");
        assertEquals(List.of(RecipientWarning.Kind.SELF), kinds(wallet.checkRecipient(demo.address(), book)));
    }

    @Test
    void aProviderWithoutThePreConfirmedBlockIsAskedAtLatest() {
        node.setLimits(new ProviderLimits(true, 0));
        WalletService wallet = wallet(demo.token());
        AddressBook book = AddressBook.open(home);
        assertEquals(List.of(RecipientWarning.Kind.NO_CONTRACT), kinds(wallet.checkRecipient(UNDEPLOYED, book)));
        assertEquals(List.of(), wallet.checkRecipient(SandboxNode.DEMO_SWAP, book));
    }

    @Test
    void aNodeThatCannotBeReachedIsNeverTakenForAMissingContract() {
        WalletService wallet = wallet(demo.token());
        wallet.snapshot();
        node.close();
        List<RecipientWarning> warnings = wallet.checkRecipient(SandboxNode.DEMO_SWAP, AddressBook.open(home));
        assertEquals(List.of(RecipientWarning.Kind.NOT_CHECKED), kinds(warnings));
        assertTrue(warnings.getFirst().message().startsWith("Could not check whether an account is deployed at "
                + SandboxNode.DEMO_SWAP.toPaddedHex() + ": "), warnings.getFirst().message());
    }

    @Test
    void aTransferSentIsRecordedAsTheNewestRecentRecipient() {
        WalletService wallet = wallet(demo.token());
        wallet.transfer(Token.STRK, UNDEPLOYED, U256.parseAmount("1", 18), true, WAIT, Progress.SILENT);
        wallet.approve(Token.STRK, SandboxNode.DEMO_SWAP, U256.parseAmount("1", 18), true, WAIT, Progress.SILENT);
        List<AddressBook.Recent> recent = AddressBook.open(home).recent();
        assertEquals(List.of(UNDEPLOYED), recent.stream().map(AddressBook.Recent::address).toList(), "an approval sends nothing to the spender");
        assertEquals("STRK", recent.getFirst().symbol());
    }

    @Test
    void aDamagedAddressBookNeverMakesATransferFailAndIsLeftAsItWas() throws Exception {
        Files.writeString(home.resolve("contacts.json"), "{\"recent\": \"damaged\"}");
        byte[] before = Files.readAllBytes(home.resolve("contacts.json"));
        WalletService wallet = wallet(demo.token());
        TransactionOutcome sent = wallet.transfer(Token.STRK, UNDEPLOYED, U256.parseAmount("2", 18), true, WAIT, Progress.SILENT);
        assertTrue(sent.receipt().isPresent());
        assertEquals(BigInteger.TWO.multiply(BigInteger.TEN.pow(18)), node.balanceOf(UNDEPLOYED, Token.STRK));
        assertArrayEquals(before, Files.readAllBytes(home.resolve("contacts.json")));
    }

    private static List<RecipientWarning.Kind> kinds(List<RecipientWarning> warnings) {
        return warnings.stream().map(RecipientWarning::kind).toList();
    }
}
