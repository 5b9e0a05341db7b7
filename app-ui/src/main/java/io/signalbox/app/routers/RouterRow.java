package io.signalbox.app.routers;

import java.util.List;

/**
 * One router as the panel lists it.
 *
 * @param url the router's full endpoint, e.g. {@code http://127.0.0.1:8337/router/team-a/v1}
 */
public record RouterRow(String slug, boolean active, List<String> routes, String url) {

    public RouterRow {
        routes = List.copyOf(routes);
    }

    /** "2 routes: chat, embed" or "no route yet". */
    public String routesText() {
        if (routes.isEmpty()) {
            return "no route yet: pick routers in a route's editor";
        }
        return routes.size()
                + (routes.size() == 1 ? " route: " : " routes: ")
                + String.join(", ", routes);
    }
}
