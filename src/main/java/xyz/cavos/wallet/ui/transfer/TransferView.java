package xyz.cavos.wallet.ui.transfer;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.ui.AppShell;
import xyz.cavos.wallet.ui.Format;
import xyz.cavos.wallet.ui.Messages;
import xyz.cavos.wallet.ui.Popups;
import xyz.cavos.wallet.ui.ScreenLifecycle;
import xyz.cavos.wallet.ui.ScreenView;

/** Transfer: the form, the progress and the result; the view-model asks for the confirmation. */
public final class TransferView implements ScreenView {

    private final VBox root = new VBox(16);
    private final TransferViewModel vm;
    private final ValidationSupport checks = new ValidationSupport();

    /** {@code open} shows another screen, for the link a problem's next step gets. */
    public TransferView(TransferViewModel vm, Consumer<AppShell.Screen> open) {
        this.vm = vm;
        root.setPadding(new Insets(28));
        root.setMaxWidth(xyz.cavos.wallet.ui.Page.MAX_WIDTH);
        root.setId("transfer-page");
        Label title = new Label("Transfer");
        title.getStyleClass().add(Styles.TITLE_2);

        ComboBox<Token> token = new ComboBox<>(vm.tokens());
        token.setId("transfer-token");
        token.valueProperty().bindBidirectional(vm.tokenProperty());
        token.setConverter(new StringConverter<>() {
            @Override
            public String toString(Token t) {
                return t == null ? "" : t.symbol() + " · " + t.name();
            }

            @Override
            public Token fromString(String text) {
                return null;
            }
        });
        TextField recipient = new TextField();
        recipient.setId("transfer-recipient");
        recipient.setPromptText("0x… address, or a contact's name");
        recipient.textProperty().bindBidirectional(vm.recipientProperty());
        TextField amount = new TextField();
        amount.setId("transfer-amount");
        amount.setPromptText("e.g. 1.5");
        amount.textProperty().bindBidirectional(vm.amountProperty());
        Button max = new Button("Max");
        max.setId("transfer-max");
        max.setOnAction(e -> vm.max());
        max.disableProperty().bind(vm.canMaxProperty().not());
        Popups.tooltip(max, "The most that can be sent: the balance (less a little STRK for the fee),"
                + " within the session's spending limit. Off when nothing can be sent.");

        GridPane form = new GridPane(12, 6);
        // the names keep their width whatever a message beside them says; the messages wrap instead
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        form.getColumnConstraints().addAll(names, values);
        form.addRow(0, new Label("Token"), token);
        MenuButton chooser = new MenuButton("Contacts");
        chooser.setId("transfer-contacts");
        chooser.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // its name is never cut to "Co…"
        Popups.tooltip(chooser, "Your contacts and the addresses you sent to recently");
        chooser.setOnShowing(e -> {
            chooser.getItems().clear();
            if (vm.choices().isEmpty()) {
                MenuItem none = new MenuItem("No contacts or recent recipients yet");
                none.setDisable(true);
                chooser.getItems().add(none);
            }
            for (TransferViewModel.Choice choice : vm.choices()) {
                MenuItem item = new MenuItem(choice.label() + "  ·  " + Format.shortAddress(choice.address()));
                item.setOnAction(x -> vm.choose(choice));
                chooser.getItems().add(item);
            }
        });
        Button save = new Button("Save as contact…");
        save.setId("transfer-save-contact");
        save.getStyleClass().add(Styles.FLAT);
        save.disableProperty().bind(vm.recipientNameProperty().isNotEmpty().or(vm.recipientErrorProperty().isNotEmpty())
                .or(vm.recipientProperty().isEmpty()));
        save.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog();
            ask.setTitle("Save contact");
            ask.setHeaderText("A name for " + vm.recipientProperty().get().strip());
            ask.getDialogPane().setId("save-contact-dialog");
            if (root.getScene() != null) {
                ask.initOwner(root.getScene().getWindow());
            }
            ask.showAndWait().map(String::strip).filter(name -> !name.isEmpty()).ifPresent(vm::saveContact);
        });
        HBox.setHgrow(recipient, Priority.ALWAYS);
        form.addRow(1, new Label("Recipient"), new HBox(8, recipient, chooser));
        Label name = new Label();
        name.setId("transfer-recipient-name");
        name.textProperty().bind(vm.recipientNameProperty());
        name.getStyleClass().add(Styles.SUCCESS);
        HBox nameRow = new HBox(12, name, save);
        nameRow.setAlignment(Pos.CENTER_LEFT);
        form.add(new VBox(2, Messages.problem(vm.recipientErrorProperty(), "transfer-recipient-error"), nameRow,
                Messages.problem(vm.bookProblemProperty(), "transfer-book-problem")), 1, 2);
        form.addRow(3, new Label("Amount"), new HBox(8, amount, max));
        form.add(Messages.problem(xyz.cavos.wallet.ui.HiddenAmounts.masked(vm.amountErrorProperty(), vm.amountsHiddenProperty()),
                "transfer-amount-error"), 1, 4);
        Label available = new Label();
        available.setId("transfer-available");
        available.setWrapText(true);
        available.textProperty().bind(xyz.cavos.wallet.ui.HiddenAmounts.masked(vm.availableProperty(), vm.amountsHiddenProperty()));
        available.getStyleClass().add(Styles.TEXT_MUTED);
        form.add(available, 1, 5);
        recipient.setPrefColumnCount(44);
        Label fee = new Label();
        fee.setId("transfer-fee");
        fee.textProperty().bind(xyz.cavos.wallet.ui.HiddenAmounts.masked(Bindings.when(vm.feeProperty().isEmpty())
                .then("Estimated when you review the transfer").otherwise(vm.feeProperty()), vm.amountsHiddenProperty()));
        Label limitAfter = new Label();
        limitAfter.setId("transfer-limit-after");
        limitAfter.textProperty().bind(xyz.cavos.wallet.ui.HiddenAmounts.masked(Bindings.when(vm.limitAfterProperty().isEmpty()).then("—")
                .otherwise(Bindings.concat(vm.limitAfterProperty(), " after this transfer")), vm.amountsHiddenProperty()));
        Node payment = xyz.cavos.wallet.ui.FeeSelector.of(vm.feeSelection(), "transfer");
        fee.setWrapText(true);
        form.addRow(6, new Label("Fee"), new VBox(6, payment, fee));
        form.addRow(7, new Label("Limit"), limitAfter);
        form.setPadding(new Insets(16));
        form.getStyleClass().add("card-panel");

        Button review = new Button("Review transfer");
        review.setId("transfer-review");
        review.getStyleClass().add(Styles.ACCENT);
        review.setDefaultButton(true);
        review.disableProperty().bind(vm.canReviewProperty().not().or(Bindings.createBooleanBinding(
                () -> vm.stageProperty().get() == TransferViewModel.Stage.REVIEWING || vm.stageProperty().get() == TransferViewModel.Stage.SENDING
                        || vm.stageProperty().get() == TransferViewModel.Stage.SUBMITTED, vm.stageProperty())));
        review.setOnAction(e -> vm.review());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(Bindings.createBooleanBinding(() -> switch (vm.stageProperty().get()) {
            case REVIEWING, SENDING, SUBMITTED -> true;
            default -> false;
        }, vm.stageProperty()));
        Label progress = new Label();
        progress.setId("transfer-progress");
        progress.textProperty().bind(xyz.cavos.wallet.ui.HiddenAmounts.masked(vm.progressProperty(), vm.amountsHiddenProperty()));
        HBox actions = new HBox(12, review, spinner, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox problem = Messages.problem(vm.problem(), "transfer-problem", open);
        Label hash = new Label();
        hash.setId("transfer-hash");
        hash.textProperty().bind(Bindings.when(vm.transactionHashProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("Transaction ", vm.transactionHashProperty())));
        hash.setStyle("-fx-font-family: monospace;");
        Label link = new Label();
        link.textProperty().bind(vm.explorerLinkProperty());
        link.getStyleClass().add(Styles.TEXT_MUTED);

        decorate(recipient, vm.recipientErrorProperty());
        decorate(amount, vm.amountErrorProperty());
        root.getChildren().addAll(title, Messages.offline(vm.offlineNoteProperty(), "transfer-offline"), form, actions, problem, hash, link);
    }

    /**
     * Marks a field whose value the view-model refuses, as it is typed (the message itself stands under the field). The
     * view-model's verdict is the only rule: it is read again whenever it changes, also when the balance or the limit
     * changed and the text did not.
     */
    private void decorate(javafx.scene.control.Control field, javafx.beans.value.ObservableStringValue error) {
        checks.registerValidator(field, false, (javafx.scene.control.Control c, String text) ->
                ValidationResult.fromErrorIf(c, error.get(), !error.get().isEmpty()));
        error.addListener((obs, old, now) -> checks.revalidate(field));
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
