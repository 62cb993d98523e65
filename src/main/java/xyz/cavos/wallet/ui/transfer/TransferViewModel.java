package xyz.cavos.wallet.ui.transfer;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.AppShell;
import xyz.cavos.wallet.ui.Confirmations;
import xyz.cavos.wallet.ui.Format;
import xyz.cavos.wallet.ui.Problem;
import xyz.cavos.wallet.ui.ScreenViewModel;
import xyz.cavos.wallet.ui.SentTransaction;
import xyz.cavos.wallet.ui.FeeChoice;
import xyz.cavos.wallet.ui.FeeSelection;
import xyz.cavos.wallet.ui.WalletModel;
import xyz.cavos.wallet.wallet.AddressBook;
import xyz.cavos.wallet.wallet.Balance;
import xyz.cavos.wallet.wallet.FeePayment;
import xyz.cavos.wallet.wallet.GaslessQuote;
import xyz.cavos.wallet.wallet.RecipientWarning;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.SpendingUsage;
import xyz.cavos.wallet.wallet.TransactionOutcome;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/**
 * Transfer: recipient and amount checked as they are typed, a review that runs the wallet's pre-flight
 * (session, policy, balance) and estimates the fee before anything is signed, a confirmation of exactly what
 * was reviewed, then sending with progress until the transaction is accepted. A review answers the form it
 * was made for: once the form or the session changed, its result is dropped and the screen is back to editing.
 */
public final class TransferViewModel extends ScreenViewModel {

