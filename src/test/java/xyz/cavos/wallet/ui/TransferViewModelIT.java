package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.StaleExports;
import xyz.cavos.wallet.ui.transfer.TransferViewModel;

/** The Transfer view-model against a real in-process sandbox, without a window. */
class TransferViewModelIT {

    private static final String RECIPIENT = SandboxWallet.RECIPIENT.toHex();

    @TempDir
    Path home;

    private SandboxWallet world;
    private SandboxNode node;
    private TransferViewModel vm;
    private final ScriptedConfirmations confirmations = new ScriptedConfirmations();

    @BeforeEach
    void connect() {
        world = new SandboxWallet(home);
        node = world.node;
        vm = new TransferViewModel(world.model, confirmations);
        vm.onShown();
    }

    private BigInteger received() {
        return node.balanceOf(Felt.parse(RECIPIENT), Token.STRK);
    }

    private static BigInteger strk(String amount) {
        return U256.parseAmount(amount, 18).value();
    }

    private void fill(String amount) {
        vm.recipientProperty().set(RECIPIENT);
        vm.amountProperty().set(amount);
    }

    /** Starts a review that waits, as on a slow node, until the test finishes it. */
    private void reviewSlowly() {
        world.executor.hold();
        vm.review();
        world.executor.release();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void reviewThenSendUpdatesBalanceAndLimit() {
        assertFalse(vm.canReviewProperty().get());
        vm.recipientProperty().set(RECIPIENT);
        vm.amountProperty().set("1.5");
        assertTrue(vm.canReviewProperty().get());
        assertEquals("Available: 1,000 STRK · session limit left: 100 STRK", vm.availableProperty().get());

        confirmations.answer(true);
        vm.review();
        assertEquals(List.of("confirm-send"), confirmations.ids(), "asked once before sending");
        assertEquals("Send 1.5 STRK?", confirmations.asked.getLast().header());
        List<String> asked = confirmations.lastLines();
        assertEquals("Amount: 1.5 STRK", asked.get(0));
        assertEquals("To: " + Format.groupedAddress(Felt.parse(RECIPIENT)), asked.get(1));
        assertTrue(asked.get(1).startsWith("To: 0x 0517 c8f3 "), "the address whole, in groups of four: " + asked.get(1));
        assertEquals("Network: sandbox", asked.get(3));
        assertTrue(asked.get(4).startsWith("Fee: ≈ ") && asked.get(4).endsWith(" STRK)") && asked.get(4).contains("(at most "), asked.get(4));
        assertEquals("Limit after: 98.5 STRK of 100 STRK left", asked.get(5));
        assertEquals("98.5 STRK of 100 STRK left", vm.limitAfterProperty().get());

        assertEquals(TransferViewModel.Stage.ACCEPTED, vm.stageProperty().get(), vm.problemProperty().get());
        assertTrue(vm.progressProperty().get().startsWith("Sent 1.5 STRK, accepted in block"), vm.progressProperty().get());
        assertEquals(strk("1.5"), received());
        assertTrue(vm.availableProperty().get().contains("session limit left: 98.5 STRK"), vm.availableProperty().get());
    }

    @Test
    void aLooserExportIsRefusedWithTheChainsFigures() {
        SessionPolicy onChain = new SessionPolicy(List.of(Token.STRK.address()), List.of(new SpendingLimit(Token.STRK.address(),
                U256.parseAmount("10", 18))), 3);
        SessionToken looser = StaleExports.register(node, world.demo.address(), Optional.of(new SessionPolicy(onChain.allowedContracts(),
                List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("1000", 18))), 10)), onChain);
        world.model.connect(looser, () -> { }, e -> {
            throw new AssertionError(e);
        });
        assertTrue(vm.availableProperty().get().endsWith("session limit left: 10 STRK"), "the chain's limit as you type: "
                + vm.availableProperty().get());
        fill("11");
        assertEquals("Over the session's spending limit: 10 STRK left to send.", vm.amountErrorProperty().get(),
                "the chain's limit, not the export's 1000, as you type");
        assertFalse(vm.canReviewProperty().get());
        vm.review();
        assertEquals(List.of(), confirmations.asked, "refused before anything is asked or signed");
        assertEquals(0, received().signum());
    }

    @Test
    void overTheLimitAsTypedIsSaidAtOnceAndReviewStaysOff() {
        vm.recipientProperty().set(RECIPIENT);
        vm.amountProperty().set("150");
        assertEquals("Over the session's spending limit: 100 STRK left to send.", vm.amountErrorProperty().get());
        assertFalse(vm.canReviewProperty().get(), "no review of what the limit refuses");
        vm.amountProperty().set("1001");
        assertEquals("More than the 1,000 STRK the wallet holds.", vm.amountErrorProperty().get(), "the balance is checked first");
        vm.amountProperty().set("100");
        assertEquals("", vm.amountErrorProperty().get(), "the whole limit can be sent");
        assertTrue(vm.canReviewProperty().get());
    }

    /** What the screen last read can be out of date (another device spent meanwhile): the review's fresh read refuses. */
    @Test
    void overTheLimitByTheChainsFreshReadIsRefusedBeforeSigning() {
        world.spendUnseen("60");
        vm.recipientProperty().set(RECIPIENT);
        vm.amountProperty().set("50");
        assertEquals("", vm.amountErrorProperty().get(), "the screen's last read still says 100 left");
        vm.review();
        assertEquals(TransferViewModel.Stage.FAILED, vm.stageProperty().get());
        assertTrue(vm.problemProperty().get().startsWith("Spending limit exceeded (60 used, 100 limit)"), vm.problemProperty().get());
        assertTrue(vm.problemProperty().get().endsWith("At most 40 STRK more can be sent or approved in this session."),
                "the advice, then the next step as a link, not a command: " + vm.problemProperty().get());
        assertEquals(Optional.of(AppShell.Screen.POLICY), vm.problem().screen(), "the next step is offered as its screen");
        assertEquals(List.of(), confirmations.asked, "a refused review asks nothing");
        assertEquals(strk("60"), received(), "nothing more was sent");
        vm.amountProperty().set("1");
        assertEquals(TransferViewModel.Stage.EDITING, vm.stageProperty().get(), "editing clears the refusal");
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void inputIsCheckedAsItIsTypedAndMaxRespectsTheLimit() {
        vm.recipientProperty().set("0xnope");
        assertTrue(vm.recipientErrorProperty().get().startsWith("Recipient \"0xnope\""), vm.recipientErrorProperty().get());
        vm.amountProperty().set("1e3");
        assertTrue(vm.amountErrorProperty().get().contains("exponent"), vm.amountErrorProperty().get());
        assertFalse(vm.canReviewProperty().get());
        vm.amountProperty().set("0.0000000000000000001");
        assertTrue(vm.amountErrorProperty().get().contains("decimal places"), vm.amountErrorProperty().get());

        vm.max();
        assertEquals("100", vm.amountProperty().get(), "the limit (100) is below the balance (1000)");
        vm.tokenProperty().set(Token.USDC);
        vm.max();
        assertEquals("50", vm.amountProperty().get());
    }

    @Test
    void aContactsNameStandsForItsAddressAndIsShownOnTheSheet() {
        world.model.addressBook().add("Alice", Felt.parse(RECIPIENT), Optional.empty());
        vm.onHidden();
        vm.onShown(); // the address book is read when the screen is shown
        vm.recipientProperty().set("alice");
        vm.amountProperty().set("1.5");
        assertEquals("Contact: Alice", vm.recipientNameProperty().get());
        assertTrue(vm.choices().stream().anyMatch(c -> c.label().equals("Alice")), "offered in the chooser");
        confirmations.answer(false);
        vm.review();
        List<String> sheet = confirmations.lastLines();
        assertEquals("Recipient: Alice", sheet.get(1));
        assertEquals("To: " + Format.groupedAddress(Felt.parse(RECIPIENT)), sheet.get(2));
        assertTrue(sheet.stream().anyMatch(l -> l.startsWith("Warning: No account or contract is deployed at ")),
                "the sandbox's recipient has nothing deployed: " + sheet);
        assertEquals(0, received().signum());
    }

    /** Address poisoning: same first and last digits as a known address, different in between. */
    @Test
    void aLookalikeOfAContactIsReviewedOnARedSheetAndANoSendsNothing() {
        world.model.addressBook().add("Alice", Felt.parse(RECIPIENT), Optional.empty());
        vm.onHidden();
        vm.onShown();
        String lookalike = "0x517c" + "1".repeat(53) + "6a5b"; // starts 517c and ends 6a5b, as Alice's does
        vm.recipientProperty().set(lookalike);
        vm.amountProperty().set("1.5");
        assertEquals("", vm.recipientNameProperty().get(), "not Alice's address");
        confirmations.answer(false);
        vm.review();
        Confirmations.Question asked = confirmations.asked.getLast();
        assertTrue(asked.dangerous(), "a red sheet");
        assertTrue(asked.header().startsWith("This address looks like one you know."), asked.header());
        assertEquals("Send anyway", asked.action());
        assertTrue(asked.lines().stream().anyMatch(l -> l.startsWith("Warning: ") && l.contains("Alice")), asked.lines().toString());
        assertEquals(TransferViewModel.Stage.EDITING, vm.stageProperty().get());
        assertEquals(0, node.balanceOf(Felt.parse(lookalike), Token.STRK).signum(), "nothing was sent");
    }

    @Test
    void theRecipientSentToBecomesARecentChoice() {
        fill("1.5");
        confirmations.answer(true);
        vm.review();
        assertEquals(TransferViewModel.Stage.ACCEPTED, vm.stageProperty().get(), vm.problemProperty().get());
        assertTrue(vm.choices().stream().anyMatch(c -> c.address().equals(Felt.parse(RECIPIENT)) && c.label().startsWith("Recent · STRK")),
                vm.choices().toString());
        vm.saveContact("Bob");
        assertEquals("Contact: Bob", vm.recipientNameProperty().get());
    }

    @Test
    void usdtIsNotOfferedBecauseTheSessionCanNeverSendIt() {
        assertEquals(List.of(Token.STRK, Token.ETH, Token.USDC), List.copyOf(vm.tokens()),
                "the demo session's policy allows STRK, ETH and USDC; the wallet's USDT row stays on Balances");
    }

    @Test
    void maxWithNothingAvailableIsOffAndFillsNothing() {
        vm.tokenProperty().set(Token.USDC);
        assertTrue(vm.canMaxProperty().get());
        world.model.walletProperty().get().transfer(Token.USDC, Felt.parse(RECIPIENT), U256.parseAmount("50", 6), true,
                java.time.Duration.ofSeconds(30), xyz.cavos.wallet.wallet.Progress.SILENT);
        world.model.refresh();
        assertFalse(vm.canMaxProperty().get(), "the USDC limit is used up: Max has nothing to fill in");
        vm.max();
        assertEquals("", vm.amountProperty().get(), "no 0.0 to complain about");
        assertEquals("", vm.amountErrorProperty().get());
    }

    @Test
    void theLastTransfersResultGoesWhenANewOneIsTyped() {
        fill("1.5");
        confirmations.answer(true);
        vm.review();
        assertEquals(TransferViewModel.Stage.ACCEPTED, vm.stageProperty().get(), vm.problemProperty().get());
        assertFalse(vm.transactionHashProperty().get().isEmpty());
        vm.amountProperty().set("2");
        assertEquals("", vm.transactionHashProperty().get(), "the hash of the last transfer does not stand beside a new one");
        assertEquals("", vm.progressProperty().get());
    }

    @Test
    void aNoToTheConfirmationSendsNothing() {
        fill("1.5");
        confirmations.answer(false);
        vm.review();
        assertEquals(List.of("confirm-send"), confirmations.ids());
        assertEquals("Amount: 1.5 STRK", confirmations.lastLines().getFirst());
        assertEquals(TransferViewModel.Stage.EDITING, vm.stageProperty().get());
        world.model.refresh();
        assertEquals(0, received().signum(), "nothing was sent");
        assertEquals(0, world.model.snapshotProperty().get().callsMade());
    }

    /** The review reported: a 1.5 STRK review that lands after the form says 90 must not become "Send 90 STRK". */
    @Test
    void aReviewThatLandsAfterTheFormChangedIsDroppedAndWhatIsSentIsWhatWasConfirmed() {
        fill("1.5");
        reviewSlowly();
        vm.amountProperty().set("90");
        assertEquals(TransferViewModel.Stage.EDITING, vm.stageProperty().get(), "an edit during a review goes back to editing");
        reviewSlowly();
        assertEquals(2, world.executor.waiting());

        world.executor.finish(0); // the 1.5 review, late
        assertEquals(List.of(), confirmations.asked, "a review of an older form opens no confirmation");
        assertEquals(TransferViewModel.Stage.REVIEWING, vm.stageProperty().get(), "still waiting for the review of 90");
        assertEquals("", vm.feeProperty().get());
        assertEquals("", vm.limitAfterProperty().get());

        confirmations.answer(true);
        world.executor.finish(0); // the 90 review
        assertEquals("Amount: 90 STRK", confirmations.lastLines().getFirst());
        assertTrue(confirmations.lastLines().contains("Limit after: 10 STRK of 100 STRK left"), confirmations.lastLines().toString());
        assertEquals(TransferViewModel.Stage.ACCEPTED, vm.stageProperty().get(), vm.problemProperty().get());
        assertEquals(strk("90"), received(), "what was sent is what was confirmed");
    }

    @Test
    void aReviewOfAFormThatChangedSinceIsDroppedAndTheScreenStaysEditing() {
        fill("1.5");
        reviewSlowly();
        vm.amountProperty().set("2");
        world.executor.finish(0);
        assertEquals(List.of(), confirmations.asked);
        assertEquals(TransferViewModel.Stage.EDITING, vm.stageProperty().get());
        assertEquals("", vm.feeProperty().get());
        assertEquals(0, received().signum());
    }

    /** A review that finishes after the app locked asks nothing over the lock screen: it is asked once the app is unlocked. */
    @Test
    void aReviewThatFinishesWhileLockedIsAskedOnlyAfterUnlocking() {
        world.model.lock().changePassphrase(new char[0], Optional.of("correct horse".toCharArray()), done -> { }, refused -> {
            throw new AssertionError(refused);
        });
        fill("1.5");
        reviewSlowly();
        assertTrue(world.model.lock().lock());
        world.executor.finish(0);
        assertEquals(List.of(), confirmations.asked, "nothing is asked while locked");
        assertEquals(0, received().signum());

        confirmations.answer(true);
        world.model.lock().unlock("correct horse".toCharArray());
        assertFalse(world.model.lockedProperty().get());
        assertEquals(List.of("confirm-send"), confirmations.ids(), "asked once unlocked");
        assertEquals(TransferViewModel.Stage.ACCEPTED, vm.stageProperty().get(), vm.problemProperty().get());
        assertEquals(strk("1.5"), received());
    }

    @Test
    void aHiddenScreenAsksNothingAndItsFinishedReviewIsConfirmedWhenShownAgain() {
        fill("1.5");
        reviewSlowly();
        vm.onHidden();
        world.executor.finish(0);
        assertEquals(List.of(), confirmations.asked, "no dialog opens from a hidden screen");
        assertEquals(TransferViewModel.Stage.READY, vm.stageProperty().get(), "the result only updated the screen's own state");

        confirmations.answer(true);
        vm.onShown();
        assertEquals("Amount: 1.5 STRK", confirmations.lastLines().getFirst());
        assertEquals(TransferViewModel.Stage.ACCEPTED, vm.stageProperty().get(), vm.problemProperty().get());
        assertEquals(strk("1.5"), received());
    }

    @Test
    void aSessionChangeWhileTheQuestionIsOpenSendsNothing() {
        fill("1.5");
        confirmations.answerAfter(world::connectAnotherSession, true);
        vm.review();
        assertEquals(1, confirmations.asked.size());
        assertEquals(TransferViewModel.Stage.EDITING, vm.stageProperty().get());
        assertEquals("", vm.feeProperty().get(), "what was said about the old session is gone");
        assertEquals(0, received().signum(), "the yes was for the session that is gone");
    }

    @Test
    void messagesAreClearedWhenTheSessionChangesAndAHiddenScreenIsLeftAlone() {
        world.spendUnseen("60");
        fill("50");
        vm.review();
        assertTrue(vm.problemProperty().get().startsWith("Spending limit exceeded"), vm.problemProperty().get());
        world.connectAnotherSession();
        assertEquals("", vm.problemProperty().get(), "a new session clears the old one's refusal");
        assertEquals(TransferViewModel.Stage.EDITING, vm.stageProperty().get());

        world.spendUnseen("60");
        vm.review();
        assertTrue(vm.problemProperty().get().startsWith("Spending limit exceeded"), vm.problemProperty().get());
        String available = vm.availableProperty().get();
        vm.onHidden();
        world.send("1");
        world.model.forget(() -> { }, e -> {
            throw new AssertionError(e);
        });
        assertEquals(TransferViewModel.Stage.FAILED, vm.stageProperty().get(), "a hidden screen does not listen");
        assertEquals(available, vm.availableProperty().get(), "nor follow the snapshots");
        vm.onShown();
        assertEquals("", vm.problemProperty().get(), "shown again, it catches up: the session was removed");
        assertEquals(TransferViewModel.Stage.EDITING, vm.stageProperty().get());
        assertFalse(vm.canReviewProperty().get());
        assertEquals("", vm.availableProperty().get());
    }
}
