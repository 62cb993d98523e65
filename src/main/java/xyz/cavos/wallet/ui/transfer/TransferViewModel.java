package xyz.cavos.wallet.ui.transfer;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
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
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.WalletModel;
import xyz.cavos.wallet.wallet.Balance;
import xyz.cavos.wallet.wallet.FeeQuote;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.SpendingUsage;
import xyz.cavos.wallet.wallet.TransactionOutcome;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/**
 * Transfer: recipient and amount checked as they are typed, a review that runs the wallet's pre-flight
 * (session, policy, balance) and estimates the fee before anything is signed, then sending with progress
 * until the transaction is accepted.
 */
public final class TransferViewModel {

    /** Where a transfer is. */
    public enum Stage { EDITING, REVIEWING, READY, SENDING, SUBMITTED, ACCEPTED, FAILED }

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final WalletModel model;
    private final ObservableList<Token> tokens = FXCollections.observableArrayList();
    private final ObservableList<Token> tokensView = FXCollections.unmodifiableObservableList(tokens);
    private final ObjectProperty<Token> token = new SimpleObjectProperty<>(Token.STRK);
    private final StringProperty recipient = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper recipientError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper available = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canReview = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.EDITING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fee = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper limitAfter = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper transactionHash = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explorerLink = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private Optional<Felt> parsedRecipient = Optional.empty();
    private Optional<U256> parsedAmount = Optional.empty();

    public TransferViewModel(WalletModel model) {
        this.model = model;
        model.snapshotProperty().addListener((obs, old, snapshot) -> snapshotChanged(snapshot));
        token.addListener((obs, old, now) -> edited());
        recipient.addListener((obs, old, now) -> edited());
        amount.addListener((obs, old, now) -> edited());
        snapshotChanged(model.snapshotProperty().get());
    }

    private void snapshotChanged(WalletSnapshot snapshot) {
        List<Token> held = snapshot == null ? List.of(Token.STRK) : snapshot.balances().stream().map(Balance::token).toList();
        if (!tokens.equals(held)) {
            tokens.setAll(held);
        }
        validate();
    }

    /** Any edit invalidates a review. */
    private void edited() {
        if (stage.get() != Stage.SENDING && stage.get() != Stage.SUBMITTED) {
            stage.set(Stage.EDITING);
            problem.set("");
            fee.set("");
            limitAfter.set("");
        }
        validate();
    }

    private void validate() {
        Token asset = token.get();
        String to = recipient.get().strip();
        if (to.isEmpty()) {
            parsedRecipient = Optional.empty();
            recipientError.set("");
        } else {
            try {
                Felt address = Felt.parse("Recipient", to);
                parsedRecipient = address.isZero() ? Optional.empty() : Optional.of(address);
                recipientError.set(address.isZero() ? "The zero address cannot receive tokens." : "");
            } catch (InvalidValueException e) {
                parsedRecipient = Optional.empty();
                recipientError.set(e.getMessage() + ".");
            }
        }
        String text = amount.get().strip();
        if (text.isEmpty() || asset == null) {
            parsedAmount = Optional.empty();
            amountError.set("");
        } else {
            try {
                U256 value = U256.parseAmount(text, asset.decimals());
                parsedAmount = value.isZero() ? Optional.empty() : Optional.of(value);
                amountError.set(value.isZero() ? "Enter an amount above zero." : "");
            } catch (InvalidValueException e) {
                parsedAmount = Optional.empty();
                amountError.set(e.getMessage() + ".");
            }
        }
        available.set(balance(asset).map(b -> "Available: " + b.display() + " " + asset.symbol()).orElse("")
                + limit(asset).map(l -> " · session limit left: " + l.remaining().toAmountString(l.decimals()) + " " + l.symbol()).orElse(""));
        canReview.set(parsedRecipient.isPresent() && parsedAmount.isPresent() && model.walletProperty().get() != null);
    }

    /** The most that can be sent: the balance (less a fee reserve for STRK) and what the spending limit has left. */
    public void max() {
        Token asset = token.get();
        Optional<Balance> balance = balance(asset);
        if (balance.isEmpty()) {
            return;
        }
        BigInteger most = balance.get().raw().value();
        if (asset.equals(Token.STRK)) {
            most = most.subtract(U256.parseAmount("0.1", 18).value()).max(BigInteger.ZERO); // room for the fee
        }
        Optional<SpendingUsage> usage = limit(asset);
        if (usage.isPresent()) {
            most = most.min(usage.get().remaining().value());
        }
        amount.set(U256.of(most).toAmountString(asset.decimals()));
    }

