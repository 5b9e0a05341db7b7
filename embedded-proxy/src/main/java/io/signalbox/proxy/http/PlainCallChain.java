package io.signalbox.proxy.http;

import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.ProviderEndpoint;
import io.signalbox.proxy.routing.RoutePlan;
import io.signalbox.proxy.upstream.UpstreamClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The attempt loop for calls that are not streamed: each attempt's whole answer is collected on the
 * HTTP client's thread, and the next step follows from there.
 */
final class PlainCallChain extends CallChain {

    PlainCallChain(
            Exchange exchange,
            RoutePlan plan,
            ClientChannel client,
            UpstreamClient upstreams,
            HealthBook health,
            ProxyOptions options,
            Clock clock,
            Consumer<ForwardResult> done) {
        super(exchange, plan, client, upstreams, health, options, clock, done);
    }

    @Override
    void send(
            Forwarder.Attempt attempt,
            ProviderEndpoint provider,
            URI uri,
            Map<String, String> headers,
            byte[] body,
            Duration firstByte) {
        upstreams.postBuffered(
                provider,
                uri,
                headers,
                body,
                firstByte,
                options.streamIdleTimeout(),
                Forwarder.MAX_PLAIN_BODY,
                answer -> onAnswer(attempt, answer));
    }
}
