package xyz.cavos.wallet.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Where view-models send slow work (RPC, keychain, starting the sandbox): off the FX thread, with the
 * result handed back on it. Tests swap in {@link #direct()}, which runs everything on the calling thread.
 */
public interface UiExecutor {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a UI update from a worker's callback (progress, partial results) on the UI thread. */
    void onUi(Runnable update);

    /**
     * Takes no more work and waits up to {@code grace} for what runs, so that nothing opens a connection
     * (the keychain's keeps the process alive) after the app has closed its own.
     */
    default void close(Duration grace) {
    }

    /** Virtual threads for the work, {@code Platform.runLater} for the result. */
    static UiExecutor background() {
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        return new UiExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                if (workers.isShutdown()) {
                    return; // the app is closing: a result that lands now starts nothing new
                }
                workers.execute(() -> {
                    try {
                        T result = work.call();
                        Platform.runLater(() -> onSuccess.accept(result));
                    } catch (Throwable e) {
                        Platform.runLater(() -> onFailure.accept(e));
                    }
                });
            }

            @Override
            public void onUi(Runnable update) {
                Platform.runLater(update);
            }

            @Override
            public void close(Duration grace) {
                workers.shutdown();
                try {
                    workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** Runs work and callbacks right away on the calling thread: for view-model tests without a toolkit. */
    static UiExecutor direct() {
        return new UiExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Throwable e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }

            @Override
            public void onUi(Runnable update) {
                update.run();
            }
        };
    }
}
