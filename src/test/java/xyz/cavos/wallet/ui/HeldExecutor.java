package xyz.cavos.wallet.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work on the calling thread like {@link UiExecutor#direct()}; while held, work waits until the test
 * finishes it, in any order: a slow node, made exact.
 */
final class HeldExecutor implements UiExecutor {

    private final UiExecutor direct = UiExecutor.direct();
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean holding;

    /** From now on, work waits for {@link #finish(int)}. */
    void hold() {
        holding = true;
    }

    /** New work runs at once again; what waits still waits for {@link #finish(int)}. */
    void release() {
        holding = false;
    }

    /** Runs the waiting work at {@code index} (0 is the oldest) and hands its result back. */
    void finish(int index) {
        waiting.remove(index).run();
    }

    int waiting() {
        return waiting.size();
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (holding) {
            waiting.add(() -> direct.run(work, onSuccess, onFailure));
        } else {
            direct.run(work, onSuccess, onFailure);
        }
    }

    @Override
    public void onUi(Runnable update) {
        update.run();
    }
}
