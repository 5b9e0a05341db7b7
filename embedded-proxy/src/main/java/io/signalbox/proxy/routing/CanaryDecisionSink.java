package io.signalbox.proxy.routing;

/**
 * Where the proxy hands the canary decisions it takes, to be recorded. It runs on request threads
 * and must return at once: the app queues the write. The proxy does not know the store.
 */
@FunctionalInterface
public interface CanaryDecisionSink {

    void record(CanaryDecision decision);

    CanaryDecisionSink DISCARD = decision -> {};
}
