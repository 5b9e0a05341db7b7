package io.signalbox.app.routes;

import io.signalbox.persistence.config.ConfigProblem;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor's checks of a route draft, run on every change so problems show while the user edits,
 * and the mapping of the store's problems (paths such as {@code routes[1].targets[0].provider}) to
 * the editor's fields. The store's validator stays the authority: whatever it reports that these
 * checks missed still reaches the user, next to the right field.
 */
final class RouteChecks {

    static final int MIN_TIMEOUT_SECONDS = 1;

    /** The configuration reader's limit (docs/configuration.md). */
    static final int MAX_TIMEOUT_SECONDS = 3600;

    private static final Pattern ROUTE_PATH = Pattern.compile("routes\\[(\\d+)](.*)");
    private static final Pattern ROW_PATH = Pattern.compile("\\.(targets|fallbacks)\\[(\\d+)].*");

    private RouteChecks() {}

    static Findings check(
            String name,
            Collection<String> otherRouteNames,
            Set<String> providers,
            List<TargetDraft> targets,
            List<FallbackDraft> fallbacks,
            int timeoutSeconds) {
        Findings findings = new Findings();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            findings.name = "Give the route a name: the model name your clients send.";
        } else if (otherRouteNames.contains(trimmed)) {
            findings.name = "Another route is named '" + trimmed + "'.";
        }
        findings.targets = splitProblem(targets);
        Map<ModelRef, Integer> seen = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            ModelRef model = targets.get(i).model();
            if (!providers.contains(model.provider())) {
                findings.targetRows.put(i, noProvider(model));
            } else if (seen.putIfAbsent(model, i) != null) {
                findings.targetRows.put(i, "This model is already a target above.");
            }
        }
        Map<ModelRef, Integer> seenFallbacks = new HashMap<>();
        for (int i = 0; i < fallbacks.size(); i++) {
            ModelRef model = fallbacks.get(i).model();
            if (!providers.contains(model.provider())) {
                findings.fallbackRows.put(i, noProvider(model));
            } else if (seen.containsKey(model)) {
                findings.fallbackRows.put(
                        i, "Already a target of this route; a fallback must be another model.");
            } else if (seenFallbacks.putIfAbsent(model, i) != null) {
                findings.fallbackRows.put(i, "Already a fallback above.");
            }
        }
        if (timeoutSeconds < MIN_TIMEOUT_SECONDS || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            findings.timeout =
                    "Use " + MIN_TIMEOUT_SECONDS + " to " + MAX_TIMEOUT_SECONDS + " seconds.";
        }
        return findings;
    }

    /**
     * A route whose targets take no traffic answers every call with an error (or goes straight to
     * its fallbacks), which is never what someone building a split means.
     */
    private static String splitProblem(List<TargetDraft> targets) {
        if (targets.isEmpty()) {
            return "Add at least one target: drag a model here from the list on the left.";
        }
        boolean anyEnabled = targets.stream().anyMatch(t -> t.enabledProperty().get());
        if (!anyEnabled) {
            return "No enabled target: switch at least one target on.";
        }
        boolean anyTraffic =
                targets.stream()
                        .anyMatch(t -> t.enabledProperty().get() && t.weightProperty().get() > 0);
        if (!anyTraffic) {
            return "Every enabled target has weight 0: give one a weight above 0.";
        }
        return null;
    }

    private static String noProvider(ModelRef model) {
        return "No provider is named '" + model.provider() + "' any more.";
    }

    /**
     * Puts each of the store's problems next to its field: those of the route at {@code routeIndex}
     * by their path, all others (another route, an access key) in the general line.
     */
    static Findings fromStore(List<ConfigProblem> problems, int routeIndex) {
        Findings findings = new Findings();
        for (ConfigProblem problem : problems) {
            String message = sentence(problem.message());
            Matcher route = ROUTE_PATH.matcher(problem.path());
            if (!route.matches() || Integer.parseInt(route.group(1)) != routeIndex) {
                findings.general = Findings.first(findings.general, problem.toString());
                continue;
            }
            String rest = route.group(2);
            Matcher row = ROW_PATH.matcher(rest);
            if (rest.equals(".name")) {
                findings.name = Findings.first(findings.name, "The name " + message);
            } else if (rest.equals(".timeoutSeconds")) {
                findings.timeout = Findings.first(findings.timeout, "The timeout " + message);
            } else if (rest.equals(".retries")) {
                findings.retries = Findings.first(findings.retries, "Retries " + message);
            } else if (rest.equals(".targets")) {
                findings.targets = Findings.first(findings.targets, capitalized(message));
            } else if (rest.equals(".fallbacks")) {
                findings.fallbacks = Findings.first(findings.fallbacks, capitalized(message));
            } else if (row.matches()) {
                Map<Integer, String> rows =
                        row.group(1).equals("targets")
                                ? findings.targetRows
                                : findings.fallbackRows;
                String field = rest.substring(rest.indexOf(']') + 1);
                String text =
                        field.isEmpty() ? capitalized(message) : field.substring(1) + " " + message;
                rows.putIfAbsent(Integer.parseInt(row.group(2)), capitalized(text));
            } else {
                findings.general = Findings.first(findings.general, problem.toString());
            }
        }
        return findings;
    }

    private static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
