package xyz.cavos.wallet.ui.activity;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import xyz.cavos.wallet.ui.AppShell;
import xyz.cavos.wallet.ui.HiddenAmounts;
import xyz.cavos.wallet.ui.Messages;
import xyz.cavos.wallet.ui.Popups;
import xyz.cavos.wallet.ui.ScreenLifecycle;
import xyz.cavos.wallet.ui.ScreenView;

/**
 * Activity: a table of the wallet's history, newest first, with local times (UTC in the tooltip), amounts in and
 * out, the other party, the status, and the transaction as a link to the network's explorer; a row's menu copies
 * the hash or the address. "Load more" reads older entries; the history can be saved as CSV or JSON.
 */
public final class ActivityView implements ScreenView {

    private final VBox root = new VBox(14);
    private final ActivityViewModel vm;
    private final Consumer<String> openLink;

    /** {@code openLink} opens an explorer page in the browser; {@code open} shows another screen (a problem's next step). */
    public ActivityView(ActivityViewModel vm, Consumer<String> openLink, Consumer<AppShell.Screen> open) {
        this.vm = vm;
        this.openLink = openLink;
        root.setPadding(new Insets(28));
        root.setMaxWidth(xyz.cavos.wallet.ui.Page.MAX_WIDTH);

        Label title = new Label("Activity");
        title.getStyleClass().add(Styles.TITLE_2);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressIndicator reading = new ProgressIndicator();
        reading.setId("activity-busy");
        reading.setPrefSize(22, 22);
        reading.visibleProperty().bind(vm.busyProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("activity-refresh");
        refresh.disableProperty().bind(vm.busyProperty());
        refresh.setOnAction(e -> vm.refresh());
        Button csv = new Button("Export CSV");
        csv.setId("activity-export-csv");
        csv.setOnAction(e -> export(ActivityViewModel.ExportFormat.CSV));
        Button json = new Button("Export JSON");
        json.setId("activity-export-json");
        json.setOnAction(e -> export(ActivityViewModel.ExportFormat.JSON));
        for (Button b : new Button[] {csv, json}) {
            b.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.rows()));
        }
        HBox header = new HBox(10, title, spacer, reading, refresh, csv, json);
        header.setAlignment(Pos.CENTER_LEFT);

        Label intro = new Label("Token transfers in and out of the wallet (fees too), this session's events, and the transactions sent"
                + " from this computer, newest first, back to when the session was registered.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        TableView<ActivityViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("activity");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ActivityViewModel.Row, ActivityViewModel.Row> time = column("Time", 150);
        time.setCellFactory(c -> textCell(ActivityViewModel.Row::time, ActivityViewModel.Row::timeInFull));
        TableColumn<ActivityViewModel.Row, ActivityViewModel.Row> what = column("What", 150);
        what.setCellFactory(c -> textCell(ActivityViewModel.Row::what, ActivityViewModel.Row::description));
        TableColumn<ActivityViewModel.Row, ActivityViewModel.Row> amount = column("Amount", 180);
        amount.setCellFactory(c -> {
            TableCell<ActivityViewModel.Row, ActivityViewModel.Row> cell = textCell(r -> HiddenAmounts.mask(vm.amountsHiddenProperty(), r.amount()),
                    r -> HiddenAmounts.mask(vm.amountsHiddenProperty(), r.amount()));
            cell.setAlignment(Pos.CENTER_RIGHT);
            return cell;
        });
        TableColumn<ActivityViewModel.Row, ActivityViewModel.Row> party = column("Counterparty", 125);
        party.setCellFactory(c -> textCell(r -> shortened(r.counterparty()), ActivityViewModel.Row::counterparty));
        TableColumn<ActivityViewModel.Row, ActivityViewModel.Row> status = column("Status", 85);
        status.setCellFactory(c -> textCell(ActivityViewModel.Row::status, r -> r.reason().isEmpty() ? r.status() : "Reverted: " + r.reason()));
        TableColumn<ActivityViewModel.Row, ActivityViewModel.Row> hash = column("Transaction", 140);
        hash.setCellFactory(c -> linkCell());
        table.getColumns().addAll(java.util.List.of(time, what, amount, party, status, hash));
        table.setRowFactory(t -> row());
        HiddenAmounts.redraw(table, vm.amountsHiddenProperty());
        Label empty = new Label();
        empty.textProperty().bind(vm.placeholderProperty());
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        // while the first page is read there is nothing to look at yet: the table says what it is waiting for
        org.controlsfx.control.MaskerPane firstPage = new org.controlsfx.control.MaskerPane();
        firstPage.setId("activity-reading");
        firstPage.textProperty().bind(vm.placeholderProperty());
        firstPage.visibleProperty().bind(vm.busyProperty().and(javafx.beans.binding.Bindings.isEmpty(vm.rows())));
        empty.visibleProperty().bind(firstPage.visibleProperty().not()); // said once, on the mask
        StackPane tableArea = new StackPane(table, firstPage);
        VBox.setVgrow(tableArea, Priority.ALWAYS);

        Button loadMore = new Button("Load more");
        loadMore.setId("activity-more");
        loadMore.disableProperty().bind(vm.busyProperty().or(vm.moreProperty().not()));
        loadMore.setOnAction(e -> vm.loadMore());
        Label end = new Label("That is everything since the session was registered.");
        end.setId("activity-end");
        end.getStyleClass().add(Styles.TEXT_MUTED);
        end.visibleProperty().bind(vm.moreProperty().not().and(vm.busyProperty().not())
                .and(javafx.beans.binding.Bindings.isNotEmpty(vm.rows())));
        HBox foot = new HBox(12, loadMore, end);
        foot.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(header, intro, Messages.problem(vm.problem(), "activity-problem", open),
                Messages.success(vm.resultProperty(), "activity-result"), tableArea, foot);
    }

