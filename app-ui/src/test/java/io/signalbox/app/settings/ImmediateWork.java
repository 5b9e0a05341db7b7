package io.signalbox.app.settings;

import io.signalbox.app.common.BackgroundWork;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work at once on the test's thread, so view model tests need no toolkit. */
final class ImmediateWork implements BackgroundWork {

    @Override
    public <T> Job start(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            failed.accept(e);
            return () -> {};
        }
        done.accept(result);
        return () -> {};
    }
}
