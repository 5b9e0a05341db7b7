package io.signalbox.proxy.http;

import io.signalbox.proxy.access.Caller;
import io.signalbox.proxy.routing.Router;
import io.signalbox.proxy.routing.RoutingTable;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;

/**
 * Which routes a call may reach, from the endpoint it came in on (ADR 0013): {@code /v1} reaches
 * every route, {@code /router/{slug}/v1} only the routes of an active router. A key limited to
 * routers may call only those routers' endpoints.
 */
final class RouterScope {

    private RouterScope() {}

    /**
     * The routes this call may be resolved in.
     *
     * @param slug the router the call came in on; empty for {@code /v1}
     * @throws RejectedRequest 403 when the key may not call this endpoint, 404 when the router is
     *     unknown or inactive
     */
    static RoutingTable tableFor(
            Caller caller, Optional<String> slug, RoutingTable table, HttpFields.Mutable headers)
            throws RejectedRequest {
        // Checked before the router is looked up, so a key limited to routers learns nothing
        // about the others.
        if (!caller.mayCall(slug)) {
            throw RejectedRequest.forbidden(
                    "router_not_allowed",
                    "This access key may call only the router endpoints "
                            + String.join(
                                    ", ",
                                    caller.routers().stream()
                                            .sorted()
                                            .map(allowed -> RouterPath.PREFIX + allowed + "/v1")
                                            .toList()));
        }
        if (slug.isEmpty()) {
            return table;
        }
        Router router =
                table.router(slug.get())
                        .filter(Router::active)
                        .orElseThrow(() -> routerNotFound(slug.get()));
        headers.put(ResponseHeaders.ROUTER, router.slug());
        return table.servedBy(router);
    }

    static RejectedRequest routerNotFound(String slug) {
        return new RejectedRequest(
                404,
                "invalid_request_error",
                "router_not_found",
                "There is no active router '" + slug + "' on this Signalbox");
    }

    /** A model the router does not serve, though {@code /v1} may. */
    static RejectedRequest modelNotOnRouter(String model, String slug) {
        return new RejectedRequest(
                404,
                "invalid_request_error",
                "model_not_found",
                "The model '" + model + "' is not served by the router '" + slug + "'");
    }
}
