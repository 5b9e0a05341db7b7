package io.signalbox.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (a discovery, a test call, a probe) away from the UI thread and reports back
 * on it. View models take this port instead of a JavaFX {@code Task}, so that their tests run
 * without a toolkit.
 */
public interface BackgroundWork {

    /**
     * Starts {@code work}; exactly one of {@code done} and {@code failed} runs on the UI thread
     * afterwards, unless the job is cancelled first, in which case neither runs.
     */
    <T> Job start(Callable<T> work, Consumer<T> done, Consumer<Exception> failed);

    /** Work in progress. */
    interface Job {

        /** Interrupts the work and drops its result. */
        void cancel();
    }
}
