package io.signalbox.app.discovery;

import io.signalbox.app.discovery.DiscoveryException.Kind;
import io.signalbox.persistence.config.ProviderConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The messages that say why one discovery failed: each names the provider, what happened and what
 * to check. They are built from the provider's name, the request's address (without user info or
 * query) and status codes only, never from the key, header values or exception messages, which may
 * quote them.
 */
final class DiscoveryFailures {

    /** Values shorter than this are not secrets worth masking ("X-Team: ml") and mask too much. */
    private static final int MIN_MASKED_LENGTH = 4;

    private final ProviderConfig provider;
    private final URI uri;

    DiscoveryFailures(ProviderConfig provider, URI uri) {
        this.provider = provider;
        this.uri = uri;
    }

    /** The base URL does not make an http(s) address. Not quoted: a key may be pasted into it. */
    static DiscoveryException badBaseUrl(ProviderConfig provider, Throwable cause) {
        return new DiscoveryException(
                Kind.INVALID_SETTINGS,
                provider.name(),
                "Provider '"
                        + provider.name()
                        + "' has a base URL that is not a valid http(s) address: check the base"
                        + " URL in the provider settings (e.g. http://localhost:11434/v1)",
                cause);
    }

    DiscoveryException unsendableKey() {
        return fail(
                Kind.INVALID_SETTINGS,
                "has an API key that cannot be sent in a header (it holds a line break or another"
                        + " character headers cannot carry): check the key in the provider settings",
                null);
    }

    DiscoveryException unusableCertificate(String problem) {
        return fail(
                Kind.INVALID_SETTINGS,
                "has a trusted certificate that cannot be used: "
                        + problem
                        + ": add the certificate again in the provider settings",
                null);
    }

    DiscoveryException unsendableHeader(String name) {
        return fail(
                Kind.INVALID_SETTINGS,
                "has an extra header '"
                        + name
                        + "' that cannot be sent (a reserved name or an invalid value): check the"
                        + " headers in the provider settings",
                null);
    }

    DiscoveryException cancelled(Throwable cause) {
        return fail(Kind.CANCELLED, "was not discovered: the discovery was cancelled", cause);
    }

    DiscoveryException answerTimeout(Duration timeout, Throwable cause) {
        return fail(
                Kind.TIMEOUT,
                "did not answer within "
                        + seconds(timeout)
                        + " at "
                        + display(uri)
                        + ": check that the server is running and not overloaded, then try again",
                cause);
    }

    /** The request got no complete answer. */
    DiscoveryException connection(
            Throwable failure, Duration connectTimeout, Duration requestTimeout) {
        if (failure instanceof HttpConnectTimeoutException) {
            return fail(
                    Kind.TIMEOUT,
                    "did not accept a connection at "
                            + hostAndPort()
                            + " within "
                            + seconds(connectTimeout)
                            + ": check the host and port in the base URL, and that no firewall is"
                            + " in the way",
                    failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return answerTimeout(requestTimeout, failure);
        }
        if (failure instanceof LimitedBody.TooLargeException) {
            return fail(
                    Kind.UNEXPECTED_SHAPE,
                    "answered more than "
                            + ModelDiscovery.MAX_BODY_BYTES / (1024 * 1024)
                            + " MB at "
                            + display(uri)
                            + ", which is no model list: check the base URL",
                    failure);
        }
        if (failure instanceof ConnectException
                && failure.getCause() instanceof UnresolvedAddressException) {
            // How the JDK client reports a host name that does not resolve.
            return fail(
                    Kind.UNREACHABLE,
                    "could not be reached: the host name '"
                            + uri.getHost()
                            + "' is unknown: check the host in the base URL and the network"
                            + " connection",
                    failure);
        }
        if (failure instanceof ConnectException) {
            return fail(
                    Kind.UNREACHABLE,
                    "could not be reached at "
                            + hostAndPort()
                            + " (connection refused or no route): check that the server is running"
                            + " and the host and port in the base URL",
                    failure);
        }
        if (failure instanceof SSLException) {
            return fail(
                    Kind.UNREACHABLE,
                    "failed the TLS handshake at "
                            + hostAndPort()
                            + ": check http or https in the base URL; if it is your own server"
                            + " with a self-signed certificate, add its certificate to the"
                            + " provider",
                    failure);
        }
        if (failure instanceof IOException) {
            return fail(
                    Kind.UNREACHABLE,
                    "closed the connection at "
                            + hostAndPort()
                            + " without an answer: check http or https and the port in the base"
                            + " URL",
                    failure);
        }
        return fail(
                Kind.UNREACHABLE,
                "could not be asked at "
                        + display(uri)
                        + " ("
                        + failure.getClass().getSimpleName()
                        + "): check the base URL",
                failure);
    }

    /** The answer's status is not 2xx. */
    DiscoveryException status(HttpResponse<?> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return provider.apiKey().isPresent()
                    ? fail(
                            Kind.WRONG_KEY,
                            "rejected the API key (HTTP "
                                    + status
                                    + "): check the key in the provider settings",
                            null)
                    : fail(
                            Kind.WRONG_KEY,
                            "requires an API key (HTTP "
                                    + status
                                    + "): add the key in the provider settings",
                            null);
        }
        if (status == 404) {
            return fail(
                    Kind.NOT_FOUND,
                    "answered 404 at "
                            + display(uri)
                            + ": check that the base URL ends with /v1 (the address before"
                            + " /chat/completions, e.g. http://localhost:11434/v1)",
                    null);
        }
        if (status >= 500) {
            return fail(
                    Kind.SERVER_ERROR,
                    "had a server error (HTTP "
                            + status
                            + ") at "
                            + display(uri)
                            + ": check the server's logs, or try again later",
                    null);
        }
        if (status / 100 == 3) {
            Optional<String> location =
                    response.headers().firstValue("Location").flatMap(this::displayLocation);
            return fail(
                    Kind.UNEXPECTED_STATUS,
                    location.isPresent()
                            ? "redirected "
                                    + display(uri)
                                    + " to "
                                    + location.get()
                                    + " (HTTP "
                                    + status
                                    + "): put the new address in the base URL"
                            : "answered with a redirect (HTTP "
                                    + status
                                    + ") at "
                                    + display(uri)
                                    + ": check the base URL",
                    null);
        }
        return fail(
                Kind.UNEXPECTED_STATUS,
                "answered HTTP "
                        + status
                        + " at "
                        + display(uri)
                        + " instead of a model list: check the base URL and the provider's status",
                null);
    }