    /** Where a transfer is. */
    public enum Stage { EDITING, REVIEWING, READY, SENDING, SUBMITTED, ACCEPTED, FAILED }

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final WalletModel model;
    private final Confirmations confirmations;
    private final ObservableList<Token> tokens = FXCollections.observableArrayList();
    private final ObservableList<Token> tokensView = FXCollections.unmodifiableObservableList(tokens);
    private final ObjectProperty<Token> token = new SimpleObjectProperty<>(Token.STRK);
    private final FeeSelection feeSelection = new FeeSelection();
    private final StringProperty recipient = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper recipientError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper available = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canReview = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canMax = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper recipientName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bookProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObservableList<Choice> choicesView = FXCollections.unmodifiableObservableList(choices);
    private List<AddressBook.Contact> contacts = List.of();
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.EDITING);
    private final Problem problem = new Problem();
    private final ReadOnlyStringWrapper fee = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper limitAfter = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper transactionHash = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explorerLink = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private Optional<Felt> parsedRecipient = Optional.empty();
    private Optional<U256> parsedAmount = Optional.empty();
    /** The request being reviewed or sent; any other request's result is stale. */
    private TransferRequest pending;
    /** Reviewed and waiting for the person's yes (asked once the screen is on view). */
    private TransferReview reviewed;

    public TransferViewModel(WalletModel model, Confirmations confirmations) {
        super(model);
        this.model = model;
        this.confirmations = confirmations;
        token.addListener((obs, old, now) -> edited());
        recipient.addListener((obs, old, now) -> edited());
        amount.addListener((obs, old, now) -> edited());
        feeSelection.choiceProperty().addListener((obs, old, now) -> edited());
        feeSelection.gasTokenProperty().addListener((obs, old, now) -> edited());
    }

    @Override
    public void onShown() {
        if (!isShown()) {
            super.onShown();
            model.executor().onUi(this::confirmIfShown); // a review that finished while hidden is confirmed now
        }
    }

    @Override
    protected Subscription listen() {
        loadAddressBook();
        feeSelection.load(model, this::validate);
        return Subscription.combine(model.snapshotProperty().subscribe(this::snapshotChanged),
                // a review that finished while the app was locked is asked once it is unlocked
                model.lockedProperty().subscribe(locked -> {
                    if (!locked) {
                        model.executor().onUi(this::confirmIfShown);
                    }
                }));
    }

    /** Reads the contacts and recent recipients (file work, off the UI thread) for the recipient chooser. */
    private void loadAddressBook() {
        AddressBook book = model.addressBook();
        model.executor().run(() -> new Book(book.list(), book.recent()), read -> {
            contacts = read.contacts();
            List<Choice> all = new java.util.ArrayList<>();
            read.contacts().forEach(c -> all.add(new Choice(c.name(), c.address())));
            read.recent().stream().filter(r -> r.name().isEmpty())
                    .forEach(r -> all.add(new Choice("Recent · " + r.symbol() + " · " + Format.time(r.at()), r.address())));
            choices.setAll(all);
            validate();
        }, e -> bookProblem.set("The address book could not be read: " + WalletModel.problemText(e)));
    }

    private record Book(List<AddressBook.Contact> contacts, List<AddressBook.Recent> recent) {
    }

    /** A recipient to choose: a contact by name, or a recent recipient. */
    public record Choice(String label, Felt address) {
    }

    /** Fills in a chosen recipient, written as everywhere in the app. */
    public void choose(Choice choice) {
        recipient.set(Format.address(choice.address()));
    }

    /** Saves the recipient in the form as a contact; the chooser and the name beside the field follow. */
    public void saveContact(String name) {
        Optional<Felt> address = parsedRecipient;
        if (address.isEmpty()) {
            return;
        }
        AddressBook book = model.addressBook();
        model.executor().run(() -> book.add(name, address.get(), Optional.empty()), added -> {
            bookProblem.set("");
            loadAddressBook();
        }, e -> bookProblem.set(WalletModel.problemText(e)));
    }

    /** The tokens offered are those the session could ever send: allowed by the chain's policy, with a limit when it has limits. */
    private void snapshotChanged(WalletSnapshot snapshot) {
        WalletService wallet = model.walletProperty().get();
        boolean read = snapshot != null && wallet != null;
        List<Token> movable = read ? wallet.movableTokens(snapshot) : List.of();
        List<Token> sendable = read ? movable : List.of(Token.STRK);
        feeSelection.offer(movable);
        if (!tokens.equals(sendable)) {
            tokens.setAll(sendable);
            if (!sendable.isEmpty() && !sendable.contains(token.get())) {
                token.set(sendable.getFirst());
            }
        }
        validate();
    }

    /** A new session, or none: nothing said about the old one stays, and nothing started for it lands. */
    @Override
    protected void sessionChanged() {
        backToEditing();
        problem.clear();
        for (ReadOnlyStringWrapper message : new ReadOnlyStringWrapper[] {fee, limitAfter, progress, transactionHash, explorerLink}) {
            message.set("");
        }
        validate();
    }

    /** Any edit invalidates a review; a transfer already being sent goes on. */
    private void edited() {
        if (stage.get() != Stage.SENDING && stage.get() != Stage.SUBMITTED) {
            backToEditing();
            problem.clear();
            fee.set("");
            limitAfter.set("");
            for (ReadOnlyStringWrapper earlier : new ReadOnlyStringWrapper[] {progress, transactionHash, explorerLink}) {
                earlier.set(""); // the last transfer's result does not belong beside a new one
            }
        }
        validate();
    }

    private void backToEditing() {
        pending = null;
        reviewed = null;
        stage.set(Stage.EDITING);
    }

    private void validate() {
        Token asset = token.get();
        TransferForm.Field<Felt> to = TransferForm.recipient(recipient.get(), contacts);
        parsedRecipient = to.value();
        recipientError.set(to.error());
        recipientName.set(parsedRecipient.flatMap(address -> contacts.stream().filter(c -> c.address().equals(address)).findFirst())
                .map(c -> "Contact: " + c.name()).orElse(""));
        TransferForm.Field<U256> value = TransferForm.amount(amount.get(), asset);
        Optional<Balance> held = balance(asset);
        Optional<SpendingUsage> left = limit(asset);
        value = TransferForm.within(value, held.map(Balance::raw), left.map(SpendingUsage::remaining), asset);
        parsedAmount = value.value();
        amountError.set(value.error());
        available.set(held.map(b -> "Available: " + Format.exact(b.raw(), asset.decimals(), asset.symbol())).orElse("")
                + left.map(l -> " · session limit left: " + Format.exact(l.remaining(), l.decimals(), l.symbol())).orElse(""));
        canMax.set(asset != null && most(asset).signum() > 0);
        canReview.set(parsedRecipient.isPresent() && parsedAmount.isPresent() && model.walletProperty().get() != null);
    }

    /** The most that can be sent: the balance (less a fee reserve for STRK) and what the spending limit has left. */
    public void max() {
        Token asset = token.get();
        if (asset == null || !canMax.get()) {
            return; // nothing to fill in: the button is off, and says why
        }
        amount.set(Format.plain(U256.of(most(asset)), asset.decimals()));
    }

    /** The balance (less a fee reserve for STRK), at most what the spending limit has left; zero when nothing can go. */
    private BigInteger most(Token asset) {
        Optional<Balance> balance = balance(asset);
        if (balance.isEmpty()) {
            return BigInteger.ZERO;
        }
        BigInteger most = balance.get().raw().value();
        if (asset.equals(Token.STRK)) {
            most = most.subtract(U256.parseAmount("0.1", 18).value()).max(BigInteger.ZERO); // room for the fee
        }
        Optional<SpendingUsage> usage = limit(asset);
        if (usage.isPresent()) {
            most = most.min(usage.get().remaining().value());
        }
        return most;
    }

    /** The form as a request, if it is complete and a session is connected. */
    private Optional<TransferRequest> request() {
        WalletService wallet = model.walletProperty().get();
        Token asset = token.get();
        if (wallet == null || asset == null || parsedRecipient.isEmpty() || parsedAmount.isEmpty()) {
            return Optional.empty();
        }
        return feeSelection.payment().map(payment -> new TransferRequest(wallet, asset, parsedRecipient.get(), parsedAmount.get(), payment));
    }

    /**
     * Whether a result answers what the screen is waiting for: the newest request, with the form and the
     * session unchanged since. A result for an older request is dropped; if the form or session moved on
     * under the newest one, the screen goes back to editing.
     */
    private boolean answers(TransferRequest request) {
        if (request != pending) {
            return false;
        }
        if (request().filter(request::equals).isPresent()) {
            return true;
        }
        backToEditing();
        return false;
    }

    /** Runs the pre-flight and the fee estimate for the form as it is now; nothing is signed. */
    public void review() {
        Optional<TransferRequest> form = request();
        if (!canReview.get() || form.isEmpty()) {
            return;
        }
        TransferRequest request = form.get();
        pending = request;
        reviewed = null;
        stage.set(Stage.REVIEWING);
        problem.clear();
        for (ReadOnlyStringWrapper earlier : new ReadOnlyStringWrapper[] {progress, transactionHash, explorerLink}) {
            earlier.set(""); // the last transfer's result does not belong under this one
        }
        AddressBook book = model.addressBook();
        model.executor().run(() -> new Checked(feeOf(request), book.nameOf(request.recipient()),
                request.wallet().checkRecipient(request.recipient(), book)), checked -> {
            if (!answers(request)) {
                return;
            }
            TransferReview review = new TransferReview(request, checked.fee().text(), limitAfter(request, checked.fee().inToken()), checked.name(),
                    checked.warnings(), checked.fee().payment());
            reviewed = review;
            fee.set(review.fee());
            limitAfter.set(review.limitAfter());
            stage.set(Stage.READY);
            confirmIfShown();
        }, e -> {
            if (answers(request)) {
                failed(e);
            }
        });
    }

    /** What the review read: the fee, the recipient's name in the address book, what the recipient checks found. */
    private record Checked(Fee fee, Optional<String> name, List<RecipientWarning> warnings) {
    }

    /**
     * The fee as the sheet says it, and the payment to send with: in a token, capped at the maximum shown. {@code inToken}
     * is that maximum when it is taken in the token being sent (it counts against the same limit).
     */
    private record Fee(String text, FeePayment payment, U256 inToken) {
    }

    /** Checks everything and estimates the fee, signs nothing: the wallet's own estimate, or the paymaster's checked build. */
    private static Fee feeOf(TransferRequest request) {
        return switch (request.payment()) {
            case FeePayment.Self self -> new Fee(Format.fee(request.wallet().simulate(request.calls())), self, U256.ZERO);
            default -> { // through the paymaster: its build checked, nothing signed
                GaslessQuote quote = request.wallet().quoteGasless(request.calls(), request.payment());
                yield new Fee(FeeSelection.text(quote), FeeSelection.capped(request.payment(), quote), FeeSelection.takenOf(request.token(), quote));
            }
        };
    }

    private String limitAfter(TransferRequest request, U256 feeInSameToken) {
        U256 value = request.amount().add(feeInSameToken);
        return limit(request.token()).map(l -> Format.exact(l.remaining().subtract(value.compareTo(l.remaining()) > 0 ? l.remaining() : value),
                l.decimals(), l.symbol()) + " of " + Format.exact(l.limit(), l.decimals(), l.symbol()) + " left")
                .orElse("No spending limit for " + request.token().symbol());
    }

    /**
     * Asks before sending what was reviewed, and sends exactly that after a yes; a no goes back to editing.
     * Not while the screen is hidden: the question waits until it is shown again.
     */
    private void confirmIfShown() {
        TransferReview review = reviewed;
        if (review == null || stage.get() != Stage.READY || !isShown() || model.lockedProperty().get() || !answers(review.request())) {
            return;
        }
        boolean yes = confirmations.confirm(review.question());
        if (review != reviewed || !answers(review.request())) {
            return; // the session or the form changed while the question was open
        }
        if (yes) {
            send(review);
        } else {
            backToEditing();
        }
    }

    /** Signs and sends the reviewed request, then waits until it is accepted. */
    private void send(TransferReview review) {
        TransferRequest request = review.request();
        reviewed = null;
        stage.set(Stage.SENDING);
        progress.set("Checking and signing…");
        transactionHash.set("");
        explorerLink.set("");
        String detail = request.amountText() + " to " + review.recipientName().orElse(Format.shortAddress(request.recipient()));
        java.util.concurrent.atomic.AtomicReference<Felt> sent = new java.util.concurrent.atomic.AtomicReference<>();
        Progress updates = new Progress() {
            @Override
            public void submitted(Felt hash) {
                sent.set(hash);
                model.executor().onUi(() -> {
                    if (request == pending) {
                        transactionHash.set(hash.toHex());
                        stage.set(Stage.SUBMITTED);
                        progress.set("Submitted, waiting for acceptance…");
                    }
                });
            }
        };
        model.executor().run(() -> request.wallet().transfer(request.token(), request.recipient(), request.amount(), review.payment(), true,
                WAIT, updates),
                (TransactionOutcome outcome) -> {
                    // told wherever the person is now, even when the screen has moved on to another session
                    model.settled(SentTransaction.accepted("Transfer", detail, outcome, AppShell.Screen.ACTIVITY));
                    if (request != pending) {
                        return; // another session was connected meanwhile: the outcome is not this screen's any more
                    }
                    pending = null;
                    transactionHash.set(outcome.transactionHash().toHex());
                    explorerLink.set(outcome.explorerLink().orElse(""));
                    progress.set("Sent " + request.amountText() + outcome.receipt()
                            .map(r -> ", accepted in block " + r.blockNumber() + ", " + Format.paidFee(outcome))
                            .orElse(""));
                    if (request().filter(request::equals).isPresent()) {
                        amount.set(""); // cleared while still sending, so the edit does not reset the result
                    }
                    stage.set(Stage.ACCEPTED);
                    model.refresh();
                    loadAddressBook(); // the recipient is a recent one now
                }, e -> {
                    Optional.ofNullable(sent.get()).flatMap(hash -> SentTransaction.reverted("Transfer", detail, hash, e,
                            AppShell.Screen.ACTIVITY)).ifPresent(model::settled);
                    if (request == pending) {
                        pending = null;
                        failed(e);
                    }
                });
    }

    private void failed(Throwable e) {
        stage.set(Stage.FAILED);
        progress.set("");
        problem.show(e);
    }

    private Optional<Balance> balance(Token asset) {
        WalletSnapshot snapshot = model.snapshotProperty().get();
        return snapshot == null || asset == null ? Optional.empty() : snapshot.balance(asset.address());
    }

    private Optional<SpendingUsage> limit(Token asset) {
        WalletService wallet = model.walletProperty().get();
        WalletSnapshot snapshot = model.snapshotProperty().get();
        if (wallet == null || snapshot == null || asset == null) {
            return Optional.empty();
        }
        // The limit the account enforces (the chain's, not the token's copy); runs on every keystroke, so just the one limit
        return snapshot.policy().limitFor(asset.address()).map(l -> new SpendingUsage(l.token(),
                snapshot.token(l.token()), snapshot.spent().getOrDefault(l.token(), U256.ZERO), l.limit()));
    }

    public ObservableList<Token> tokens() {
        return tokensView;
    }

    /** Who pays the fee; anything but {@link FeeChoice#SELF} needs a paymaster set in Settings. */
    public FeeSelection feeSelection() {
        return feeSelection;
    }

    public ObjectProperty<FeeChoice> feeChoiceProperty() {
        return feeSelection.choiceProperty();
    }

    /** The token the fee is paid in, with {@link FeeChoice#TOKEN}. */
    public ObjectProperty<Token> gasTokenProperty() {
        return feeSelection.gasTokenProperty();
    }

    /** Whether a paymaster is set, so that the fee can be sponsored or paid in a token. */
    public ReadOnlyBooleanProperty paymasterSetProperty() {
        return feeSelection.paymasterSetProperty();
    }

    public ObjectProperty<Token> tokenProperty() {
        return token;
    }

    public StringProperty recipientProperty() {
        return recipient;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ReadOnlyStringProperty recipientErrorProperty() {
        return recipientError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountErrorProperty() {
        return amountError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReviewProperty() {
        return canReview.getReadOnlyProperty();
    }

    /** "Contact: Alice" when the recipient is in the address book. */
    public ReadOnlyStringProperty recipientNameProperty() {
        return recipientName.getReadOnlyProperty();
    }

    /** Why the address book could not be read or changed; empty when it could. */
    public ReadOnlyStringProperty bookProblemProperty() {
        return bookProblem.getReadOnlyProperty();
    }

    /** Contacts by name, then recent recipients without a name. */
    public ObservableList<Choice> choices() {
        return choicesView;
    }

    /** Whether Max has anything to fill in: a balance and limit left for the token. */
    public ReadOnlyBooleanProperty canMaxProperty() {
        return canMax.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The pre-flight's or the chain's refusal, in the wallet's words, with the next step. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.textProperty();
    }

    /** The problem with the screen its next step is on. */
    public Problem problem() {
        return problem;
    }

    public ReadOnlyStringProperty feeProperty() {
        return fee.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty limitAfterProperty() {
        return limitAfter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty transactionHashProperty() {
        return transactionHash.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explorerLinkProperty() {
        return explorerLink.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
