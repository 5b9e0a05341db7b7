package io.signalbox.proxy.upstream;

import io.signalbox.proxy.routing.ProviderEndpoint;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.client.ByteBufferRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Sends requests to providers with Jetty's HttpClient; one instance per proxy. TLS is always
 * verified; a provider with added certificates gets a client of its own that trusts them too
 * ({@link TrustingClients}), so its connections are never pooled with other providers' ones.
 */
public final class UpstreamClient implements AutoCloseable {

    private final HttpClient http;
    private final TrustingClients trusting;

    public UpstreamClient(Duration connectTimeout, String userAgent, Executor threads) {
        http = newHttpClient(connectTimeout, userAgent, threads, Optional.empty());
        trusting =
                new TrustingClients(
                        pem -> newHttpClient(connectTimeout, userAgent, threads, Optional.of(pem)),
                        http.getScheduler(),
                        threads);
    }

    /**
     * @param trustedPem certificates trusted besides the default store; the client starts with
     *     them, so a bad PEM throws {@link IllegalArgumentException} here
     */
    static HttpClient newHttpClient(
            Duration connectTimeout,
            String userAgent,
            Executor threads,
            Optional<String> trustedPem) {
        HttpClient http = new HttpClient();
        http.setSslContextFactory(UpstreamTls.verifying(trustedPem));
        http.setExecutor(threads);
        http.setConnectTimeout(connectTimeout.toMillis());
        http.setFollowRedirects(false);
        http.setMaxConnectionsPerDestination(512);
        http.setMaxRequestsQueuedPerDestination(4096);
        http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, userAgent));
        // No transparent gzip: events must pass as they arrive, and the bytes the client sees
        // should be the ones the upstream sent.
        http.getContentDecoderFactories().clear();
        // Answers are read into new heap buffers and requests written from pooled direct ones
        // (OutputBufferPool says why reads must not pool).
        http.setByteBufferPool(new OutputBufferPool());
        // Unpooled, every answer gets a fresh network buffer: at Jetty's 16 KB that was nearly
        // half of all the bytes allocated per call (45 KB, 25 KB pooled). Answers larger than
        // 4 KB take more reads, which costs far less (docs/performance.md, session 3).
        http.setResponseBufferSize(4096);
        http.setUseInputDirectByteBuffers(false);
        http.setUseOutputDirectByteBuffers(true);
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the upstream HTTP client", e);
        }
        // start() installs handlers that answer 401 and 407 themselves: without a
        // WWW-Authenticate header (OpenAI and most providers send none) they fail the exchange as
        // a "protocol violation" and the proxy never sees the provider's answer. A rejected key
        // must reach the attempt loop as a plain 401, which it knows how to handle.
        http.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        http.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        return http;
    }

    /**
     * A POST of a JSON body to {@code provider}, ready to {@link UpstreamCall#send send}.
     *
     * @param firstByteTimeout the longest wait for the status line
     * @param idleTimeout the longest gap between two bytes afterwards
     * @param maxBytes a body read whole that is longer fails the attempt instead of filling memory
     */
    public UpstreamCall newCall(
            ProviderEndpoint provider,
            URI uri,
            Map<String, String> headers,
            byte[] body,
            Duration firstByteTimeout,
            Duration idleTimeout,
            int maxBytes) {
        TrustingClients.Lease lease = null;
        HttpClient client = http;
        String unusable = null;
        if (provider.trustedCertificate().isPresent()) {
            try {
                lease = trusting.lease(provider.trustedCertificate().get());
                client = lease.client();
            } catch (IllegalArgumentException e) {
                // The import validator lets no such PEM in; should one arrive anyway, the attempt
                // fails (it never falls back to trusting less or more than the user said).
                unusable = e.getMessage();
            }
        }
        Request request =
                client.newRequest(uri)
                        .method(HttpMethod.POST)
                        .idleTimeout(
                                Math.max(idleTimeout.toMillis(), firstByteTimeout.toMillis()),
                                TimeUnit.MILLISECONDS)
                        .headers(fields -> headers.forEach(fields::put))
                        // ByteBufferRequestContent: BytesRequestContent streams its arrays into a
                        // list.
                        .body(
                                new ByteBufferRequestContent(
                                        "application/json", ByteBuffer.wrap(body)));
        if (lease != null) {
            TrustingClients.Lease held = lease;
            request.onComplete(result -> held.release());
        }
        return new UpstreamCall(
                request,
                provider.name(),
                http.getScheduler(),
                firstByteTimeout,
                maxBytes,
                unusable);
    }

    /**
     * Sends a POST and reads the whole answer without holding a thread while waiting: {@code
     * onAnswer} runs on an HTTP client thread once the answer is complete or has failed.
     *
     * @param firstByteTimeout the longest wait for the status line
     * @param idleTimeout the longest gap between two bytes afterwards
     * @param maxBytes a longer body fails the attempt instead of filling memory
     */
    public void postBuffered(
            ProviderEndpoint provider,
            URI uri,
            Map<String, String> headers,
            byte[] body,
            Duration firstByteTimeout,
            Duration idleTimeout,
            int maxBytes,
            Consumer<BufferedAnswer> onAnswer) {
        newCall(provider, uri, headers, body, firstByteTimeout, idleTimeout, maxBytes)
                .send(AnswerListener.whole(onAnswer));
    }

    @Override
    public void close() {
        trusting.close();
        try {
            http.stop();
        } catch (Exception e) {
            // Stopping: nothing left to do with a client that will not stop cleanly.
        }
    }
}
