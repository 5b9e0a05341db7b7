package io.signalbox.app.providers;

import io.signalbox.app.common.BackgroundWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@link BackgroundWork} for view model tests: work is held until {@link #runAll()} (or runs at
 * once when created with {@link #immediate()}), on the test's thread, so tests need no toolkit and
 * see each state in between.
 */
final class InlineWork implements BackgroundWork {

    private final boolean immediate;
    private final List<Runnable> held = new ArrayList<>();

    private InlineWork(boolean immediate) {
        this.immediate = immediate;
    }

    static InlineWork immediate() {
        return new InlineWork(true);
    }

    static InlineWork held() {
        return new InlineWork(false);
    }

    @Override
    public <T> Job start(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        boolean[] cancelled = {false};
        Runnable run =
                () -> {
                    if (cancelled[0]) {
                        return;
                    }
                    T result;
                    try {
                        result = work.call();
                    } catch (Exception e) {
                        failed.accept(e);
                        return;
                    }
                    done.accept(result);
                };
        if (immediate) {
            run.run();
        } else {
            held.add(run);
        }
        return () -> cancelled[0] = true;
    }

    /** Runs the held work in the order it was started. */
    void runAll() {
        List<Runnable> now = new ArrayList<>(held);
        held.clear();
        now.forEach(Runnable::run);
    }

    int heldCount() {
        return held.size();
    }
}
