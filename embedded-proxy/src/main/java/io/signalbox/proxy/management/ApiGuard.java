package io.signalbox.proxy.management;

import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.http.HostHeader;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The checks every {@code /api} request passes before anything else, cheapest first: it comes from
 * this machine, is addressed to a loopback name, is not sent by a web page, and carries the admin
 * token. Unlike {@code /v1}, the Host check applies on every bind address: a page whose DNS name
 * was rebound to 127.0.0.1 reaches the API from a loopback address even when the proxy also listens
 * on the network.
 */
final class ApiGuard {

    private static final String BEARER = "Bearer ";

    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;
    private final Predicate<String> adminToken;

    /**
     * @param adminToken tells whether a presented token is the admin token, in constant time
     */
    ApiGuard(ProxyOptions options, Predicate<String> adminToken) {
        this.allowedHosts =
                options.allowedHosts().stream()
                        .map(host -> host.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        this.allowedOrigins = options.allowedOrigins();
        this.adminToken = adminToken;
    }

    void check(Request request) throws ManagementException {
        if (!fromLoopback(request.getConnectionMetaData().getRemoteSocketAddress())) {
            throw new ManagementException(
                    403,
                    "not_loopback",
                    "The management API answers only programs on this machine (a loopback"
                            + " address such as 127.0.0.1)");
        }
        if (!HostHeader.isAllowed(request.getHeaders().get(HttpHeader.HOST), allowedHosts)) {
            throw new ManagementException(
                    403,
                    "host_not_allowed",
                    "The management API answers only requests addressed to localhost, 127.0.0.1"
                            + " or [::1] (protection against DNS rebinding)");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !allowedOrigins.contains(origin)) {
            throw new ManagementException(
                    403,
                    "origin_not_allowed",
                    "Browser pages may not call the management API unless their origin is"
                            + " allowed in the settings");
        }
        checkToken(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    }

    /** Never quotes what was presented: a near-miss of the token is as secret as the token. */
    private void checkToken(String authorization) throws ManagementException {
        String value = authorization == null ? "" : authorization.strip();
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || value.substring(BEARER.length()).isBlank()) {
            throw new ManagementException(
                    401,
                    "admin_token_missing",
                    "The management API needs 'Authorization: Bearer TOKEN', where TOKEN is the"
                            + " content of the file admin-token in the Signalbox data dir");
        }
        if (!adminToken.test(value.substring(BEARER.length()).strip())) {
            throw new ManagementException(
                    401,
                    "admin_token_invalid",
                    "The admin token is not valid: use the content of the file admin-token in the"
                            + " Signalbox data dir");
        }
    }

    static boolean fromLoopback(SocketAddress remote) {
        return remote instanceof InetSocketAddress address
                && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }
}
