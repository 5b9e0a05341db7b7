package io.signalbox.proxy.routing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the health book knows about one target at one instant.
 *
 * @param until when a {@link TargetState#COOLING} or {@link TargetState#EJECTED} target comes back;
 *     empty for the other states, which have no deadline
 * @param reason a plain sentence for the UI, e.g. "the provider rejected the API key"
 */
public record TargetHealth(
        TargetKey target, TargetState state, Optional<Instant> until, Optional<String> reason) {

    public TargetHealth {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        boolean timed = state == TargetState.COOLING || state == TargetState.EJECTED;
        if (timed != until.isPresent()) {
            throw new IllegalArgumentException(
                    state + " " + (timed ? "needs" : "cannot have") + " an until instant");
        }
    }

    public static TargetHealth healthy(TargetKey target) {
        return new TargetHealth(target, TargetState.HEALTHY, Optional.empty(), Optional.empty());
    }
}
