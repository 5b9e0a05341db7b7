package io.signalbox.proxy.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * CORS for the browser origins the user allowed ({@link RequestGuard#checkHostAndOrigin}): the page
 * may call the proxy and read the answer with the headers that name its target.
 */
final class BrowserAccess {

    private static final String EXPOSED_HEADERS =
            String.join(
                    ", ",
                    ResponseHeaders.REQUEST_ID,
                    ResponseHeaders.ROUTE,
                    ResponseHeaders.PROVIDER,
                    ResponseHeaders.MODEL,
                    ResponseHeaders.ATTEMPTS,
                    ResponseHeaders.KEY_TOKENS_REMAINING,
                    ResponseHeaders.ROUTER);

    private BrowserAccess() {}

    /**
     * Lets {@code origin} read this answer. Never {@code Access-Control-Allow-Private-Network}: a
     * public page must not reach this proxy.
     */
    static void allow(Response response, String origin) {
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.getHeaders().add(HttpHeader.VARY, "Origin");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
    }

    /** Answers a preflight {@code OPTIONS} request for an allowed origin. */
    static void answerPreflight(Response response, Callback callback) {
        response.setStatus(204);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
        response.getHeaders()
                .put(
                        HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS,
                        "authorization, content-type, x-api-key");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
        response.write(true, null, callback);
    }
}
