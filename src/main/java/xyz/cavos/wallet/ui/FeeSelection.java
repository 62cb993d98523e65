package xyz.cavos.wallet.ui;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.FeePayment;
import xyz.cavos.wallet.wallet.GaslessQuote;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/**
 * A screen's choice of who pays the fee: the wallet in STRK, or, when a paymaster is set in Settings, the paymaster
 * (sponsored) or the paymaster paid in a token the session may move. Without a paymaster the wallet pays.
 */
public final class FeeSelection {

    /** What the sheet says when the paymaster sponsors the transaction. */
    public static final String SPONSORED = "Sponsored by the paymaster: you pay nothing";

    private final ObjectProperty<FeeChoice> choice = new SimpleObjectProperty<>(FeeChoice.SELF);
    private final ObjectProperty<Token> gasToken = new SimpleObjectProperty<>(Token.USDC);
    private final ObservableList<Token> gasTokens = FXCollections.observableArrayList(Token.USDC);
    private final ReadOnlyBooleanWrapper paymasterSet = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper problem = new javafx.beans.property.ReadOnlyStringWrapper("");
    private Optional<FeePayment.Paymaster> paymaster = Optional.empty();

    /** Reads the paymaster set in Settings (its key is in the keychain: off the UI thread), then runs {@code then}. */
    public void load(WalletModel model, Runnable then) {
        model.executor().run(model::paymaster, found -> {
            problem.set("");
            paymaster = found;
            paymasterSet.set(found.isPresent());
            if (found.isEmpty()) {
                choice.set(FeeChoice.SELF);
            }
            then.run();
        }, e -> {
            paymaster = Optional.empty();
            paymasterSet.set(false);
            choice.set(FeeChoice.SELF);
            problem.set("The paymaster set in Settings could not be read (" + WalletModel.problemText(e) + "), so the wallet pays the fee.");
            then.run();
        });
    }

    /** The tokens the fee can be paid in: those the session may move, by the chain's policy in {@code snapshot}. */
    public void offer(WalletSnapshot snapshot, WalletService wallet) {
        offer(snapshot == null || wallet == null ? List.of() : wallet.movableTokens(snapshot));
    }

    /** The tokens the fee can be paid in, as {@link WalletService#movableTokens} gave them. */
    public void offer(List<Token> movable) {
        if (!gasTokens.equals(movable)) {
            gasTokens.setAll(movable);
            if (!movable.isEmpty() && !movable.contains(gasToken.get())) {
                gasToken.set(movable.contains(Token.USDC) ? Token.USDC : movable.getFirst());
            }
        }
    }

    /** The payment chosen; empty while the choice is not complete (a paymaster mode without a paymaster or token). */
    public Optional<FeePayment> payment() {
        return switch (choice.get()) {
            case SELF -> Optional.of(FeePayment.SELF);
            case SPONSORED -> paymaster.map(FeePayment.Sponsored::new);
            case TOKEN -> gasToken.get() == null ? Optional.empty()
                    : paymaster.map(p -> new FeePayment.InToken(p, gasToken.get(), Optional.empty()));
        };
    }

    /** The fee as a review sheet says it: nothing when sponsored, about and at most so much of the token otherwise. */
    public static String text(GaslessQuote quote) {
        return quote.gasToken().map(gas -> "≈ " + Format.exact(quote.estimated(), gas.decimals(), gas.symbol()) + " (at most "
                + Format.exact(quote.maximum(), gas.decimals(), gas.symbol()) + "), paid to the paymaster").orElse(SPONSORED);
    }

    /** The payment to send after a sheet showed {@code quote}: paying in a token, capped at the maximum shown. */
    public static FeePayment capped(FeePayment payment, GaslessQuote quote) {
        return payment instanceof FeePayment.InToken t ? new FeePayment.InToken(t.paymaster(), t.gasToken(), Optional.of(quote.maximum()))
                : payment;
    }

    /** The most the fee takes of {@code token} (so its limit can be shown after it), zero when paid otherwise. */
    public static U256 takenOf(Token token, GaslessQuote quote) {
        return quote.gasToken().filter(gas -> gas.address().equals(token.address())).map(gas -> quote.maximum()).orElse(U256.ZERO);
    }

    public ObjectProperty<FeeChoice> choiceProperty() {
        return choice;
    }

    public ObjectProperty<Token> gasTokenProperty() {
        return gasToken;
    }

    public ObservableList<Token> gasTokens() {
        return gasTokens;
    }

    /** Why the paymaster set in Settings cannot be offered (its keychain entry could not be read); empty when nothing is wrong. */
    public javafx.beans.property.ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty paymasterSetProperty() {
        return paymasterSet.getReadOnlyProperty();
    }
}
