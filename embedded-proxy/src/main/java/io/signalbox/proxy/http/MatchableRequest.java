package io.signalbox.proxy.http;

import io.signalbox.proxy.routing.RequestView;
import io.signalbox.proxy.routing.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** Takes the parts of a Jetty request that targets' match conditions look at. */
final class MatchableRequest {

    private MatchableRequest() {}

    /**
     * The request's matchable parts, or {@link RequestView#NONE} when no target of the route has
     * conditions: then nothing looks at them, and copying every header costs each request about a
     * microsecond (docs/performance.md, session 4).
     */
    static RequestView of(Request request, Route route) {
        if (route.targets().stream().allMatch(target -> target.match().isAny())) {
            return RequestView.NONE;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Fields.Field parameter : queryOf(request)) {
            query.put(parameter.getName(), parameter.getValues());
        }
        return new RequestView(headers, query, Request.getPathInContext(request));
    }

    /**
     * Jetty refuses a query with bad %-escapes. Such a query was ignored before targets had
     * conditions, and a client of a route without query conditions must not start failing now: it
     * is read as no parameters, so a query condition simply does not hold.
     */
    private static Fields queryOf(Request request) {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            return Fields.EMPTY;
        }
    }
}
