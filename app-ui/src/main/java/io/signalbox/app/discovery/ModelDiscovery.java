package io.signalbox.app.discovery;

import io.signalbox.persistence.DiscoveryRepository;
import io.signalbox.persistence.DiscoveryRepository.DiscoverySnapshot;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TrustedCertificates;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Asks a provider which models it serves ({@code GET {baseUrl}/models}, with the provider's key and
 * extra headers), compares the answer with the last discovery and remembers it.
 *
 * <p>Calls block for at most the request timeout; run them off the UI thread. One instance may be
 * shared by threads.
 */
public final class ModelDiscovery {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** OpenRouter's list, the largest known, is a few MB with descriptions and prices. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final DiscoveryRepository history;
    private final Supplier<SignalboxConfig> configuration;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Clock clock;
    private final HttpClient client;

    /**
     * @param history where the last discovery of each provider is kept
     * @param configuration the current configuration, read by {@link #discover(ProviderConfig)} to
     *     check the provider's route targets
     */
    public ModelDiscovery(DiscoveryRepository history, Supplier<SignalboxConfig> configuration) {
        this(
                history,
                configuration,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT,
                Clock.systemUTC());
    }

    /**
     * @param connectTimeout the longest wait for the connection (TCP and TLS)
     * @param requestTimeout the longest wait for the whole answer, body included
     * @param clock stamps each discovery
     */
    public ModelDiscovery(
            DiscoveryRepository history,
            Supplier<SignalboxConfig> configuration,
            Duration connectTimeout,
            Duration requestTimeout,
            Clock clock) {
        this.history = history;
        this.configuration = configuration;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.client = clientBuilder().build();
    }

    private HttpClient.Builder clientBuilder() {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // On http:// the JDK's default HTTP/2 sends an h2c Upgrade request, which some
                // small local servers answer badly; one GET gains nothing from h2.
                .version(HttpClient.Version.HTTP_1_1)
                // Never follow: the JDK client would take the provider's key along to wherever a
                // redirect points. The message names the new address instead.
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /**
     * The shared client, or for a provider with its own certificate one that also trusts it, as the
     * proxy does (TLS is verified either way). Discovery is a rare click: a client per call.
     */
    private HttpClient clientFor(ProviderConfig provider, DiscoveryFailures failures)
            throws DiscoveryException {
        if (provider.trustedCertificate().isEmpty()) {
            return client;
        }
        try {
            return clientBuilder()
                    .sslContext(TrustedCertificates.sslContext(provider.trustedCertificate().get()))
                    .build();
        } catch (IllegalArgumentException e) {
            throw failures.unusableCertificate(e.getMessage());
        }
    }

    /**
     * Discovers the models of {@code provider} and checks the routes of the current configuration
     * against them; see {@link #discover(ProviderConfig, SignalboxConfig)}.
     */
    public DiscoveryResult discover(ProviderConfig provider) throws DiscoveryException {
        return discover(provider, configuration.get());
    }

    /**
     * Lists the models of {@code provider}, compares them with its last discovery, stores them as
     * its new last discovery and finds the targets and fallbacks in {@code config} that ask it for
     * a model it does not list. A failed discovery stores nothing.
     *
     * @throws DiscoveryException when the provider gave no model list; the message says why
     */
    public DiscoveryResult discover(ProviderConfig provider, SignalboxConfig config)
            throws DiscoveryException {
        List<String> models = listModels(provider);
        // Millisecond precision, as stored: the result's time equals the next one's previous.
        Instant now = Instant.ofEpochMilli(clock.millis());
        Optional<DiscoverySnapshot> previous = history.last(provider.name());
        history.save(provider.name(), models, now);
        // The first discovery reports nothing as added: all of a long list would be noise.
        List<String> before = previous.map(DiscoverySnapshot::modelIds).orElse(models);
        return new DiscoveryResult(
                provider.name(),
                models,
                now,
                previous.map(DiscoverySnapshot::discoveredAt),
                minus(models, before),
                minus(before, models),
                MissingTargets.find(config, provider.name(), models));
    }

    /**
     * Only asks the provider: its model ids, sorted and without duplicates. Stores nothing, so it
     * suits a provider that is still being edited.
     *
     * @throws DiscoveryException when the provider gave no model list; the message says why
     */
    public List<String> listModels(ProviderConfig provider) throws DiscoveryException {
        URI uri = modelsUri(provider);
        DiscoveryFailures failures = new DiscoveryFailures(provider, uri);
        HttpResponse<byte[]> response =
                send(clientFor(provider, failures), request(provider, uri, failures), failures);
        if (response.statusCode() / 100 != 2) {
            throw failures.status(response);
        }
        try {
            return ModelListParser.parse(response.body());
        } catch (ModelListParser.UnusableAnswer e) {
            throw failures.unusable(e.problem());
        }
    }

    /** {@code {baseUrl}/models}; a trailing slash on the base URL is forgiven. */
    private static URI modelsUri(ProviderConfig provider) throws DiscoveryException {
        String base = provider.baseUrl() == null ? "" : provider.baseUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(base + "/models");
        } catch (URISyntaxException e) {
            throw DiscoveryFailures.badBaseUrl(provider, null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw DiscoveryFailures.badBaseUrl(provider, null);
        }
        return uri;
    }

    private HttpRequest request(ProviderConfig provider, URI uri, DiscoveryFailures failures)
            throws DiscoveryException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .GET()
                        .timeout(requestTimeout)
                        .header("Accept", "application/json");
        // The JDK's IllegalArgumentException is never passed on: its message quotes the value.
        if (provider.apiKey().isPresent()) {
            try {
                request.setHeader("Authorization", "Bearer " + provider.apiKey().get());
            } catch (IllegalArgumentException e) {
                throw failures.unsendableKey();
            }
        }
        // After Authorization, so that an extra header may replace it, as on the proxy's requests.
        for (Map.Entry<String, String> header : provider.headers().entrySet()) {
            try {
                request.setHeader(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                throw failures.unsendableHeader(header.getKey());
            }
        }
        return request.build();
    }

    private HttpResponse<byte[]> send(
            HttpClient client, HttpRequest request, DiscoveryFailures failures)
            throws DiscoveryException {
        CompletableFuture<HttpResponse<byte[]>> answer =
                client.sendAsync(
                        request,
                        info ->
                                info.statusCode() / 100 == 2
                                        ? new LimitedBody(MAX_BODY_BYTES)
                                        : BodySubscribers.replacing(new byte[0]));
        try {
            // The request's own timeout ends with the response headers; this one also covers a
            // body that stalls halfway.
            return answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw failures.answerTimeout(requestTimeout, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw failures.cancelled(e);
        } catch (ExecutionException e) {
            Throwable failure = e.getCause() == null ? e : e.getCause();
            throw failures.connection(failure, connectTimeout, requestTimeout);
        }
    }

    /** {@code items} that are not in {@code others}, in their order. */
    private static List<String> minus(List<String> items, List<String> others) {
        List<String> result = new ArrayList<>(items);
        result.removeAll(new HashSet<>(others));
        return result;
    }
}
