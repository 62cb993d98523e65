package xyz.cavos.wallet.ui.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import xyz.cavos.wallet.ui.Messages;
import xyz.cavos.wallet.ui.lock.PrivacySettings;

/**
 * Settings' "Lock and privacy" card: the app passphrase, the idle time, what the lock covers, Hide amounts, and whether
 * notices go to the desktop's notifications.
 */
final class PrivacyCard {

    private final VBox root;

    PrivacyCard(PrivacyViewModel vm) {
        Label title = new Label("Lock and privacy");
        title.getStyleClass().add(Styles.TITLE_4);
        Label status = new Label();
        status.setId("lock-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        PasswordField current = field("lock-current", "Current passphrase", vm.currentProperty());
        PasswordField next = field("lock-new", "New passphrase", vm.nextProperty());
        PasswordField repeat = field("lock-repeat", "The new passphrase again", vm.repeatProperty());
        Label currentName = new Label("Current passphrase");
        GridPane fields = new GridPane(12, 8);
        fields.addRow(0, currentName, current);
        fields.addRow(1, new Label("New passphrase"), next);
        fields.addRow(2, new Label("Repeat it"), repeat);
        for (Node shownWhenSet : new Node[] {currentName, current}) {
            shownWhenSet.visibleProperty().bind(vm.passphraseSetProperty());
            shownWhenSet.managedProperty().bind(vm.passphraseSetProperty());
        }

        Button save = new Button();
        save.setId("lock-save");
        save.textProperty().bind(javafx.beans.binding.Bindings.when(vm.passphraseSetProperty())
                .then("Change passphrase").otherwise("Set passphrase"));
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busyProperty());
        next.setOnAction(e -> vm.save());
        repeat.setOnAction(e -> vm.save());
        Button remove = new Button("Remove passphrase");
        remove.setId("lock-remove");
        remove.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        remove.setOnAction(e -> vm.remove());
        remove.disableProperty().bind(vm.busyProperty());
        remove.visibleProperty().bind(vm.passphraseSetProperty());
        remove.managedProperty().bind(vm.passphraseSetProperty());
        HBox actions = new HBox(8, save, remove);
        actions.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Integer> idle = new ComboBox<>(FXCollections.observableArrayList(PrivacySettings.IDLE_CHOICES));
        idle.setId("lock-idle");
        idle.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer minutes) {
                return minutes == null ? "" : PrivacyViewModel.idleName(minutes);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        vm.idleMinutesProperty().subscribe(minutes -> idle.setValue(minutes.intValue()));
        idle.setOnAction(e -> {
            if (idle.getValue() != null) {
                vm.chooseIdle(idle.getValue());
            }
        });
        idle.disableProperty().bind(vm.passphraseSetProperty().not());
        Label idleName = new Label("Lock after");
        Label idleNote = muted("without a key or mouse event in the window");
        HBox idleRow = new HBox(10, idleName, idle, idleNote);
        idleRow.setAlignment(Pos.CENTER_LEFT);

        ToggleSwitch hide = new ToggleSwitch("Hide amounts");
        hide.setId("settings-hide-amounts");
        hide.selectedProperty().bindBidirectional(vm.hideAmountsProperty());

        ToggleSwitch desktop = new ToggleSwitch("Notifications on the desktop");
        desktop.setId("settings-desktop-notifications");
        desktop.selectedProperty().bindBidirectional(vm.desktopNotificationsProperty());

        root = new VBox(10, title, status, fields, actions,
                Messages.success(vm.resultProperty(), "lock-result"), Messages.problem(vm.errorProperty(), "lock-error"),
                idleRow, muted(PrivacyViewModel.SCOPE), new Separator(), hide,
                muted("Balances, the amount available to send, spending limits and activity show ••• instead of figures. "
                        + "Ctrl+H switches it from any screen."),
                desktop, muted("Notices also appear among the desktop's notifications while the window is not in front, where anyone"
                        + " at the screen can read them. Off: they show in this window only."),
                Messages.problem(vm.problemProperty(), "lock-problem"));
        root.setId("settings-privacy");
        root.setPadding(new Insets(16));
        root.getStyleClass().add("card-panel");
    }

    private static PasswordField field(String id, String prompt, javafx.beans.property.StringProperty text) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(24);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    Node root() {
        return root;
    }
}
