package io.signalbox.app.routes;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a condition before it joins a target, with the configuration validator's rules
 * (RoutingOptionsValidator: header token names, value and path lengths, no control characters, a
 * path that starts with /) plus two the form adds: a value is never empty (an empty value is almost
 * always a slip), and a name is not given twice on one target (the second would replace the first).
 * The store's validator still checks everything on save.
 */
final class ConditionRules {

    /** RFC 9110 token characters, as the configuration validator accepts them. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

    static final int MAX_VALUE_LENGTH = 1024;
    static final int MAX_QUERY_NAME_LENGTH = 256;
    static final int MAX_PATH_LENGTH = 1024;

    private ConditionRules() {}

    /**
     * What is wrong with {@code candidate} on a target that has {@code existing} conditions, or
     * null when it may be added.
     *
     * @param replacing the index in {@code existing} that the candidate replaces (an edit), or -1
     */
    static String problem(List<MatchCondition> existing, int replacing, MatchCondition candidate) {
        String own = ownProblem(candidate);
        if (own != null) {
            return own;
        }
        for (int i = 0; i < existing.size(); i++) {
            MatchCondition other = existing.get(i);
            if (i == replacing || other.kind() != candidate.kind()) {
                continue;
            }
            switch (candidate.kind()) {
                case HEADER -> {
                    if (lower(other.name()).equals(lower(candidate.name()))) {
                        return "This target already has a condition on the header "
                                + other.name()
                                + " (header names ignore case); edit that one.";
                    }
                }
                case QUERY -> {
                    if (other.name().equals(candidate.name())) {
                        return "This target already has a condition on ?"
                                + other.name()
                                + "; edit that one.";
                    }
                }
                case PATH -> {
                    return "A target has one path condition; edit the one it has.";
                }
            }
        }
        return null;
    }

    private static String ownProblem(MatchCondition condition) {
        return switch (condition.kind()) {
            case HEADER -> {
                if (condition.name().isEmpty()) {
                    yield "Enter the header's name, e.g. user-type.";
                }
                if (!HEADER_NAME.matcher(condition.name()).matches()) {
                    yield "'"
                            + condition.name()
                            + "' is not a valid header name: use letters, digits and - (no"
                            + " spaces or colons).";
                }
                yield valueProblem(condition.value());
            }
            case QUERY -> {
                if (condition.name().isEmpty()) {
                    yield "Enter the query parameter's name, e.g. beta.";
                }
                if (condition.name().length() > MAX_QUERY_NAME_LENGTH) {
                    yield "The parameter name is longer than "
                            + MAX_QUERY_NAME_LENGTH
                            + " characters.";
                }
                if (hasControl(condition.name())) {
                    yield "The parameter name must not contain line breaks or controls.";
                }
                yield valueProblem(condition.value());
            }
            case PATH -> pathProblem(condition.value());
        };
    }

    private static String valueProblem(String value) {
        if (value.isEmpty()) {
            return "Enter the value the request must have; it is compared exactly.";
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return "The value is longer than " + MAX_VALUE_LENGTH + " characters.";
        }
        if (hasControl(value)) {
            return "The value must not contain line breaks or controls.";
        }
        return null;
    }

    private static String pathProblem(String glob) {
        if (glob.isEmpty()) {
            return "Enter a path such as /v1/chat/* (* matches anything, also /).";
        }
        if (!glob.startsWith("/")) {
            return "The path must start with /, e.g. /v1/chat/*.";
        }
        if (glob.length() > MAX_PATH_LENGTH) {
            return "The path is longer than " + MAX_PATH_LENGTH + " characters.";
        }
        if (glob.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "The path must not contain spaces or control characters.";
        }
        return null;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
