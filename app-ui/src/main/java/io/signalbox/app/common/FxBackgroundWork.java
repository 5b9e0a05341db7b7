package io.signalbox.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * {@link BackgroundWork} on JavaFX {@link Task}s: the work runs on a small pool of daemon threads
 * (a closing window never waits for a slow provider), the callbacks on the FX thread.
 */
public final class FxBackgroundWork implements BackgroundWork {

    private final ExecutorService executor;

    public FxBackgroundWork() {
        AtomicInteger count = new AtomicInteger();
        this.executor =
                Executors.newCachedThreadPool(
                        runnable -> {
                            Thread thread =
                                    new Thread(runnable, "ui-work-" + count.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    @Override
    public <T> Job start(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        Task<T> task =
                new Task<>() {
                    @Override
                    protected T call() throws Exception {
                        return work.call();
                    }
                };
        task.addEventHandler(
                WorkerStateEvent.WORKER_STATE_SUCCEEDED, event -> done.accept(task.getValue()));
        task.addEventHandler(
                WorkerStateEvent.WORKER_STATE_FAILED,
                event -> {
                    Throwable failure = task.getException();
                    failed.accept(
                            failure instanceof Exception exception
                                    ? exception
                                    : new IllegalStateException(failure));
                });
        executor.execute(task);
        return () -> task.cancel(true);
    }
}
