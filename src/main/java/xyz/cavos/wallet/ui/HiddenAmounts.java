package xyz.cavos.wallet.ui;

import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.TableView;
import xyz.cavos.wallet.ui.lock.AppLock;

/**
 * Amounts as the screens show them while amounts are hidden: every figure of an amount becomes
 * {@link AppLock#HIDDEN}, the words and token symbols around it stay, so the layout does not move.
 */
public final class HiddenAmounts {

    /** An amount as {@link Format} writes it, followed by its token's symbol: "1,000.5 STRK", "< 0.01 USDC". */
    private static final Pattern AMOUNT = Pattern.compile("(?:< )?\\d[\\d,]*(?:\\.\\d+)?(?= \\p{Lu})");

    private HiddenAmounts() {
    }

    /** {@code text} with every amount in it replaced by {@link AppLock#HIDDEN}: "Available: ••• STRK". */
    public static String mask(String text) {
        return text == null ? null : AMOUNT.matcher(text).replaceAll(AppLock.HIDDEN);
    }

    /** {@code text} as it is, or {@link #mask masked} while {@code hidden} is on. */
    public static String mask(ObservableBooleanValue hidden, String text) {
        return hidden.get() ? mask(text) : text;
    }

    /** {@code figure} itself, or {@link AppLock#HIDDEN} while {@code hidden}: for a cell or label that holds only an amount. */
    public static String figure(String figure, boolean hidden) {
        return hidden && figure != null && !figure.isEmpty() ? AppLock.HIDDEN : figure;
    }

    /** {@code text} as it is, or {@link #mask masked} while {@code hidden}; follows both. */
    public static StringBinding masked(ObservableStringValue text, ObservableBooleanValue hidden) {
        return Bindings.createStringBinding(() -> hidden.get() ? mask(text.get()) : text.get(), text, hidden);
    }

    /** Draws the table's cells again whenever amounts are hidden or shown. */
    public static void redraw(TableView<?> table, ObservableBooleanValue hidden) {
        hidden.addListener((obs, old, now) -> table.refresh());
    }
}
