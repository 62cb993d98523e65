package xyz.cavos.wallet.ui.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import xyz.cavos.wallet.ui.AppShell;
import xyz.cavos.wallet.ui.Messages;
import xyz.cavos.wallet.ui.Page;
import xyz.cavos.wallet.ui.Popups;
import xyz.cavos.wallet.ui.ScreenLifecycle;
import xyz.cavos.wallet.ui.ScreenView;
import xyz.cavos.wallet.wallet.Network;

/** Settings: network, endpoints with their check, theme. */
public final class SettingsView implements ScreenView {

    private static final double ROW_HEIGHT = 32;

    private final Page page = new Page("Settings");
    private final SettingsViewModel vm;

    /** {@code open} shows another screen, for the link a problem's next step gets. */
    public SettingsView(SettingsViewModel vm, Consumer<AppShell.Screen> open) {
        this.vm = vm;
        // the endpoints and their check first: what a person comes here for; then the rarer choices
        page.column().getChildren().addAll(endpointsCard(open), networkCard(), new PaymasterCard(vm.paymaster()).root(), appearanceCard(),
                new PrivacyCard(new PrivacyViewModel(vm.lock())).root());
    }

    private Node networkCard() {
        ComboBox<Network> choice = new ComboBox<>(FXCollections.observableArrayList(Network.KNOWN));
        choice.setId("settings-default-network");
        choice.setPromptText("Not chosen");
        choice.setConverter(names());
        boolean[] updating = {false};
        vm.defaultNetworkProperty().subscribe(chosen -> {
            updating[0] = true;
            choice.setValue(chosen);
            updating[0] = false;
        });
        choice.setOnAction(e -> {
            if (!updating[0]) {
                vm.chooseNetwork(choice.getValue());
            }
        });
        Label explain = muted("Used for a session that does not say which network it is on.");
        Label session = new Label();
        session.setId("settings-session-network");
        session.textProperty().bind(vm.sessionNetworkProperty());
        session.managedProperty().bind(vm.sessionNetworkProperty().isNotEmpty());
        session.visibleProperty().bind(session.managedProperty());
        HBox row = new HBox(12, choice, explain);
        row.setAlignment(Pos.CENTER_LEFT);
        explain.setMinWidth(0);
        HBox.setHgrow(explain, Priority.ALWAYS);
        return card("Network", row, session);
    }

