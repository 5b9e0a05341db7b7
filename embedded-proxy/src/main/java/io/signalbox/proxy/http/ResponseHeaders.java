package io.signalbox.proxy.http;

import io.signalbox.proxy.routing.Target;
import org.eclipse.jetty.http.HttpFields;

/** The {@code x-signalbox-*} headers of CONTRACT section 3. */
final class ResponseHeaders {

    static final String REQUEST_ID = "x-request-id";
    static final String ROUTE = "x-signalbox-route";
    static final String PROVIDER = "x-signalbox-provider";
    static final String MODEL = "x-signalbox-model";
    static final String ATTEMPTS = "x-signalbox-attempts";
    static final String SHOULD_RETRY = "x-should-retry";

    /** The router a call came in on ({@code /router/{slug}/v1}); absent on {@code /v1}. */
    static final String ROUTER = "x-signalbox-router";

    /**
     * Tokens the access key has left today; sent once it used {@code
     * KeyTokensToday.WARNING_PERCENT} of its daily limit, as the warning that the limit is near.
     */
    static final String KEY_TOKENS_REMAINING = "x-signalbox-key-tokens-remaining";

    private ResponseHeaders() {}

    /** A target answered: name it and count the attempts it took. */
    static void served(
            HttpFields.Mutable headers,
            Exchange exchange,
            Target target,
            String model,
            int attempts) {
        headers.put(ROUTE, exchange.route().name());
        headers.put(PROVIDER, target.provider());
        headers.put(MODEL, model);
        headers.put(ATTEMPTS, String.valueOf(attempts));
    }

    /** No target served the call: name the route and the attempts made. */
    static void unserved(HttpFields.Mutable headers, Exchange exchange, int attempts) {
        headers.put(ROUTE, exchange.route().name());
        headers.put(ATTEMPTS, String.valueOf(attempts));
        // The proxy already tried every target; an SDK retrying at once would only add load.
        headers.put(SHOULD_RETRY, "false");
    }
}
