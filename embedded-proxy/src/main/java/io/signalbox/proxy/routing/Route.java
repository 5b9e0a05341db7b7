package io.signalbox.proxy.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A public model name (or glob) that clients call, with its targets and ordered fallbacks.
 *
 * @param firstByteTimeout the longest wait for an attempt's first response byte
 * @param retries how many other targets to try after the first pick before the fallbacks; empty
 *     tries every available target once
 * @param selection how the first pick is made
 * @param canary present when one of the targets is the route's canary ({@link CanarySplit})
 */
public record Route(
        String name,
        boolean enabled,
        List<Target> targets,
        List<Target> fallbacks,
        Duration firstByteTimeout,
        OptionalInt retries,
        Selection selection,
        Optional<Canary> canary) {

    public Route {
        targets = List.copyOf(targets);
        fallbacks = List.copyOf(fallbacks);
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(canary, "canary");
    }

    /** A route without a canary. */
    public Route(
            String name,
            boolean enabled,
            List<Target> targets,
            List<Target> fallbacks,
            Duration firstByteTimeout,
            OptionalInt retries,
            Selection selection) {
        this(
                name,
                enabled,
                targets,
                fallbacks,
                firstByteTimeout,
                retries,
                selection,
                Optional.empty());
    }

    /** A weighted route that tries every available target once: the behaviour before issue 9. */
    public Route(
            String name,
            boolean enabled,
            List<Target> targets,
            List<Target> fallbacks,
            Duration firstByteTimeout) {
        this(
                name,
                enabled,
                targets,
                fallbacks,
                firstByteTimeout,
                OptionalInt.empty(),
                Selection.WEIGHTED);
    }

    public boolean isGlob() {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0;
    }
}
