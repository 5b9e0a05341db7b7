package io.signalbox.app.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.TrustedCertificates;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;

/**
 * "Test" on a model: one chat request for a single token, sent straight to the provider (not
 * through the proxy, so that no route is needed), timed from sending to the whole answer.
 *
 * <p>Blocks; run it off the UI thread. Failure messages never hold the key or header values.
 */
final class OneTokenCall {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Upstream error texts are cut here: enough to say what is wrong, short enough for a line. */
    private static final int MAX_UPSTREAM_MESSAGE = 200;

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration timeout;

    /**
     * @param timeout the longest wait for the answer; generous, because a local server may load the
     *     model first
     */
    OneTokenCall(Duration connectTimeout, Duration timeout) {
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
        this.client = builder().build();
    }

    private HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                // A redirect would carry the key elsewhere; it is reported instead.
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /**
     * The shared client, or for a provider with its own certificate one that trusts it too, as the
     * proxy does (TLS verified either way). Test is a rare click: a client per call is fine.
     */
    private HttpClient clientFor(ProviderConfig provider) throws Failure {
        if (provider.trustedCertificate().isEmpty()) {
            return client;
        }
        try {
            return builder()
                    .sslContext(TrustedCertificates.sslContext(provider.trustedCertificate().get()))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new Failure("The trusted certificate " + e.getMessage());
        }
    }

    /** How long {@code provider} took to answer a one-token request to {@code model}. */
    Duration call(ProviderConfig provider, String model) throws Failure, InterruptedException {
        HttpRequest request = request(provider, model);
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = clientFor(provider).send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new Failure("Could not connect to " + hostAndPort(request.uri()) + " in time");
        } catch (HttpTimeoutException e) {
            throw new Failure("No answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new Failure(
                    "Could not connect to "
                            + hostAndPort(request.uri())
                            + ": is the server running?");
        } catch (SSLHandshakeException e) {
            throw new Failure(
                    "The TLS certificate of "
                            + hostAndPort(request.uri())
                            + " is not accepted (not trusted, or not issued for this address);"
                            + " for your own server, add its certificate");
        } catch (IOException e) {
            throw new Failure(
                    "The connection to "
                            + hostAndPort(request.uri())
                            + " failed without an answer");
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return latency;
        }
        throw new Failure(
                statusText(provider, model, status) + upstreamMessage(provider, response));
    }

    private HttpRequest request(ProviderConfig provider, String model) throws Failure {
        String base = provider.baseUrl() == null ? "" : provider.baseUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(base + "/chat/completions");
        } catch (URISyntaxException e) {
            throw new Failure("The base URL is not a valid address");
        }
        if (uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme())
                        || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new Failure("The base URL must start with http:// or https://");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", "Say OK");
        body.put("max_tokens", 1);
        body.put("stream", false);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        // The JDK's IllegalArgumentException quotes the value: never passed on.
        try {
            if (provider.apiKey().isPresent()) {
                request.setHeader("Authorization", "Bearer " + provider.apiKey().get());
            }
            for (Map.Entry<String, String> header : provider.headers().entrySet()) {
                request.setHeader(header.getKey(), header.getValue());
            }
        } catch (IllegalArgumentException e) {
            throw new Failure("The API key or an extra header cannot be sent in a request");
        }
        return request.build();
    }

    private static String statusText(ProviderConfig provider, String model, int status) {
        if (status == 401 || status == 403) {
            return provider.apiKey().isPresent()
                    ? "The provider rejected the API key (HTTP " + status + ")"
                    : "The provider needs an API key (HTTP " + status + ")";
        }
        if (status == 404) {
            return "HTTP 404: the model '" + model + "' is unknown there, or the base URL is wrong";
        }
        if (status == 429) {
            return "Rate limited or out of quota (HTTP 429)";
        }
        if (status / 100 == 3) {
            return "The provider answered with a redirect (HTTP "
                    + status
                    + "): check the base URL";
        }
        if (status >= 500) {
            return "The server had an error (HTTP " + status + ")";
        }
        return "The provider refused the request (HTTP " + status + ")";
    }

    /**
     * ": " and the upstream's own error text, shortened and with this provider's secrets masked.
     */
    private static String upstreamMessage(ProviderConfig provider, HttpResponse<byte[]> response) {
        String text;
        try {
            JsonNode root = JSON.readTree(response.body());
            JsonNode message = root == null ? null : root.path("error").path("message");
            if (message == null || !message.isTextual()) {
                message = root == null ? null : root.path("error");
            }
            text = message != null && message.isTextual() ? message.textValue() : "";
        } catch (IOException e) {
            text = ""; // not JSON, often a web page: the status says enough
        }
        text = text.replaceAll("\\p{Cntrl}+", " ").strip();
        List<String> secrets = new ArrayList<>(provider.headers().values());
        provider.apiKey().ifPresent(secrets::add);
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                text = text.replace(secret, "***");
            }
        }
        if (text.length() > MAX_UPSTREAM_MESSAGE) {
            text = text.substring(0, MAX_UPSTREAM_MESSAGE) + "…";
        }
        return text.isEmpty() ? "" : ": " + text;
    }

    private static String hostAndPort(URI uri) {
        int port =
                uri.getPort() >= 0
                        ? uri.getPort()
                        : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /** Why the call gave no answer, in words for the user. */
    static final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