    private static TableColumn<ActivityViewModel.Row, ActivityViewModel.Row> column(String name, double width) {
        TableColumn<ActivityViewModel.Row, ActivityViewModel.Row> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        column.setSortable(false);
        column.setPrefWidth(width);
        return column;
    }

    /** A cell with its text and, for what does not fit or says more, a tooltip. */
    private static TableCell<ActivityViewModel.Row, ActivityViewModel.Row> textCell(
            java.util.function.Function<ActivityViewModel.Row, String> text, java.util.function.Function<ActivityViewModel.Row, String> tip) {
        return new TableCell<>() {
            private String more = "";

            {
                Popups.cellTooltip(this, () -> more);
            }

            @Override
            protected void updateItem(ActivityViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
                more = empty || row == null ? "" : tip.apply(row);
                Popups.rowChanged(this, more);
            }
        };
    }

    /** The transaction's hash, shortened, as a link to the explorer; plain text where the network has none. */
    private TableCell<ActivityViewModel.Row, ActivityViewModel.Row> linkCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(ActivityViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null || row.hash().isEmpty()) {
                    setGraphic(null);
                    return;
                }
                if (row.link().isEmpty()) { // a network without an explorer: the hash, to copy from the row's menu
                    Label hash = new Label(shortened(row.hash()));
                    Popups.tooltip(hash, row.hash());
                    setGraphic(hash);
                    return;
                }
                Hyperlink link = new Hyperlink(shortened(row.hash()));
                Popups.tooltip(link, "Open in the explorer: " + row.hash());
                link.setOnAction(e -> {
                    link.setVisited(false);
                    openLink.accept(row.link());
                });
                setGraphic(link);
            }
        };
    }

    /** A row's menu: copy the hash or the address, open the explorer. */
    private TableRow<ActivityViewModel.Row> row() {
        TableRow<ActivityViewModel.Row> row = new TableRow<>();
        MenuItem copyHash = new MenuItem("Copy transaction hash");
        copyHash.setId("activity-copy-hash");
        copyHash.setOnAction(e -> copy(row.getItem().hash()));
        MenuItem copyParty = new MenuItem("Copy counterparty address");
        copyParty.setOnAction(e -> copy(row.getItem().counterparty()));
        MenuItem explorer = new MenuItem("Open in the explorer");
        explorer.setOnAction(e -> openLink.accept(row.getItem().link()));
        ContextMenu menu = new ContextMenu(copyHash, copyParty, explorer);
        menu.setOnShowing(e -> {
            ActivityViewModel.Row item = row.getItem();
            copyHash.setDisable(item == null || item.hash().isEmpty());
            copyParty.setDisable(item == null || item.counterparty().isEmpty());
            explorer.setDisable(item == null || item.link().isEmpty());
        });
        row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
        return row;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    /** 0x and the first and last four of the 64 digits, for a column; the whole in the tooltip. */
    static String shortened(String paddedHex) {
        return paddedHex.length() <= 16 ? paddedHex : paddedHex.substring(0, 6) + "…" + paddedHex.substring(paddedHex.length() - 4);
    }

    private void export(ActivityViewModel.ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the activity as " + format.label());
        chooser.setInitialFileName(vm.fileName(format));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label(), "*." + format.extension()));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            vm.exportTo(file.toPath(), format);
        }
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