    /** A 2xx answer without a usable model list. */
    DiscoveryException unusable(ModelListParser.Problem problem) {
        String at = display(uri);
        return switch (problem) {
            case HTML ->
                    fail(
                            Kind.NOT_JSON,
                            "answered with a web page instead of a model list at "
                                    + at
                                    + ": check that the base URL is the API address (usually ending with"
                                    + " /v1)",
                            null);
            case NOT_JSON ->
                    fail(
                            Kind.NOT_JSON,
                            "answered with something other than JSON at "
                                    + at
                                    + ": check that the base URL is an OpenAI-compatible API address"
                                    + " (usually ending with /v1)",
                            null);
            case OLLAMA_NATIVE ->
                    fail(
                            Kind.UNEXPECTED_SHAPE,
                            "answered in Ollama's own format at "
                                    + at
                                    + ": use its OpenAI-compatible address as the base URL, e.g."
                                    + " http://localhost:11434/v1",
                            null);
            case ERROR_OBJECT ->
                    fail(
                            Kind.UNEXPECTED_SHAPE,
                            "answered with an error instead of a model list at "
                                    + at
                                    + ": check the key and the base URL in the provider settings",
                            null);
            case NO_MODEL_LIST ->
                    fail(
                            Kind.UNEXPECTED_SHAPE,
                            "answered JSON without a model list at "
                                    + at
                                    + " (expected {\"data\":[{\"id\": ...}]}): check that the base URL is"
                                    + " an OpenAI-compatible API address",
                            null);
        };
    }

    private DiscoveryException fail(Kind kind, String what, Throwable cause) {
        return new DiscoveryException(
                kind, provider.name(), "Provider '" + provider.name() + "' " + what, cause);
    }

    private String hostAndPort() {
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        return uri.getHost() + ":" + port;
    }

    /**
     * The redirect target without its query, with this provider's secrets masked: the server chose
     * it, so it may echo what it was sent.
     */
    private Optional<String> displayLocation(String location) {
        String shown;
        try {
            shown = display(uri.resolve(new URI(location.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> secrets = new ArrayList<>(provider.headers().values());
        provider.apiKey().ifPresent(secrets::add);
        for (String secret : secrets) {
            if (secret.length() >= MIN_MASKED_LENGTH) {
                shown = shown.replace(secret, "***");
            }
        }
        return Optional.of(shown);
    }

    /** {@code uri} without user info, query or fragment: the parts that could carry a secret. */
    static String display(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    /** "10 s", or for the short timeouts of tests "0.25 s". */
    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0
                ? (millis / 1000) + " s"
                : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
