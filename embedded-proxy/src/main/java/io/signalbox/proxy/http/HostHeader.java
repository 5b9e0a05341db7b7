package io.signalbox.proxy.http;

import java.util.Locale;
import java.util.Set;

/**
 * The Host-header rule against DNS rebinding, shared by {@code /v1} and the management API: a web
 * page that rebinds its own name to 127.0.0.1 still sends that name, so only requests addressed to
 * a loopback name or a host name the user allowed are served.
 */
public final class HostHeader {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");

    private HostHeader() {}

    /**
     * @param header the request's Host header, possibly null
     * @param allowedHosts extra host names the user allowed, lower case
     */
    public static boolean isAllowed(String header, Set<String> allowedHosts) {
        String host = hostName(header);
        return host != null && (LOOPBACK_NAMES.contains(host) || allowedHosts.contains(host));
    }

    /** The host part of a Host header, lower case, without port or IPv6 brackets. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : null;
        }
        int colon = value.indexOf(':');
        return colon >= 0 ? value.substring(0, colon) : value;
    }
}
