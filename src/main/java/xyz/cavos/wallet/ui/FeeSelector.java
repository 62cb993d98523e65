package xyz.cavos.wallet.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import xyz.cavos.wallet.cavos.Token;

/** The fee chooser of a {@link FeeSelection}: who pays, and in which token; shown only when a paymaster is set. */
public final class FeeSelector {

    private FeeSelector() {
    }

    /** Ids: {@code <prefix>-fee-mode} and {@code <prefix>-gas-token}. */
    public static Node of(FeeSelection selection, String idPrefix) {
        ComboBox<FeeChoice> payer = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(FeeChoice.values()));
        payer.setId(idPrefix + "-fee-mode");
        payer.valueProperty().bindBidirectional(selection.choiceProperty());
        payer.setConverter(named(FeeChoice::label));
        Popups.tooltip(payer, "With a paymaster set in Settings, it can pay the fee (sponsored), or take it in a token"
                + " the session may move. What it builds is checked against your request before anything is signed.");
        ComboBox<Token> gas = new ComboBox<>(selection.gasTokens());
        gas.setId(idPrefix + "-gas-token");
        gas.valueProperty().bindBidirectional(selection.gasTokenProperty());
        gas.setConverter(named(t -> t.symbol() + " · " + t.name()));
        gas.visibleProperty().bind(selection.choiceProperty().isEqualTo(FeeChoice.TOKEN));
        gas.managedProperty().bind(gas.visibleProperty());
        HBox box = new HBox(8, payer, gas);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(selection.paymasterSetProperty());
        box.managedProperty().bind(box.visibleProperty());
        Label problem = new Label();
        problem.setId(idPrefix + "-fee-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(selection.problemProperty());
        problem.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
        problem.visibleProperty().bind(selection.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox chooser = new VBox(4, box, problem);
        chooser.managedProperty().bind(box.visibleProperty().or(problem.visibleProperty()));
        chooser.visibleProperty().bind(chooser.managedProperty());
        return chooser;
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
