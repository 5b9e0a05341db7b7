package io.signalbox.proxy.usage;

/** Where the proxy hands finished requests. Must return at once: it runs on request threads. */
@FunctionalInterface
public interface UsageSink {

    void record(UsageEvent event);

    UsageSink DISCARD = event -> {};
}
