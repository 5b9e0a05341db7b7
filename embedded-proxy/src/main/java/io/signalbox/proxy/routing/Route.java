package io.signalbox.proxy.routing;

import java.time.Duration;
import java.util.List;

/**
 * A public model name (or glob) that clients call, with its weighted targets and ordered fallbacks.
 *
 * @param firstByteTimeout the longest wait for an attempt's first response byte
 */
public record Route(
        String name,
        boolean enabled,
        List<Target> targets,
        List<Target> fallbacks,
        Duration firstByteTimeout) {

    public Route {
        targets = List.copyOf(targets);
        fallbacks = List.copyOf(fallbacks);
    }

    public boolean isGlob() {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0;
    }
}
