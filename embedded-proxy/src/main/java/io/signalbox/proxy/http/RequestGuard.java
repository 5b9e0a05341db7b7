package io.signalbox.proxy.http;

import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.access.Caller;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The checks every {@code /v1} request passes before anything else: the {@code Host} header on a
 * loopback bind (a web page that rebinds its DNS name to 127.0.0.1 still sends its own name), the
 * browser {@code Origin}, and the access key.
 */
final class RequestGuard {

    private final boolean loopbackBind;
    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;

    RequestGuard(ProxyOptions options) {
        this.loopbackBind = isLoopback(options.host());
        this.allowedHosts =
                options.allowedHosts().stream()
                        .map(host -> host.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        this.allowedOrigins = options.allowedOrigins();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Checks the Host and Origin headers.
     *
     * @return the browser origin when there is one and it is allowed, else empty
     */
    Optional<String> checkHostAndOrigin(Request request) throws RejectedRequest {
        if (loopbackBind) {
            if (!HostHeader.isAllowed(request.getHeaders().get(HttpHeader.HOST), allowedHosts)) {
                throw RejectedRequest.forbidden(
                        "host_not_allowed",
                        "Signalbox answers only requests addressed to localhost, 127.0.0.1 or [::1]"
                                + " (protection against DNS rebinding); add this host name in the"
                                + " settings to allow it");
            }
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return Optional.empty();
        }
        if (!allowedOrigins.contains(origin)) {
            throw RejectedRequest.forbidden(
                    "origin_not_allowed",
                    "Browser pages may not call this Signalbox unless their origin is allowed in"
                            + " the settings");
        }
        return Optional.of(origin);
    }

    /** The caller, or a 401 when a key is needed and missing or unknown. */
    static Caller authenticate(Request request, AccessPolicy access) throws RejectedRequest {
        Optional<String> key = presentedKey(request);
        Optional<Caller> caller = key.flatMap(access::authenticate);
        if (caller.isPresent()) {
            return caller.get();
        }
        if (!access.keysRequired()) {
            // Clients often send a placeholder key ("sk-no-key"); no key is needed, so fine.
            return Caller.ANONYMOUS;
        }
        throw RejectedRequest.invalidKey(
                key.isEmpty()
                        ? "This Signalbox needs an access key: send it as 'Authorization: Bearer"
                                + " KEY' or 'x-api-key: KEY'"
                        : "The access key is not valid (unknown or revoked)");
    }

    static Optional<String> presentedKey(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null) {
            String value = authorization.strip();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String key = value.substring(7).strip();
                if (!key.isEmpty()) {
                    return Optional.of(key);
                }
            }
        }
        String apiKey = request.getHeaders().get("x-api-key");
        return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey.strip());
    }
}
