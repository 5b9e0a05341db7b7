package io.signalbox.persistence.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration was rejected; nothing was changed. Carries every problem found, not the first.
 */
public final class InvalidConfigException extends Exception {

    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(
                problems.size()
                        + (problems.size() == 1 ? " problem" : " problems")
                        + " in the configuration:\n"
                        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
