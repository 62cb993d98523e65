package xyz.cavos.wallet.ui.settings;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import xyz.cavos.wallet.ui.Messages;

/** Settings' "Paymaster" card: its address and API key, for transfers whose fee is sponsored or paid in a token. */
final class PaymasterCard {

    private final VBox root;

    PaymasterCard(PaymasterViewModel vm) {
        Label title = new Label("Paymaster");
        title.getStyleClass().add(Styles.TITLE_4);
        Label status = new Label();
        status.setId("paymaster-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        TextField url = new TextField();
        url.setId("paymaster-url");
        url.setPromptText("https://… (a SNIP-29 paymaster)");
        url.textProperty().bindBidirectional(vm.urlProperty());
        PasswordField key = new PasswordField();
        key.setId("paymaster-api-key");
        key.setPromptText("API key, if it needs one (kept in the keychain)");
        key.textProperty().bindBidirectional(vm.apiKeyProperty());
        GridPane fields = new GridPane(12, 8);
        fields.addRow(0, new Label("Address"), url);
        fields.addRow(1, new Label("API key"), key);
        GridPane.setHgrow(url, Priority.ALWAYS);
        GridPane.setHgrow(key, Priority.ALWAYS);

        Button save = new Button("Save");
        save.setId("paymaster-save");
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busyProperty().or(vm.urlProperty().isEmpty()));
        Button remove = new Button("Remove paymaster");
        remove.setId("paymaster-remove");
        remove.setOnAction(e -> vm.remove());
        remove.disableProperty().bind(vm.busyProperty().or(vm.setProperty().not()));
        HBox actions = new HBox(8, save, remove);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label("With a paymaster, Transfer offers two more ways to pay the fee: sponsored (the paymaster pays) or in a"
                + " token the session may move, such as USDC. What the paymaster prepares is checked against your transfer before"
                + " anything is signed, and when it refuses, nothing is paid in STRK instead unless you choose to.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);

        root = new VBox(10, title, status, fields, actions, Messages.success(vm.resultProperty(), "paymaster-result"),
                Messages.problem(vm.errorProperty(), "paymaster-error"), note);
        root.setId("settings-paymaster");
        root.setPadding(new Insets(16));
        root.getStyleClass().add("card-panel");
        vm.load();
    }

    Node root() {
        return root;
    }
}
