package xyz.cavos.wallet.ui.policy;

import java.time.Duration;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.Confirmations;
import xyz.cavos.wallet.ui.Format;
import xyz.cavos.wallet.ui.ScreenViewModel;
import xyz.cavos.wallet.ui.WalletModel;
import xyz.cavos.wallet.wallet.Allowance;
import xyz.cavos.wallet.wallet.FeeQuote;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.TransactionOutcome;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/**
 * The allowances approved from this computer, read again with every snapshot while the screen is on view, each with what
 * the spender may still take; revoking one asks on the review sheet with the fee, then approves zero.
 */
public final class AllowancesViewModel extends ScreenViewModel {

    /** How long a revocation is waited for before the screen says it was sent and is not confirmed yet. */
    static final Duration WAIT = Duration.ofSeconds(120);

    /** One allowance as a row: the token, the spender (by name when the address book has one), what is left. */
    public record Row(String token, String spender, String spenderAddress, String amount, boolean open, Allowance allowance) {
    }

    private final WalletModel model;
    private final Confirmations confirmations;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** The read or revocation whose result is awaited; an older one's result is dropped. */
    private Object current;

    public AllowancesViewModel(WalletModel model, Confirmations confirmations) {
        super(model);
        this.model = model;
        this.confirmations = confirmations;
    }

    @Override
    protected Subscription listen() {
        return model.snapshotProperty().subscribe(this::reload);
    }

    @Override
    protected void sessionChanged() {
        current = null;
        rows.clear();
        message.set("");
        busy.set(false);
    }

    private void reload(WalletSnapshot snapshot) {
        WalletService wallet = model.walletProperty().get();
        if (snapshot == null || wallet == null || busy.get()) {
            return;
        }
        Object read = new Object();
        current = read;
        model.executor().run(wallet::allowances, (List<Allowance> found) -> {
            if (current == read) {
                rows.setAll(found.stream().map(AllowancesViewModel::row).toList());
            }
        }, e -> {
            if (current == read) {
                message.set("Allowances not read: " + WalletModel.problemText(e));
            }
        });
    }

    static Row row(Allowance a) {
        String amount = a.isOpen() ? Format.exact(a.amount(), a.token().decimals(), a.token().symbol()) : "None left (revoked or spent)";
        return new Row(a.token().symbol(), a.spenderName().orElse(Format.shortAddress(a.spender())), Format.address(a.spender()), amount,
                a.isOpen(), a);
    }

    /** Estimates the fee, asks on the review sheet, then sends {@code approve(spender, 0)}; nothing is asked off screen. */
    public void revoke(Row row) {
        WalletService wallet = model.walletProperty().get();
        if (wallet == null || busy.get() || !isShown() || !row.open()) {
            return;
        }
        Allowance a = row.allowance();
        Object action = new Object();
        current = action;
        busy.set(true);
        message.set("Estimating the fee…");
        model.executor().run(() -> wallet.quoteApprove(a.token(), a.spender(), U256.ZERO), (FeeQuote fee) -> {
            if (current != action) {
                return;
            }
            busy.set(false);
            message.set("");
            if (isShown() && confirmations.confirm(question(wallet, row, fee)) && wallet == model.walletProperty().get()) {
                send(wallet, a);
            }
        }, e -> failed(action, e));
    }

    private void send(WalletService wallet, Allowance a) {
        Object action = new Object();
        current = action;
        busy.set(true);
        message.set("Revoking the allowance…");
        model.executor().run(() -> wallet.approve(a.token(), a.spender(), U256.ZERO, true, WAIT, Progress.SILENT),
                (TransactionOutcome outcome) -> {
                    if (current != action) {
                        return;
                    }
                    busy.set(false);
                    message.set("Allowance revoked in transaction " + outcome.transactionHash().toHex() + ".");
                    model.refresh();
                }, e -> failed(action, e));
    }

    private void failed(Object action, Throwable e) {
        if (current == action) {
            busy.set(false);
            message.set(WalletModel.problemText(e));
        }
    }

    /** The review sheet: the token, the spender in full, what it may still take, the network and the fee. */
    static Confirmations.Question question(WalletService wallet, Row row, FeeQuote fee) {
        Allowance a = row.allowance();
        return new Confirmations.Question("Revoke allowance", "Revoke this allowance?", "The spender can no longer take "
                + a.token().symbol() + " from the wallet: its allowance is set to zero. This sends a transaction.", "Revoke",
                "confirm-revoke-allowance", true, List.of(
                Confirmations.Detail.plain("Token", a.token().symbol() + " (" + Format.shortAddress(a.token().address()) + ")"),
                Confirmations.Detail.address("Spender", a.spenderName().map(n -> n + "\n").orElse("") + Format.groupedAddress(a.spender())),
                Confirmations.Detail.amount("Allowance now", row.amount()),
                Confirmations.Detail.plain("Network", wallet.network().name()),
                Confirmations.Detail.plain("Fee", Format.fee(fee) + ", paid from the wallet")));
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
