package io.signalbox.proxy.http;

import io.signalbox.proxy.routing.RequestView;
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

    static RequestView of(Request request) {
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
