package xyz.cavos.wallet.ui.policy;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.ui.Format;
import xyz.cavos.wallet.ui.ScreenViewModel;
import xyz.cavos.wallet.ui.WalletModel;
import xyz.cavos.wallet.wallet.PolicyUsage;
import xyz.cavos.wallet.wallet.RenewalChain;
import xyz.cavos.wallet.wallet.SpendingUsage;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/**
 * Policy usage: a gauge per spending limit with what the chain says was spent, the contracts the session
 * may call, the calls allowed per transaction, and the dashboard's warnings. Rebuilt from every snapshot.
 */
public final class PolicyViewModel extends ScreenViewModel {

    /** How close a limit is to being used up; the view colours the gauge by it. */
    public enum Band { OK, NEAR, REACHED }

    /** One spending limit as a gauge. */
    /** {@code sinceFirstExport}: what this session and the keys it was renewed from spent, when it was renewed; else empty. */
    public record Gauge(String symbol, String name, String spent, String limit, String remaining, double fraction, Band band,
            String sinceFirstExport) {

        /** "1.5 of 100.0 STRK". */
        public String usedText() {
            return spent + " of " + limit + " " + symbol;
        }
    }

    /** One allowed contract: what the wallet knows it as, and its address. */
    public record Contract(String name, String address) {
    }

    /** The share of a limit from which a gauge turns to "near". */
    public static final double NEAR_FROM = 0.8;

    /** What the account contract counts against the limits; it is on-chain behaviour, not a wallet choice. */
    public static final String COUNTED_CALLS = "Only transfer and approve calls count against the spending limits; the account "
            + "checks them on chain. Other calls to allowed contracts (a swap, for example) are not counted.";

    private final WalletModel model;
    private final ObservableList<Gauge> gauges = FXCollections.observableArrayList();
    // Read-only views made once: a wrapper made per call would drop the listeners added to it when collected.
    private final ObservableList<Gauge> gaugesView = FXCollections.unmodifiableObservableList(gauges);
    private final ObservableList<Contract> contracts = FXCollections.observableArrayList();
    private final ObservableList<Contract> contractsView = FXCollections.unmodifiableObservableList(contracts);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ReadOnlyStringWrapper maxCalls = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper limitsSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper contractsSummary = new ReadOnlyStringWrapper("");

    public PolicyViewModel(WalletModel model) {
        super(model);
        this.model = model;
    }

    /** Usage is data, not messages: a new session's arrives with its snapshot. */
    @Override
    protected Subscription listen() {
        return model.snapshotProperty().subscribe(this::show);
    }

    private void show(WalletSnapshot snapshot) {
        WalletService service = model.walletProperty().get();
        if (snapshot == null || service == null) {
            gauges.clear();
            contracts.clear();
            warnings.clear();
            maxCalls.set("");
            limitsSummary.set("");
            contractsSummary.set("");
            return;
        }
        PolicyUsage usage = service.policyUsage(snapshot);
        gauges.setAll(usage.limits().stream().map(limit -> gauge(limit, usage.renewals())).toList());
        contracts.setAll(usage.allowedContracts().stream()
                .map(c -> new Contract(c.knownAs().orElse("Unnamed contract"), Format.address(c.address()))).toList());
        warnings.setAll(usage.warnings());
        maxCalls.set(usage.maxCallsPerTx() + (usage.maxCallsPerTx() == 1 ? " call" : " calls") + " per transaction");
        limitsSummary.set(usage.limits().isEmpty() ? "No spending limits: this session may move any amount of any token."
                : usage.limits().size() + (usage.limits().size() == 1 ? " token is" : " tokens are") + " limited for this session.");
        contractsSummary.set(usage.allowedContracts().isEmpty() ? (usage.restrictsContracts()
                ? "An allow-list applies on chain, but this session token does not list its contracts: export the session again."
                : "No allow-list: this session may call any contract.")
                : "This session may call " + usage.allowedContracts().size()
                        + (usage.allowedContracts().size() == 1 ? " contract" : " contracts") + " and its own account.");
    }

    static Gauge gauge(SpendingUsage usage, RenewalChain renewals) {
        double fraction = usage.fractionUsed().doubleValue();
        Band band = fraction >= 1 ? Band.REACHED : fraction >= NEAR_FROM ? Band.NEAR : Band.OK;
        String since = renewals.renewals() == 0 ? "" : "Since the first export: " + Format.exact(renewals.sinceFirstExport(
                usage.tokenAddress(), usage.spent()), usage.decimals(), usage.symbol()) + " (" + renewals.renewals()
                + (renewals.renewals() == 1 ? " renewal)" : " renewals)");
        return new Gauge(usage.symbol(), usage.token().map(Token::name).orElse("Unknown token"), Format.exact(usage.spent(), usage.decimals()),
                Format.exact(usage.limit(), usage.decimals()), Format.exact(usage.remaining(), usage.decimals()), fraction, band, since);
    }

    public ObservableList<Gauge> gauges() {
        return gaugesView;
    }

    public ObservableList<Contract> contracts() {
        return contractsView;
    }

    public ObservableList<String> warnings() {
        return warningsView;
    }

    public ReadOnlyStringProperty maxCallsProperty() {
        return maxCalls.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty limitsSummaryProperty() {
        return limitsSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contractsSummaryProperty() {
        return contractsSummary.getReadOnlyProperty();
    }
}
