package io.signalbox.persistence.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks what the optional routing fields of issue 9 mean: ranges, header names, path globs. */
final class RoutingOptionsValidator {

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
    static final int MAX_PATH_LENGTH = 1024;
    static final int MAX_VALUE_LENGTH = 1024;
    static final int MAX_QUERY_NAME_LENGTH = 256;

    private RoutingOptionsValidator() {}

    static void validateRoute(RouteConfig route, String path, List<ConfigProblem> problems) {
        route.retries()
                .ifPresent(
                        retries -> {
                            if (retries < 0 || retries > RouteConfig.MAX_RETRIES) {
                                problems.add(
                                        new ConfigProblem(
                                                path + ".retries",
                                                "must be from 0 to "
                                                        + RouteConfig.MAX_RETRIES
                                                        + " (it is "
                                                        + retries
                                                        + "); leave it out to try every target"));
                            }
                        });
        for (int t = 0; t < route.targets().size(); t++) {
            validateMatch(
                    route.targets().get(t).match(), path + ".targets[" + t + "].match", problems);
        }
    }

    private static void validateMatch(
            TargetMatch match, String path, List<ConfigProblem> problems) {
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, String> header : match.headers().entrySet()) {
            String headerPath = path + ".headers." + header.getKey();
            if (!HEADER_NAME.matcher(header.getKey()).matches()) {
                problems.add(new ConfigProblem(headerPath, "is not a valid HTTP header name"));
            } else {
                String earlier = seen.put(header.getKey().toLowerCase(Locale.ROOT), headerPath);
                if (earlier != null) {
                    problems.add(
                            new ConfigProblem(
                                    headerPath,
                                    "the same header as "
                                            + earlier
                                            + " (header names ignore case)"));
                }
            }
            checkValue(headerPath, header.getValue(), problems);
        }
        for (Map.Entry<String, String> parameter : match.query().entrySet()) {
            String parameterPath = path + ".query." + parameter.getKey();
            if (parameter.getKey().isEmpty()) {
                problems.add(new ConfigProblem(path + ".query", "a parameter name is empty"));
            } else if (parameter.getKey().length() > MAX_QUERY_NAME_LENGTH) {
                problems.add(
                        new ConfigProblem(
                                path + ".query",
                                "a parameter name is longer than "
                                        + MAX_QUERY_NAME_LENGTH
                                        + " characters"));
            }
            checkValue(parameterPath, parameter.getValue(), problems);
        }
        match.path().ifPresent(glob -> checkPath(path + ".path", glob, problems));
    }

    private static void checkValue(String path, String value, List<ConfigProblem> problems) {
        if (value.length() > MAX_VALUE_LENGTH) {
            problems.add(
                    new ConfigProblem(
                            path, "the value is longer than " + MAX_VALUE_LENGTH + " characters"));
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(
                    new ConfigProblem(path, "the value must not contain line breaks or controls"));
        }
    }

    private static void checkPath(String path, String glob, List<ConfigProblem> problems) {
        if (!glob.startsWith("/")) {
            problems.add(
                    new ConfigProblem(
                            path, "must start with / (a request path such as /v1/chat/*)"));
        } else if (glob.length() > MAX_PATH_LENGTH) {
            problems.add(
                    new ConfigProblem(path, "is longer than " + MAX_PATH_LENGTH + " characters"));
        } else if (glob.chars()
                .anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            problems.add(new ConfigProblem(path, "must not contain spaces or control characters"));
        }
    }
}
