package xyz.cavos.wallet.ui.policy;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import xyz.cavos.wallet.ui.HiddenAmounts;
import xyz.cavos.wallet.ui.Page;
import xyz.cavos.wallet.ui.Popups;
import xyz.cavos.wallet.ui.ScreenLifecycle;
import xyz.cavos.wallet.ui.ScreenView;

/** Policy usage: spending gauges, allowed contracts, calls per transaction, warnings, and the allowances given from here. */
public final class PolicyView implements ScreenView {

    private final Page page = new Page("Policy usage");

    private final PolicyViewModel vm;
    private final java.util.Optional<AllowancesViewModel> allowances;

    public PolicyView(PolicyViewModel vm) {
        this(vm, java.util.Optional.empty());
    }

    /** With the allowances given from this computer, each with a Revoke button. */
    public PolicyView(PolicyViewModel vm, AllowancesViewModel allowances) {
        this(vm, java.util.Optional.of(allowances));
    }

    private PolicyView(PolicyViewModel vm, java.util.Optional<AllowancesViewModel> allowances) {
        this.vm = vm;
        this.allowances = allowances;
        VBox gauges = new VBox(12);
        gauges.setId("policy-gauges");
        vm.gauges().addListener((ListChangeListener<PolicyViewModel.Gauge>) change -> showGauges(gauges, vm));
        showGauges(gauges, vm);
        vm.amountsHiddenProperty().addListener((obs, old, hidden) -> showGauges(gauges, vm));
        Label counted = new Label(PolicyViewModel.COUNTED_CALLS);
        counted.setId("policy-counted");
        counted.setWrapText(true);
        counted.getStyleClass().add(Styles.TEXT_MUTED);

        GridPane contracts = new GridPane(16, 6);
        contracts.setId("policy-contracts");
        vm.contracts().addListener((ListChangeListener<PolicyViewModel.Contract>) change -> showContracts(contracts, vm));
        showContracts(contracts, vm);
        Label maxCalls = new Label();
        maxCalls.setId("policy-max-calls");
        maxCalls.textProperty().bind(vm.maxCallsProperty());
        maxCalls.getStyleClass().add(Styles.TEXT_BOLD);

        VBox warnings = new VBox(6);
        warnings.setId("policy-warnings");
        vm.warnings().addListener((ListChangeListener<String>) change -> warnings.getChildren().setAll(vm.warnings().stream().map(w -> {
            Label label = new Label("⚠ " + w);
            label.setWrapText(true);
            label.getStyleClass().add(Styles.WARNING);
            return (Node) label;
        }).toList()));

        page.column().getChildren().addAll(xyz.cavos.wallet.ui.Messages.offline(vm.offlineNoteProperty(), "policy-offline"), warnings,
                card("Spending limits", vm.limitsSummaryProperty(), gauges, counted),
                card("Allowed contracts", vm.contractsSummaryProperty(), contracts),
                card("Calls per transaction", null, maxCalls));
        allowances.ifPresent(a -> page.column().getChildren().add(allowancesCard(a)));
    }

