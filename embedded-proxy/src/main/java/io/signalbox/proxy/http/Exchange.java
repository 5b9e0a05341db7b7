package io.signalbox.proxy.http;

import io.signalbox.proxy.access.Caller;
import io.signalbox.proxy.routing.RequestView;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutingTable;
import java.time.Instant;

/**
 * One client call being forwarded: what was asked, by whom, on which route, and the routing table
 * it started with (a configuration change mid-call does not affect it).
 *
 * @param startNanos {@link System#nanoTime()} at arrival, for latencies and the total deadline
 * @param clientWantsUsage the client itself asked for the streamed usage chunk
 * @param request the headers, query and path that targets' match conditions look at
 */
record Exchange(
        String requestId,
        Instant startedAt,
        long startNanos,
        Endpoint endpoint,
        ClientBody body,
        String requestedModel,
        Route route,
        Caller caller,
        boolean stream,
        boolean clientWantsUsage,
        RoutingTable table,
        RequestView request) {

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