    /** Runs the pre-flight and the fee estimate; nothing is signed. */
    public void review() {
        WalletService wallet = model.walletProperty().get();
        if (!canReview.get() || wallet == null) {
            return;
        }
        stage.set(Stage.REVIEWING);
        problem.set("");
        List<Call> calls = calls();
        Token asset = token.get();
        U256 value = parsedAmount.orElseThrow();
        model.executor().run(() -> wallet.simulate(calls), quote -> {
            fee.set(U256.of(quote.estimatedFee()).toAmountString(18) + " STRK (at most " + U256.of(quote.maxFee()).toAmountString(18) + ")");
            limitAfter.set(limit(asset).map(l -> l.remaining().subtract(value.compareTo(l.remaining()) > 0 ? l.remaining() : value)
                    .toAmountString(l.decimals()) + " " + l.symbol() + " of " + l.limitDisplay() + " left after this transfer")
                    .orElse("No spending limit for " + asset.symbol()));
            stage.set(Stage.READY);
        }, this::failed);
    }

    /** Signs and sends the reviewed transfer, then waits until it is accepted. */
    public void send() {
        WalletService wallet = model.walletProperty().get();
        if (stage.get() != Stage.READY || wallet == null) {
            return;
        }
        stage.set(Stage.SENDING);
        progress.set("Checking and signing…");
        Token asset = token.get();
        Felt to = parsedRecipient.orElseThrow();
        U256 value = parsedAmount.orElseThrow();
        Progress updates = new Progress() {
            @Override
            public void submitted(Felt hash) {
                model.executor().onUi(() -> {
                    transactionHash.set(hash.toHex());
                    stage.set(Stage.SUBMITTED);
                    progress.set("Submitted, waiting for acceptance…");
                });
            }
        };
        model.executor().run(() -> wallet.transfer(asset, to, value, true, WAIT, updates), (TransactionOutcome outcome) -> {
            transactionHash.set(outcome.transactionHash().toHex());
            explorerLink.set(outcome.explorerLink().orElse(""));
            progress.set("Sent " + value.toAmountString(asset.decimals()) + " " + asset.symbol() + outcome.receipt()
                    .map(r -> ", accepted in block " + r.blockNumber() + ", fee " + U256.of(r.actualFee()).toAmountString(18) + " STRK")
                    .orElse(""));
            amount.set(""); // cleared while still SUBMITTED, so the edit does not reset the result
            stage.set(Stage.ACCEPTED);
            model.refresh();
        }, this::failed);
    }

    /** Back to editing from the confirmation, nothing sent. */
    public void cancel() {
        if (stage.get() == Stage.READY) {
            stage.set(Stage.EDITING);
        }
    }

    private void failed(Throwable e) {
        stage.set(Stage.FAILED);
        progress.set("");
        problem.set(WalletModel.problemText(e));
    }

    private List<Call> calls() {
        List<Felt> data = new ArrayList<>(List.of(parsedRecipient.orElseThrow()));
        data.addAll(parsedAmount.orElseThrow().toCalldata());
        return List.of(Call.of(token.get().address(), "transfer", data));
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
        // Runs on every keystroke: read the one limit, not the whole policy usage (which rebuilds the allow-list tree).
        return wallet.token().effectivePolicy().limitFor(asset.address()).map(l -> new SpendingUsage(l.token(),
                Token.byAddress(l.token()), snapshot.spent().getOrDefault(l.token(), U256.ZERO), l.limit()));
    }

    /** What the confirmation shows, one line per detail. */
    public List<String> confirmationLines() {
        Token asset = token.get();
        return List.of(
                "Send " + parsedAmount.map(a -> a.toAmountString(asset.decimals())).orElse("?") + " " + asset.symbol(),
                "To " + parsedRecipient.map(Felt::toPaddedHex).orElse("?"),
                "From " + Optional.ofNullable(model.walletProperty().get()).map(w -> w.token().walletAddress().toPaddedHex()).orElse("?"),
                "Network " + Optional.ofNullable(model.walletProperty().get()).map(w -> w.network().name()).orElse("?"),
                "Fee " + fee.get(),
                limitAfter.get());
    }

    public ObservableList<Token> tokens() {
        return tokensView;
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

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The pre-flight's or the chain's refusal, in the wallet's words, with the next step. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
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
