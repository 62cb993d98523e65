package xyz.cavos.wallet.ui.balances;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import xyz.cavos.wallet.ui.HiddenAmounts;
import xyz.cavos.wallet.ui.Popups;
import xyz.cavos.wallet.ui.QrCode;
import xyz.cavos.wallet.ui.ScreenLifecycle;
import xyz.cavos.wallet.ui.ScreenView;
import xyz.cavos.wallet.ui.WalletModel;

/** Balances: table, wallet address with copy, connection state, refresh. */
public final class BalancesView implements ScreenView {

    private final VBox root = new VBox(16);
    private final BalancesViewModel vm;

    public BalancesView(BalancesViewModel vm) {
        this.vm = vm;
        root.setPadding(new Insets(28));
        root.setMaxWidth(xyz.cavos.wallet.ui.Page.MAX_WIDTH);

        Label title = new Label("Balances");
        title.getStyleClass().add(Styles.TITLE_2);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        Popups.tooltip(refresh, "Read balances and session again (F5)");
        refresh.setId("refresh");
        refresh.disableProperty().bind(vm.refreshingProperty());
        refresh.setOnAction(e -> vm.refresh());
        Button addToken = new Button("Add token…");
        addToken.setId("add-token");
        Popups.tooltip(addToken, "List another token by its contract address; its symbol and decimals come from the chain");
        addToken.setOnAction(e -> {
            javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog();
            ask.setTitle("Add token");
            ask.setHeaderText("The token's contract address (0x…)");
            ask.getDialogPane().setId("add-token-dialog");
            if (root.getScene() != null) {
                ask.initOwner(root.getScene().getWindow());
            }
            ask.showAndWait().ifPresent(vm::addToken);
        });
        HBox header = new HBox(12, title, spacer, addToken, refresh);
        header.setAlignment(Pos.CENTER_LEFT);

        Label address = new Label();
        address.setId("wallet-address");
        address.textProperty().bind(vm.walletAddressProperty());
        address.getStyleClass().add("mono");
        address.setWrapText(true);
        Button copy = new Button("Copy address");
        copy.setId("copy-address");
        copy.disableProperty().bind(vm.walletAddressProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.walletAddressProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        vm.walletAddressProperty().addListener((obs, old, now) -> copy.setText("Copy address"));
        copy.getStyleClass().add(Styles.SMALL);
        Label walletCaption = new Label("Wallet address");
        walletCaption.getStyleClass().add(Styles.TEXT_MUTED);
        Label network = new Label();
        network.textProperty().bind(vm.networkProperty());
        network.getStyleClass().add(Styles.TEXT_MUTED);
        VBox addressBox = new VBox(8, walletCaption, address, copy, network);
        HBox.setHgrow(addressBox, Priority.ALWAYS);
        ImageView qr = new ImageView();
        qr.setId("wallet-qr");
        qr.setFitWidth(132);
        qr.setFitHeight(132);
        qr.setSmooth(false);
        StackPane qrFrame = new StackPane(qr);
        qrFrame.getStyleClass().add("qr-code");
        qrFrame.visibleProperty().bind(vm.walletAddressProperty().isNotEmpty());
        vm.walletAddressProperty().addListener((obs, old, now) -> qr.setImage(now.isEmpty() ? null : QrCode.of(now, 4)));
        if (!vm.walletAddressProperty().get().isEmpty()) {
            qr.setImage(QrCode.of(vm.walletAddressProperty().get(), 4));
        }
        HBox wallet = new HBox(16, addressBox, qrFrame);
        wallet.setPadding(new Insets(16));
        wallet.getStyleClass().add("card-panel");

        TableView<BalancesViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("balances");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Token", BalancesViewModel.Row::symbol));
        table.getColumns().add(column("Name", BalancesViewModel.Row::name));
        TableColumn<BalancesViewModel.Row, String> amount = column("Balance", BalancesViewModel.Row::balance);
        amount.setStyle("-fx-alignment: CENTER-RIGHT;");
        amount.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private String exactly = "";

            {
                Popups.cellTooltip(this, () -> exactly);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                BalancesViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                boolean hidden = vm.amountsHiddenProperty().get();
                setText(empty ? null : HiddenAmounts.figure(text, hidden));
                exactly = row == null || hidden ? "" : "Exactly " + row.exact() + " " + row.symbol();
                Popups.rowChanged(this, exactly);
            }
        });
        table.getColumns().add(amount);
        HiddenAmounts.redraw(table, vm.amountsHiddenProperty());
        table.setPrefHeight(210);
        table.setPlaceholder(new Label("No session connected: import one first."));

        Circle dot = new Circle(5);
        vm.connectionStateProperty().addListener((obs, old, state) -> dot.setFill(colour(state)));
        dot.setFill(colour(vm.connectionStateProperty().get()));
        Label connection = new Label();
        connection.setId("connection");
        connection.textProperty().bind(vm.connectionProperty());
        Label freshness = new Label();
        freshness.textProperty().bind(vm.freshnessProperty());
        freshness.getStyleClass().add(Styles.TEXT_MUTED);
        HBox status = new HBox(8, dot, connection, new Label("·"), freshness);
        status.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(header, xyz.cavos.wallet.ui.Messages.offline(vm.offlineNoteProperty(), "balances-offline"), wallet, table,
                xyz.cavos.wallet.ui.Messages.success(vm.tokenResultProperty(), "add-token-result"),
                xyz.cavos.wallet.ui.Messages.problem(vm.tokenProblemProperty(), "add-token-problem"), status);
    }

    private static Color colour(WalletModel.Connection state) {
        return switch (state) {
            case ONLINE -> Color.web("#1a7f37");
            case CONNECTING -> Color.web("#9a6700");
            case OFFLINE -> Color.web("#cf222e");
            case NO_SESSION -> Color.GRAY;
        };
    }

    private static TableColumn<BalancesViewModel.Row, String> column(String name,
            java.util.function.Function<BalancesViewModel.Row, String> value) {
        TableColumn<BalancesViewModel.Row, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new javafx.beans.property.SimpleStringProperty(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public ScreenLifecycle viewModel() {
        return vm;
    }
}
