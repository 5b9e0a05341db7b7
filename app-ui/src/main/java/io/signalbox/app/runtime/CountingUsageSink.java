package io.signalbox.app.runtime;

import io.signalbox.proxy.usage.UsageEvent;
import io.signalbox.proxy.usage.UsageSink;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests the proxy finished, then hands each on. The status bar samples the count to
 * show requests per second; a {@link LongAdder} keeps the request threads from contending on it.
 */
public final class CountingUsageSink implements UsageSink {

    private final UsageSink next;
    private final LongAdder completed = new LongAdder();

    public CountingUsageSink(UsageSink next) {
        this.next = next;
    }

    @Override
    public void record(UsageEvent event) {
        completed.increment();
        next.record(event);
    }

    /** Requests finished since start; only grows. */
    public long completed() {
        return completed.sum();
    }
}