    private Node endpointsCard(Consumer<AppShell.Screen> open) {
        ToggleGroup networks = new ToggleGroup();
        HBox pills = new HBox();
        List<ToggleButton> buttons = new ArrayList<>();
        for (int i = 0; i < Network.KNOWN.size(); i++) {
            Network each = Network.KNOWN.get(i);
            ToggleButton pill = new ToggleButton(each.name());
            pill.setId("settings-network-" + each.name());
            pill.setToggleGroup(networks);
            pill.setUserData(each);
            pill.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == Network.KNOWN.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            pill.setFocusTraversable(true);
            buttons.add(pill);
            pills.getChildren().add(pill);
        }
        vm.networkProperty().subscribe(shown -> buttons.forEach(b -> b.setSelected(b.getUserData() == shown)));
        networks.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one network is always shown
            } else if (now.getUserData() != vm.networkProperty().get()) {
                vm.networkProperty().set((Network) now.getUserData());
            }
        });
        Label title = new Label("Endpoints");
        title.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, pills);
        header.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label();
        note.setId("settings-list-note");
        note.setWrapText(true);
        note.textProperty().bind(vm.listNoteProperty());
        note.getStyleClass().add(Styles.TEXT_MUTED);

        Label own = new Label();
        own.setId("settings-own-endpoint");
        own.setWrapText(true);
        own.textProperty().bind(vm.ownEndpointProperty());
        own.getStyleClass().add(Styles.TEXT_MUTED);
        own.managedProperty().bind(vm.ownEndpointProperty().isNotEmpty());
        own.visibleProperty().bind(own.managedProperty());

        ListView<SettingsViewModel.EndpointRow> list = new ListView<>(vm.endpoints());
        list.setId("settings-endpoints");
        list.setFixedCellSize(ROW_HEIGHT);
        list.prefHeightProperty().bind(Bindings.size(vm.endpoints()).multiply(ROW_HEIGHT).add(4));
        list.minHeightProperty().bind(list.prefHeightProperty());
        list.setCellFactory(view -> new EndpointCell());
        boolean[] selecting = {false};
        vm.selectedProperty().subscribe(at -> {
            selecting[0] = true;
            if (at.intValue() < 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(at.intValue());
            }
            selecting[0] = false;
        });
        vm.endpoints().addListener((ListChangeListener<SettingsViewModel.EndpointRow>) change -> {
            int at = vm.selectedProperty().get();
            if (at >= 0) {
                list.getSelectionModel().select(at);
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (!selecting[0]) {
                vm.select(now.intValue());
            }
        });

        Button up = button("Move up", "settings-move-up", "Try it earlier");
        up.disableProperty().bind(vm.canMoveUpProperty().not());
        up.setOnAction(e -> vm.moveUp());
        Button down = button("Move down", "settings-move-down", "Try it later");
        down.disableProperty().bind(vm.canMoveDownProperty().not());
        down.setOnAction(e -> vm.moveDown());
        Button remove = button("Remove", "settings-remove", "Take it off the list");
        remove.disableProperty().bind(vm.canRemoveProperty().not());
        remove.setOnAction(e -> vm.remove());
        Button reset = button("Reset to defaults", "settings-reset", "Forget this list and use the network's defaults");
        reset.disableProperty().bind(vm.usesDefaultsProperty().or(vm.busyProperty()));
        reset.setOnAction(e -> vm.reset());
        Region push = new Region();
        HBox.setHgrow(push, Priority.ALWAYS);
        HBox actions = new HBox(8, up, down, remove, push, reset);
        actions.setAlignment(Pos.CENTER_LEFT);

        TextField url = new TextField();
        url.setId("settings-new-url");
        url.setPromptText("https://… (an endpoint speaking JSON-RPC 0.10)");
        url.textProperty().bindBidirectional(vm.newUrlProperty());
        url.setOnAction(e -> vm.add());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button add = button("Add", "settings-add", "Add it at the end of the list");
        add.disableProperty().bind(vm.newUrlProperty().isEmpty().or(vm.busyProperty()));
        add.setOnAction(e -> vm.add());
        HBox adding = new HBox(8, url, add);
        adding.setAlignment(Pos.CENTER_LEFT);
        Popups.tooltip(url, "An address with an API key in it is kept in your keychain; only its host is shown here.");

        Node check = checkRow();
        VBox.setMargin(check, new Insets(6, 0, 0, 0));
        VBox card = new VBox(8, header, note, own, list, actions, adding, Messages.problem(vm.addErrorProperty(), "settings-add-error"),
                Messages.problem(vm.problem(), "settings-problem", open), check, results());
        card.setPadding(new Insets(16));
        card.getStyleClass().add("card-panel");
        return card;
    }

    /** An endpoint: its place, how it is shown, and whether it is a default or kept in the keychain. */
    private static final class EndpointCell extends ListCell<SettingsViewModel.EndpointRow> {
        @Override
        protected void updateItem(SettingsViewModel.EndpointRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label place = new Label(String.valueOf(row.index() + 1));
            place.getStyleClass().add(Styles.TEXT_MUTED);
            place.setMinWidth(18);
            Label shown = new Label(row.shown());
            shown.getStyleClass().add("mono");
            shown.setMinWidth(0);
            Popups.tooltip(shown, row.shown());
            HBox line = new HBox(10, place, shown);
            line.setAlignment(Pos.CENTER_LEFT);
            if (row.builtIn()) {
                line.getChildren().add(tag("default", "endpoint-default"));
            }
            if (row.inKeychain()) {
                line.getChildren().add(tag("key kept in keychain", "endpoint-keychain"));
            }
            setText(null);
            setGraphic(line);
        }

        private static Label tag(String text, String style) {
            Label tag = new Label(text);
            tag.getStyleClass().addAll("endpoint-tag", style);
            tag.setMinWidth(Region.USE_PREF_SIZE);
            return tag;
        }
    }

    private Node checkRow() {
        Button check = new Button("Check endpoints");
        check.setId("settings-check");
        check.getStyleClass().add(Styles.ACCENT);
        Popups.tooltip(check, "Asks every endpoint of the list, all at once, which chain it serves, its JSON-RPC version, "
                + "how fast it answers, and whether it takes batched requests and the pre_confirmed block");
        check.disableProperty().bind(vm.checkingProperty().or(Bindings.isEmpty(vm.endpoints())));
        check.setOnAction(e -> vm.check());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("settings-checking");
        spinner.setPrefSize(20, 20);
        spinner.setMaxSize(20, 20);
        spinner.visibleProperty().bind(vm.checkingProperty());
        spinner.managedProperty().bind(vm.checkingProperty());
        Label summary = new Label();
        summary.setId("settings-check-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.checkSummaryProperty());
        HBox actions = new HBox(12, check, spinner, summary);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    private Node results() {
        GridPane results = new GridPane(12, 6);
        results.setId("settings-results");
        vm.results().addListener((ListChangeListener<SettingsViewModel.CheckRow>) change -> showResults(results));
        showResults(results);
        return results;
    }

    private static final String[] HEADINGS = {"", "Endpoint", "Chain", "Spec", "Latency", "Batches", "pre_confirmed"};

    private void showResults(GridPane grid) {
        grid.getChildren().clear();
        if (vm.results().isEmpty()) {
            grid.setManaged(false);
            grid.setVisible(false);
            return;
        }
        grid.setManaged(true);
        grid.setVisible(true);
        for (int c = 0; c < HEADINGS.length; c++) {
            Label heading = new Label(HEADINGS[c]);
            heading.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            heading.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(heading, c, 0);
        }
        int line = 1;
        for (SettingsViewModel.CheckRow row : vm.results()) {
            Label verdict = new Label(row.verdict());
            verdict.setId("settings-verdict-" + row.position());
            verdict.getStyleClass().addAll("state-badge", switch (row.tone()) {
                case GOOD -> "state-good";
                case WARN -> "state-warn";
                case BAD -> "state-bad";
            });
            verdict.setMinWidth(Region.USE_PREF_SIZE);
            // the list above shows the endpoints in monospace; here the proportional font leaves the facts room
            Label endpoint = new Label(row.position() + "  " + row.endpoint());
            endpoint.setMinWidth(0);
            Popups.tooltip(endpoint, row.endpoint());
            GridPane.setHgrow(endpoint, Priority.ALWAYS);
            grid.add(verdict, 0, line);
            grid.add(endpoint, 1, line);
            String[] facts = {row.chain(), row.spec(), row.latency(), row.batches(), row.preConfirmed()};
            for (int f = 0; f < facts.length; f++) {
                Label fact = new Label(facts[f]);
                fact.setMinWidth(Region.USE_PREF_SIZE);
                grid.add(fact, 2 + f, line);
            }
            line++;
            if (!row.problem().isEmpty()) {
                Label problem = new Label(row.problem());
                problem.setId("settings-problem-" + row.position());
                problem.setWrapText(true);
                problem.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                problem.setMinHeight(Region.USE_PREF_SIZE);
                grid.add(problem, 1, line++, HEADINGS.length - 1, 1);
            }
        }
    }

    private Node appearanceCard() {
        ToggleSwitch dark = new ToggleSwitch("Dark theme");
        dark.setId("settings-dark");
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        return card("Appearance", dark, muted("Ctrl+D switches it from any screen."));
    }

    private static VBox card(String heading, Node... body) {
        Label title = new Label(heading);
        title.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(10, title);
        card.getChildren().addAll(body);
        card.setPadding(new Insets(16));
        card.getStyleClass().add("card-panel");
        return card;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static Button button(String text, String id, String tip) {
        Button button = new Button(text);
        button.setId(id);
        Popups.tooltip(button, tip);
        return button;
    }

    private static StringConverter<Network> names() {
        return new StringConverter<>() {
            @Override
            public String toString(Network network) {
                return network == null ? "" : network.name();
            }

            @Override
            public Network fromString(String text) {
                return Network.byName(text).orElse(null);
            }
        };
    }

    @Override
    public Node root() {
        return page.root();
    }

    @Override
    public ScreenLifecycle viewModel() {
        return vm;
    }
}
