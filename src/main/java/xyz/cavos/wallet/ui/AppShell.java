package xyz.cavos.wallet.ui;

import atlantafx.base.theme.Styles;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import xyz.cavos.wallet.ui.balances.BalancesView;
import xyz.cavos.wallet.ui.balances.BalancesViewModel;
import xyz.cavos.wallet.ui.importsession.ImportView;
import xyz.cavos.wallet.ui.importsession.ImportViewModel;
import xyz.cavos.wallet.ui.transfer.TransferView;
import xyz.cavos.wallet.ui.transfer.TransferViewModel;

/** The window's frame: sidebar navigation, the current screen, a status bar with network, block and session state. */
public final class AppShell {

    /** The screens, in sidebar order. */
    public enum Screen { IMPORT, BALANCES, TRANSFER }

    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<Screen, Node> views = new LinkedHashMap<>();
    private final Map<Screen, ToggleButton> buttons = new LinkedHashMap<>();
    private final ToggleGroup navigation = new ToggleGroup();

    public AppShell(WalletModel model) {
        ImportViewModel importVm = new ImportViewModel(model);
        views.put(Screen.IMPORT, new ImportView(importVm).root());
        views.put(Screen.BALANCES, new BalancesView(new BalancesViewModel(model)).root());
        views.put(Screen.TRANSFER, new TransferView(new TransferViewModel(model)).root());
        importVm.importedProperty().addListener((obs, old, done) -> {
            if (done) {
                show(Screen.BALANCES);
            }
        });

        Label brand = new Label("Cavos Desktop");
        brand.getStyleClass().addAll(Styles.TITLE_4);
        VBox sidebar = new VBox(6, brand);
        sidebar.setPadding(new Insets(20, 12, 20, 12));
        sidebar.setPrefWidth(200);
        sidebar.getStyleClass().add("sidebar");
        addButton(sidebar, Screen.IMPORT, "Import session", "nav-import");
        addButton(sidebar, Screen.BALANCES, "Balances", "nav-balances");
        addButton(sidebar, Screen.TRANSFER, "Transfer", "nav-transfer");
        buttons.get(Screen.BALANCES).disableProperty().bind(model.walletProperty().isNull());
        buttons.get(Screen.TRANSFER).disableProperty().bind(model.walletProperty().isNull());

        Label network = new Label();
        network.setId("status-network");
        network.textProperty().bind(model.connectionDetailProperty());
        Label session = new Label();
        session.setId("status-session");
        model.statusProperty().addListener((obs, old, status) -> session.setText(status == null ? "" : "Session: " + status.state().label()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusBar = new HBox(16, network, spacer, session);
        statusBar.setPadding(new Insets(6, 16, 6, 16));
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");

        root.getStylesheets().add(AppShell.class.getResource("app.css").toExternalForm());
        root.setLeft(sidebar);
        root.setCenter(content);
        root.setBottom(statusBar);
        show(Screen.IMPORT);
    }

    private void addButton(VBox sidebar, Screen screen, String text, String id) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setToggleGroup(navigation);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().add(Styles.FLAT);
        button.setOnAction(e -> show(screen));
        buttons.put(screen, button);
        sidebar.getChildren().add(button);
    }

    public void show(Screen screen) {
        content.getChildren().setAll(views.get(screen));
        buttons.get(screen).setSelected(true);
    }

    public BorderPane root() {
        return root;
    }
}
