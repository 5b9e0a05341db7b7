package io.signalbox.proxy.it;

import io.signalbox.proxy.routing.ProviderEndpoint;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds routing tables pointing at fake upstreams, with names that read well in assertions. */
final class Config {

    /** Short, so that tests of first-byte timeouts take about a second. */
    static final Duration FIRST_BYTE = Duration.ofSeconds(1);

    private Config() {}

    /** A provider named after the upstream, with key {@code sk-<name>} and no extra headers. */
    static ProviderEndpoint provider(FakeUpstream upstream) {
        return new ProviderEndpoint(
                upstream.name(),
                upstream.baseUrl(),
                Optional.of("sk-" + upstream.name()),
                Map.of(),
                true);
    }

    static ProviderEndpoint provider(
            String name, URI baseUrl, Optional<String> apiKey, Map<String, String> headers) {
        return new ProviderEndpoint(name, baseUrl, apiKey, headers, true);
    }

    /** Ports held bound for the whole test run, so that nothing can start listening on them. */
    private static final List<Socket> HELD_PORTS =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A provider whose port nothing listens on: connections are refused. The port stays bound (not
     * listening) until the tests end. A port merely freed again could be handed to the proxy under
     * test itself, which then answered instead of refusing.
     */
    static ProviderEndpoint refusingProvider(String name) {
        int port;
        try {
            Socket held = new Socket();
            held.setReuseAddress(false);
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            HELD_PORTS.add(held);
            port = held.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return provider(
                name, URI.create("http://127.0.0.1:" + port + "/v1"), Optional.empty(), Map.of());
    }

    /** A weighted target with the default weight. */
    static Target target(String provider, String model) {
        return new Target(provider, model, 100, true);
    }

    /** A fallback: ordered, not weighted. */
    static Target fallback(String provider, String model) {
        return new Target(provider, model, 0, true);
    }

    static Route route(String name, List<Target> targets, List<Target> fallbacks) {
        return new Route(name, true, targets, fallbacks, FIRST_BYTE);
    }

    /**
     * Route {@code name} with one target per upstream in order: the first as the only weighted
     * target, the rest as fallbacks, so the order of attempts is fixed whatever the random sample.
     * Each upstream's model is {@code <upstream>-model}.
     */
    static RoutingTable chain(String name, FakeUpstream first, FakeUpstream... fallbacks) {
        List<FakeUpstream> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(fallbacks));
        return RoutingTable.of(
                all.stream().map(Config::provider).toList(),
                List.of(
                        route(
                                name,
                                List.of(target(first.name(), modelOf(first))),
                                List.of(fallbacks).stream()
                                        .map(u -> fallback(u.name(), modelOf(u)))
                                        .toList())));
    }

    static String modelOf(FakeUpstream upstream) {
        return upstream.name() + "-model";
    }
}
