package xyz.cavos.wallet.ui.balances;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import xyz.cavos.wallet.ui.Format;
import xyz.cavos.wallet.ui.ScreenViewModel;
import xyz.cavos.wallet.ui.WalletModel;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/** Balances: one row per token, exact; the wallet address; the connection's state and freshness. */
public final class BalancesViewModel extends ScreenViewModel {

    /** One token's line. */
    /** {@code balance} at the token's precision ("1,000.00"), {@code exact} with every digit ("1,000"), the address whole. */
    public record Row(String symbol, String name, String balance, String exact, String address) {
    }

    private final WalletModel model;
    private final ReadOnlyStringWrapper tokenResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tokenProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper walletAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper freshness = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WalletModel.Connection> connectionState = new ReadOnlyObjectWrapper<>(WalletModel.Connection.NO_SESSION);
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper();

    public BalancesViewModel(WalletModel model) {
        super(model);
        this.model = model;
    }

    /** Balances are data, not messages: a new session's arrive with its snapshot. */
    @Override
    protected Subscription listen() {
        return Subscription.combine(
                model.snapshotProperty().subscribe(this::show),
                model.connectionDetailProperty().subscribe(text -> updateConnection()),
                model.latencyMillisProperty().subscribe(ms -> updateConnection()),
                model.nowProperty().subscribe(now -> freshness.set(freshnessText(model.lastRefreshedProperty().get(), now))),
                model.connectionProperty().subscribe(connectionState::set),
                model.refreshingProperty().subscribe(refreshing::set));
    }

    private void show(WalletSnapshot snapshot) {
        if (snapshot == null) {
            rows.clear();
            walletAddress.set("");
            network.set("");
            freshness.set("");
            return;
        }
        rows.setAll(snapshot.balances().stream()
                .map(b -> new Row(b.token().symbol(), b.token().name(), Format.digits(b.raw(), b.token().decimals(), b.token().symbol()),
                        Format.exact(b.raw(), b.token().decimals()), Format.address(b.token().address()))).toList());
        walletAddress.set(Format.address(model.walletProperty().get().token().walletAddress()));
        network.set("On " + snapshot.network().name() + ". Send only Starknet tokens to this address.");
        freshness.set(freshnessText(model.lastRefreshedProperty().get(), model.nowProperty().get()));
    }

    private void updateConnection() {
        long latency = model.latencyMillisProperty().get();
        connection.set(model.connectionDetailProperty().get() + (latency >= 0 ? " · " + latency + " ms" : ""));
    }

    /** "Last refreshed just now", "… 42 s ago", "… 3 min ago", as the app clock ticks. */
    static String freshnessText(Instant when, Instant now) {
        if (when == null) {
            return "Not refreshed yet";
        }
        long seconds = Math.max(0, Duration.between(when, now).toSeconds());
        return "Last refreshed " + (seconds < 5 ? "just now" : seconds < 120 ? seconds + " s ago" : seconds / 60 + " min ago");
    }

    public void refresh() {
        model.refresh();
    }

    /**
     * Adds a token by its contract address: its symbol and decimals are read from the chain, and it is listed from then
     * on (here, in Transfer when the session may move it, and in the gauges when it has a limit).
     */
    public void addToken(String address) {
        WalletService wallet = model.walletProperty().get();
        if (wallet == null || address.isBlank()) {
            return;
        }
        tokenResult.set("Reading the token from the chain…");
        tokenProblem.set("");
        model.executor().run(() -> wallet.addToken(address.strip()), added -> {
            tokenResult.set("Added " + added.token().symbol() + " (" + added.token().decimals() + " decimals).");
            model.refresh();
        }, e -> {
            tokenResult.set("");
            tokenProblem.set(WalletModel.problemText(e));
        });
    }

    /** What adding a token did; empty until one is added. */
    public ReadOnlyStringProperty tokenResultProperty() {
        return tokenResult.getReadOnlyProperty();
    }

    /** Why a token could not be added; empty when it could. */
    public ReadOnlyStringProperty tokenProblemProperty() {
        return tokenProblem.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty walletAddressProperty() {
        return walletAddress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WalletModel.Connection> connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    /** True while the wallet is being read; the view disables Refresh meanwhile. */
    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }
}
