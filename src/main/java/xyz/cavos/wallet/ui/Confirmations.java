package xyz.cavos.wallet.ui;

/**
 * Where view-models ask the person before an action: the app answers with dialogs ({@link Dialogs}), tests
 * with a script. Asked only from a screen on view, on the UI thread.
 */
public interface Confirmations {

    /**
     * One question before an action.
     *
     * @param id names the question; the dialog gives its action button this id
     * @param dangerous the action cannot be undone: the dialog warns, and Enter does not choose the action
     */
    record Question(String title, String header, String text, String action, String id, boolean dangerous) {
    }

    /** Asks; true only when the person chose the action. */
    boolean confirm(Question question);

    /** For what cannot be undone: the second question is asked only after a yes to the first; true only after two. */
    default boolean confirmTwice(Question first, Question second) {
        return confirm(first) && confirm(second);
    }
}
