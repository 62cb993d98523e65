package xyz.cavos.wallet.ui;

import java.util.List;

/**
 * Where view-models ask the person before an action: the app answers with a review sheet ({@link Dialogs}),
 * tests with a script. Asked only from a screen on view, on the UI thread.
 */
public interface Confirmations {

    /** One line of a review sheet: what it is, and its value as the sheet writes it. */
    record Detail(String label, String value, Look look) {

        /** How the sheet sets a value: an amount large, an address whole in groups of four, other values plainly. */
        public enum Look { PLAIN, AMOUNT, ADDRESS }

        public static Detail plain(String label, String value) {
            return new Detail(label, value, Look.PLAIN);
        }

        public static Detail amount(String label, String value) {
            return new Detail(label, value, Look.AMOUNT);
        }

        public static Detail address(String label, String value) {
            return new Detail(label, value, Look.ADDRESS);
        }

        /** {@code Label: value}, as a line of text. */
        public String line() {
            return label + ": " + value;
        }
    }

    /**
     * One question before an action.
     *
     * @param text what the action means, under the details
     * @param id names the question; the sheet gives its action button this id
     * @param dangerous the action cannot be undone: the sheet warns, and its button is red
     * @param details what exactly will happen, one line each (amount, recipient, network, fee…)
     */
    record Question(String title, String header, String text, String action, String id, boolean dangerous, List<Detail> details) {

        public Question {
            details = List.copyOf(details);
        }

        public Question(String title, String header, String text, String action, String id, boolean dangerous) {
            this(title, header, text, action, id, dangerous, List.of());
        }

        /** The same question with these details. */
        public Question with(List<Detail> more) {
            return new Question(title, header, text, action, id, dangerous, more);
        }

        /** The details as lines of text, {@code Label: value}. */
        public List<String> lines() {
            return details.stream().map(Detail::line).toList();
        }
    }

    /** Asks; true only when the person chose the action. */
    boolean confirm(Question question);

    /** For what cannot be undone: the second question is asked only after a yes to the first; true only after two. */
    default boolean confirmTwice(Question first, Question second) {
        return confirm(first) && confirm(second);
    }
}
