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

    static RequestView of(Request request) throws RejectedRequest {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        Fields parameters;
        try {
            parameters = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            // Jetty refuses bad %-escapes; a condition cannot be judged on a query it cannot read.
            throw RejectedRequest.badRequest(
                    "The query string of the request could not be decoded");
        }
        for (Fields.Field parameter : parameters) {
            query.put(parameter.getName(), parameter.getValues());
        }
        return new RequestView(headers, query, Request.getPathInContext(request));
    }
}