    private static Node allowancesCard(AllowancesViewModel vm) {
        GridPane grid = new GridPane(16, 8);
        grid.setId("policy-allowances");
        vm.rows().addListener((ListChangeListener<AllowancesViewModel.Row>) change -> showAllowances(grid, vm));
        showAllowances(grid, vm);
        Label message = new Label();
        message.setId("allowances-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add(Styles.TEXT_MUTED);
        Label summary = new Label("What spenders approved from this computer may still take from the wallet. Approvals count"
                + " towards the spending limits; revoking sets an allowance to zero.");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        Label title = new Label("Allowances");
        title.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(10, title, summary, grid, message);
        card.setPadding(new Insets(16));
        card.getStyleClass().add("card-panel");
        return card;
    }

    private static void showAllowances(GridPane grid, AllowancesViewModel vm) {
        grid.getChildren().clear();
        if (vm.rows().isEmpty()) {
            Label none = new Label("No allowances approved from this computer.");
            none.setId("allowances-none");
            grid.addRow(0, none);
            return;
        }
        int row = 0;
        for (AllowancesViewModel.Row allowance : vm.rows()) {
            Label token = new Label(allowance.token());
            token.getStyleClass().add(Styles.TEXT_BOLD);
            Label spender = new Label(allowance.spender());
            Popups.tooltip(spender, allowance.spenderAddress());
            Label amount = new Label(allowance.amount());
            amount.setId("allowance-amount-" + row);
            if (!allowance.open()) {
                amount.getStyleClass().add(Styles.TEXT_MUTED);
            }
            javafx.scene.control.Button revoke = new javafx.scene.control.Button("Revoke");
            revoke.setId("allowance-revoke-" + row);
            revoke.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !allowance.open())));
            revoke.setOnAction(e -> vm.revoke(allowance));
            grid.addRow(row++, token, spender, amount, revoke);
        }
    }

    private static VBox card(String heading, javafx.beans.value.ObservableStringValue summary, Node... body) {
        Label title = new Label(heading);
        title.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(10, title);
        if (summary != null) {
            Label text = new Label();
            text.textProperty().bind(summary);
            text.getStyleClass().add(Styles.TEXT_MUTED);
            card.getChildren().add(text);
        }
        card.getChildren().addAll(body);
        card.setPadding(new Insets(16));
        card.getStyleClass().add("card-panel");
        return card;
    }

    private static void showGauges(VBox box, PolicyViewModel vm) {
        boolean hidden = vm.amountsHiddenProperty().get();
        box.getChildren().setAll(vm.gauges().stream().map(g -> gauge(g, hidden)).toList());
    }

    /** One limit's gauge; while amounts are {@code hidden} its figures show as •••, the bar stays. */
    private static Node gauge(PolicyViewModel.Gauge gauge, boolean hidden) {
        Label symbol = new Label(gauge.symbol());
        symbol.getStyleClass().add(Styles.TEXT_BOLD);
        Label name = new Label(gauge.name());
        name.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label used = new Label(hidden ? HiddenAmounts.figure(gauge.spent(), true) + " of " + HiddenAmounts.figure(gauge.limit(), true)
                + " " + gauge.symbol() : gauge.usedText());
        used.setId("gauge-used-" + gauge.symbol());
        HBox top = new HBox(8, symbol, name, spacer, used);
        top.setAlignment(Pos.BASELINE_LEFT);
        ProgressBar bar = new ProgressBar(gauge.fraction());
        bar.setId("gauge-" + gauge.symbol());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().addAll("gauge", "gauge-" + gauge.band().name().toLowerCase(java.util.Locale.ROOT));
        Label left = new Label(gauge.band() == PolicyViewModel.Band.REACHED ? "Limit reached: no more " + gauge.symbol() + " can be sent"
                : HiddenAmounts.figure(gauge.remaining(), hidden) + " " + gauge.symbol() + " left");
        left.getStyleClass().add(gauge.band() == PolicyViewModel.Band.OK ? Styles.TEXT_MUTED : Styles.DANGER);
        VBox box = new VBox(4, top, bar, left);
        if (!gauge.sinceFirstExport().isEmpty()) {
            Label since = new Label(hidden ? HiddenAmounts.mask(gauge.sinceFirstExport()) : gauge.sinceFirstExport());
            since.setId("gauge-since-" + gauge.symbol());
            since.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().add(since);
        }
        return box;
    }

    private static void showContracts(GridPane grid, PolicyViewModel vm) {
        grid.getChildren().clear();
        int row = 0;
        for (PolicyViewModel.Contract contract : vm.contracts()) {
            Label name = new Label(contract.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label address = new Label(contract.address());
            address.getStyleClass().add("mono");
            grid.addRow(row++, name, address);
        }
    }

    @Override
    public Node root() {
        return page.root();
    }

    @Override
    public ScreenLifecycle viewModel() {
        return allowances.<ScreenLifecycle>map(a -> new ScreenLifecycle() {
            @Override
            public void onShown() {
                vm.onShown();
                a.onShown();
            }

            @Override
            public void onHidden() {
                vm.onHidden();
                a.onHidden();
            }
        }).orElse(vm);
    }
}
