package xyz.cavos.wallet.ui.session;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import xyz.cavos.wallet.ui.AppShell;
import xyz.cavos.wallet.ui.Messages;
import xyz.cavos.wallet.ui.Page;
import xyz.cavos.wallet.ui.ScreenLifecycle;
import xyz.cavos.wallet.ui.ScreenView;
import xyz.cavos.wallet.wallet.SessionState;

/** Session status: the countdown, what the state means, the session's dates, and renew / revoke / remove. */
public final class SessionView implements ScreenView {

    private static final String[] STATE_STYLES = {"state-good", "state-warn", "state-bad", "state-none"};

    private static final javafx.css.PseudoClass STALE = javafx.css.PseudoClass.getPseudoClass("stale");
    private final Page page = new Page("Session");
    private final SessionViewModel vm;

    /** {@code open} shows another screen, for the link a problem's next step gets. */
    public SessionView(SessionViewModel vm, Consumer<AppShell.Screen> open) {
        this.vm = vm;
        ObservableStringValue offlineNote = vm.offlineNoteProperty();
        Label state = new Label();
        state.setId("session-state");
        state.textProperty().bind(vm.stateLabelProperty());
        state.getStyleClass().add("state-badge");
        vm.stateProperty().addListener((obs, old, now) -> styleState(state, now));
        styleState(state, vm.stateProperty().get());
        Label countdown = new Label();
        countdown.setId("session-countdown");
        countdown.textProperty().bind(vm.countdownProperty());
        countdown.getStyleClass().add("countdown");
        // read before the node stopped answering: the countdown runs on, dimmed, as an estimate
        offlineNote.subscribe(note -> countdown.pseudoClassStateChanged(STALE, !note.isEmpty()));
        Label caption = new Label();
        caption.textProperty().bind(vm.countdownCaptionProperty());
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        HBox clock = new HBox(14, countdown, caption);
        clock.setAlignment(Pos.BASELINE_LEFT);
        Label explanation = new Label();
        explanation.setId("session-explanation");
        explanation.textProperty().bind(vm.explanationProperty());
        explanation.setWrapText(true);
        VBox hero = new VBox(10, state, clock, explanation);
        hero.setPadding(new Insets(20));
        hero.getStyleClass().add("card-panel");

        GridPane details = new GridPane(18, 8);
        details.setPadding(new Insets(16));
        details.getStyleClass().add("card-panel");
        row(details, 0, "Valid from", vm.validFromProperty(), "session-valid-from");
        row(details, 1, "Valid until", vm.validUntilProperty(), "session-valid-until");
        row(details, 2, "Renewal deadline", vm.renewalDeadlineProperty(), "session-renewal-deadline");
        row(details, 3, "Chain time", vm.chainTimeProperty(), "session-chain-time");
        row(details, 4, "Session public key", vm.sessionKeyProperty(), "session-key");
        row(details, 5, "Calls", vm.callsMadeProperty(), "session-calls");

        Button renew = new Button("Renew session");
        renew.setId("session-renew");
        renew.getStyleClass().add(Styles.ACCENT);
        renew.managedProperty().bind(vm.renewableProperty());
        renew.visibleProperty().bind(vm.renewableProperty());
        renew.disableProperty().bind(vm.busyProperty());
        renew.setOnAction(e -> vm.renew());
        Button revoke = new Button("Revoke this session…");
        revoke.setId("session-revoke");
        revoke.getStyleClass().add(Styles.DANGER);
        revoke.disableProperty().bind(vm.revocableProperty().not().or(vm.busyProperty()));
        revoke.setOnAction(e -> vm.revoke());
        Button revokeAll = new Button("Revoke all sessions…");
        revokeAll.setId("session-revoke-all");
        revokeAll.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        revokeAll.disableProperty().bind(vm.revocableProperty().not().or(vm.busyProperty()));
        revokeAll.setOnAction(e -> vm.revokeAll());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button forget = new Button("Remove from this device…");
        forget.setId("session-forget");
        forget.getStyleClass().add(Styles.FLAT);
        forget.disableProperty().bind(vm.busyProperty().or(vm.presentProperty().not()));
        forget.setOnAction(e -> vm.forget());
        HBox actions = new HBox(10, renew, revoke, revokeAll, spacer, forget);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label feeCaption = new Label("Fee");
        feeCaption.getStyleClass().add(Styles.TEXT_MUTED);
        Label feeNote = new Label("A renewal can be sponsored but not paid in a token: the account lets an expired session sign only"
                + " the renewal itself.");
        feeNote.getStyleClass().add(Styles.TEXT_MUTED);
        feeNote.setWrapText(true);
        feeNote.visibleProperty().bind(vm.renewableProperty().and(vm.feeSelection().choiceProperty()
                .isEqualTo(xyz.cavos.wallet.ui.FeeChoice.TOKEN)));
        feeNote.managedProperty().bind(feeNote.visibleProperty());
        HBox payer = new HBox(10, feeCaption, xyz.cavos.wallet.ui.FeeSelector.of(vm.feeSelection(), "session"));
        payer.setAlignment(Pos.CENTER_LEFT);
        payer.visibleProperty().bind(vm.feeSelection().paymasterSetProperty().or(vm.feeSelection().problemProperty().isNotEmpty()));
        payer.managedProperty().bind(payer.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(vm.busyProperty());
        Label progress = new Label();
        progress.setId("session-progress");
        progress.textProperty().bind(vm.progressProperty());
        HBox working = new HBox(10, spinner, progress);
        working.setAlignment(Pos.CENTER_LEFT);

        page.column().getChildren().addAll(Messages.offline(offlineNote, "session-offline"), hero, details, payer, feeNote, actions, working,
                Messages.problem(vm.problem(), "session-problem", open), Messages.success(vm.resultProperty(), "session-result"));
    }

    private static void styleState(Label label, SessionState state) {
        label.getStyleClass().removeAll(STATE_STYLES);
        label.getStyleClass().add(state == null ? "state-none" : switch (state) {
            case ACTIVE -> "state-good";
            case EXPIRING_SOON, NOT_YET_ACTIVE, EXPIRED_RENEWABLE -> "state-warn";
            case EXPIRED, REVOKED, NOT_REGISTERED -> "state-bad";
        });
    }

    private static void row(GridPane grid, int row, String caption, ObservableStringValue value, String id) {
        Label name = new Label(caption);
        name.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label();
        text.setId(id);
        text.textProperty().bind(value);
        text.getStyleClass().add("mono");
        grid.addRow(row, name, text);
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
