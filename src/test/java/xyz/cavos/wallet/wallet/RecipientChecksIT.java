package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.wallet.WalletSandbox.WAIT;

import java.math.BigInteger;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.ProviderLimits;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/** The recipient checks and the recent recipients, through the wallet service the app and the command line share. */
class RecipientChecksIT {

    private static final Felt UNDEPLOYED = WalletSandbox.RECIPIENT;

    @RegisterExtension
    final WalletSandbox sandbox = new WalletSandbox();
    private final SandboxNode node = sandbox.node();
    private final SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());

    @Test
    void anAddressWithNothingDeployedIsWarnedAboutAndADeployedOneIsNot() {
        WalletService wallet = sandbox.connect(demo.token());
        AddressBook book = AddressBook.open(sandbox.home());
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
        WalletService wallet = sandbox.connect(demo.token());
        AddressBook book = AddressBook.open(sandbox.home());
        assertEquals(List.of(RecipientWarning.Kind.NO_CONTRACT), kinds(wallet.checkRecipient(UNDEPLOYED, book)));
        assertEquals(List.of(), wallet.checkRecipient(SandboxNode.DEMO_SWAP, book));
    }

    @Test
    void aNodeThatCannotBeReachedIsNeverTakenForAMissingContract() {
        WalletService wallet = sandbox.connect(demo.token());
        wallet.snapshot();
        node.close();
        List<RecipientWarning> warnings = wallet.checkRecipient(SandboxNode.DEMO_SWAP, AddressBook.open(sandbox.home()));
        assertEquals(List.of(RecipientWarning.Kind.NOT_CHECKED), kinds(warnings));
        assertTrue(warnings.getFirst().message().startsWith("Could not check whether an account is deployed at "
                + SandboxNode.DEMO_SWAP.toPaddedHex() + ": "), warnings.getFirst().message());
    }

    @Test
    void aTransferSentIsRecordedAsTheNewestRecentRecipient() {
        WalletService wallet = sandbox.connect(demo.token());
        wallet.transfer(Token.STRK, UNDEPLOYED, U256.parseAmount("1", 18), true, WAIT, Progress.SILENT);
        wallet.approve(Token.STRK, SandboxNode.DEMO_SWAP, U256.parseAmount("1", 18), true, WAIT, Progress.SILENT);
        List<AddressBook.Recent> recent = AddressBook.open(sandbox.home()).recent();
        assertEquals(List.of(UNDEPLOYED), recent.stream().map(AddressBook.Recent::address).toList(), "an approval sends nothing to the spender");
        assertEquals("STRK", recent.getFirst().symbol());
    }

    @Test
    void aDamagedAddressBookNeverMakesATransferFailAndIsLeftAsItWas() throws Exception {
        Files.writeString(sandbox.home().resolve("contacts.json"), "{\"recent\": \"damaged\"}");
        byte[] before = Files.readAllBytes(sandbox.home().resolve("contacts.json"));
        WalletService wallet = sandbox.connect(demo.token());
        TransactionOutcome sent = wallet.transfer(Token.STRK, UNDEPLOYED, U256.parseAmount("2", 18), true, WAIT, Progress.SILENT);
        assertTrue(sent.receipt().isPresent());
        assertEquals(BigInteger.TWO.multiply(BigInteger.TEN.pow(18)), node.balanceOf(UNDEPLOYED, Token.STRK));
        assertArrayEquals(before, Files.readAllBytes(sandbox.home().resolve("contacts.json")));
    }

    private static List<RecipientWarning.Kind> kinds(List<RecipientWarning> warnings) {
        return warnings.stream().map(RecipientWarning::kind).toList();
    }
}
