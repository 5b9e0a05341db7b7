package io.signalbox.proxy.routing;

import java.time.Instant;

/**
 * Read-only access to target health, which is all the planner needs. Keeping it an interface lets
 * tests hand the planner a fixed picture instead of driving a {@link HealthBook} into a state.
 */
public interface HealthView {

    /** Every target healthy: the default before any failure, and the usual test fixture. */
    HealthView ALL_HEALTHY = (target, now) -> TargetHealth.healthy(target);

    TargetHealth health(TargetKey target, Instant now);

    default boolean isAvailable(TargetKey target, Instant now) {
        return health(target, now).state() == TargetState.HEALTHY;
    }
}
