package io.signalbox.proxy.management;

import io.signalbox.proxy.ProxyOptions;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts the management API beside the proxy on one port: {@code /api} and everything under it go to
 * the {@link ManagementHandler}, every other path to the proxy's handler, untouched. One prefix
 * test per request, so {@code /v1} pays nothing measurable for it.
 *
 * <p>A fixed (not dynamic) container: Jetty then takes its invocation type from both children,
 * which are both non-blocking, and keeps running {@code /v1} requests without a thread hand-off.
 */
public final class ManagementMount extends Handler.AbstractContainer {

    static final String PREFIX = "/api";

    private final Handler management;
    private final Handler proxy;

    /**
     * @param api what the calls answer from
     * @param adminToken tells whether a presented bearer token is the admin token; it must compare
     *     in constant time
     * @param options the proxy's options: the allowed hosts and origins apply to {@code /api} too
     * @param clock gives "now" for the default usage window
     * @param proxy the handler of every path outside {@code /api}
     */
    public ManagementMount(
            ManagementApi api,
            Predicate<String> adminToken,
            ProxyOptions options,
            Clock clock,
            Handler proxy) {
        super(false);
        this.management = new ManagementHandler(api, adminToken, options, clock);
        this.proxy = proxy;
        installBean(management);
        installBean(proxy);
    }

    static boolean isManagementPath(String path) {
        return path.startsWith(PREFIX)
                && (path.length() == PREFIX.length() || path.charAt(PREFIX.length()) == '/');
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return isManagementPath(Request.getPathInContext(request))
                ? management.handle(request, response, callback)
                : proxy.handle(request, response, callback);
    }

    @Override
    public List<Handler> getHandlers() {
        return List.of(management, proxy);
    }
}
