package xyz.cavos.wallet.ui.importsession;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import xyz.cavos.wallet.ui.Deferred;
import xyz.cavos.wallet.ui.ScreenLifecycle;
import xyz.cavos.wallet.ui.ScreenView;

/** Import Session: controls, layout and bindings; every decision is the view-model's. */
public final class ImportView implements ScreenView {

    private final VBox root = new VBox(16);

    private final ImportViewModel vm;

    public ImportView(ImportViewModel vm) {
        this.vm = vm;
        root.setPadding(new Insets(28));
        root.setMaxWidth(xyz.cavos.wallet.ui.Page.MAX_WIDTH);

        Label title = new Label("Import a session");
        title.getStyleClass().add(Styles.TITLE_2);
        Label lead = new Label("Paste the session token you exported from the Cavos dashboard (Settings → Sessions → Export for CLI)."
                + " It is checked here, and stored in your operating system's keychain, never in a file.");
        lead.setWrapText(true);
        lead.getStyleClass().add(Styles.TEXT_MUTED);

        PasswordField hidden = new PasswordField();
        TextField shown = new TextField();
        hidden.setId("token-field");
        shown.setId("token-field-shown");
        hidden.setPromptText("eyJzZXNzaW9uUHJpdmF0ZUtleSI6…");
        shown.setPromptText("eyJzZXNzaW9uUHJpdmF0ZUtleSI6…");
        hidden.textProperty().bindBidirectional(vm.tokenTextProperty());
        shown.textProperty().bindBidirectional(vm.tokenTextProperty());
        ToggleButton reveal = new ToggleButton("Show");
        reveal.setId("reveal");
        hidden.visibleProperty().bind(reveal.selectedProperty().not());
        reveal.selectedProperty().subscribe(on -> reveal.setText(on ? "Hide" : "Show"));
        Button paste = new Button("Paste");
        paste.setOnAction(e -> {
            String text = Clipboard.getSystemClipboard().getString();
            if (text != null) {
                vm.tokenTextProperty().set(text);
            }
        });
        StackPane field = new StackPane(hidden, Deferred.part(reveal.selectedProperty(), () -> shown));
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox input = new HBox(8, field, reveal, paste);
        input.setOnDragOver(e -> {
            if (e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        input.setOnDragDropped(e -> {
            vm.tokenTextProperty().set(e.getDragboard().getString());
            e.setDropCompleted(true);
            e.consume();
        });

        Label error = new Label();
        error.setId("token-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        Node preview = Deferred.part(vm.validProperty(), () -> preview(vm));

        VBox warnings = new VBox(4);
        warnings.setId("warnings");
        vm.warnings().addListener((javafx.collections.ListChangeListener<String>) c -> {
            warnings.getChildren().setAll(vm.warnings().stream().map(w -> {
                Label l = new Label("⚠ " + w + " Prefer least privilege: limit what a session may spend and call.");
                l.setWrapText(true);
                l.getStyleClass().add(Styles.WARNING);
                return (Node) l;
            }).toList());
        });

        Button importButton = new Button("Import");
        importButton.setId("import");
        importButton.setDefaultButton(true);
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        importButton.setOnAction(e -> vm.importToken());
        Button sandbox = new Button("Try the sandbox");
        sandbox.setId("try-sandbox");
        sandbox.disableProperty().bind(vm.busyProperty());
        sandbox.setOnAction(e -> vm.trySandbox());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(vm.busyProperty());
        Label result = new Label();
        result.setId("import-result");
        result.textProperty().bind(vm.resultProperty());
        HBox actions = new HBox(12, importButton, sandbox, spinner, result);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label sandboxNote = new Label();
        sandboxNote.textProperty().bind(vm.anySessionProperty().map(any -> any
                ? "A session imported here is kept beside the ones you have; switch between them in the sidebar. The sandbox is a"
                        + " Starknet node on this computer with a funded demo wallet: nothing real is at stake."
                : "No session yet? The sandbox is a Starknet node on this computer with a funded demo wallet:"
                        + " nothing real is at stake."));
        sandboxNote.setWrapText(true);
        sandboxNote.getStyleClass().add(Styles.TEXT_MUTED);

        root.getChildren().addAll(title, lead, input, error, preview, warnings, actions, sandboxNote);
    }

    /** What the pasted token holds, shown once it reads as a token. */
    private static GridPane preview(ImportViewModel vm) {
        GridPane preview = new GridPane(16, 8);
        preview.setId("preview");
        preview.addRow(0, caption("Wallet"), value(vm.walletAddressProperty(), "preview-wallet"));
        preview.addRow(1, caption("Network"), value(vm.networkProperty(), "preview-network"));
        preview.addRow(2, caption("Valid until"), value(vm.expiryProperty(), "preview-expiry"));
        // the token's copy: the policy the chain enforces is what Policy usage shows once the session is connected
        preview.addRow(3, caption("Policy as exported"), value(vm.policySummaryProperty(), "preview-policy"));
        preview.getStyleClass().add("preview-card");
        preview.setPadding(new Insets(16));
        return preview;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static Label value(javafx.beans.value.ObservableStringValue text, String id) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        return label;
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
