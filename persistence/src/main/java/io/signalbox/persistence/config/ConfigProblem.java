package io.signalbox.persistence.config;

/**
 * One thing wrong with a configuration document.
 *
 * @param path where in the JSON, e.g. {@code routes[0].targets[1].weight}; {@code $} for the whole
 *     document
 * @param message what is wrong, in plain words; never contains a secret value
 */
public record ConfigProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
