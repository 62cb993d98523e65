package xyz.cavos.wallet.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Confirmations answered from a script, keeping every question asked; a question the script has no answer for fails the test. */
final class ScriptedConfirmations implements Confirmations {

    private record Answer(boolean yes, Runnable meanwhile) {
    }

    final List<Question> asked = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    /** The next answers, in order. */
    ScriptedConfirmations answer(boolean... yes) {
        for (boolean each : yes) {
            answers.add(new Answer(each, () -> { }));
        }
        return this;
    }

    /** The next answer, given after something happened while the question was open. */
    ScriptedConfirmations answerAfter(Runnable meanwhile, boolean yes) {
        answers.add(new Answer(yes, meanwhile));
        return this;
    }

    @Override
    public boolean confirm(Question question) {
        asked.add(question);
        Answer answer = answers.poll();
        if (answer == null) {
            throw new AssertionError("Asked \"" + question.header() + "\" with no answer scripted");
        }
        answer.meanwhile().run();
        return answer.yes();
    }

    /** The ids of the questions asked, in order. */
    List<String> ids() {
        return asked.stream().map(Question::id).toList();
    }

    /** The last question's details, a line each ({@code Label: value}). */
    List<String> lastLines() {
        return asked.getLast().lines();
    }
}
