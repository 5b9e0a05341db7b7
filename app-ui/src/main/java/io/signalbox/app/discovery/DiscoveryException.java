package io.signalbox.app.discovery;

/**
 * A discovery that found no model list. The message is meant for the user as it is: it names the
 * provider and what to check, and never holds the provider's key or header values.
 */
public final class DiscoveryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why no list came back; the UI and the API may pick an icon or status from it. */
    public enum Kind {
        /** HTTP 401 or 403: the key is missing, wrong or not allowed to list models. */
        WRONG_KEY,
        /** HTTP 404: usually a base URL without its {@code /v1}. */
        NOT_FOUND,
        /** A 2xx answer that is not JSON, often a web page. */
        NOT_JSON,
        /** JSON, but no model list in a shape Signalbox knows. */
        UNEXPECTED_SHAPE,
        /** No connection: unknown host, refused, TLS failure, connection closed early. */
        UNREACHABLE,
        /** No connection or no complete answer within the timeout. */
        TIMEOUT,
        /** HTTP 5xx. */
        SERVER_ERROR,
        /** Any other status: a redirect, 400, 429, ... */
        UNEXPECTED_STATUS,
        /** The provider's settings cannot make a request: a malformed base URL or header. */
        INVALID_SETTINGS,
        /** The calling thread was interrupted while waiting. */
        CANCELLED
    }

    private final Kind kind;
    private final String provider;

    DiscoveryException(Kind kind, String provider, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.provider = provider;
    }

    public Kind kind() {
        return kind;
    }

    /** The name of the provider that was asked. */
    public String provider() {
        return provider;
    }
}
