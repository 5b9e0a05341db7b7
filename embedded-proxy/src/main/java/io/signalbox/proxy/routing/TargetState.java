package io.signalbox.proxy.routing;

/** Whether the planner may send traffic to a target, and if not, why. */
public enum TargetState {
    /** Takes traffic. */
    HEALTHY,
    /** Rate limited: out until the provider's Retry-After (or the default cooldown) passes. */
    COOLING,
    /** Failed several times in a row: out for an exponentially growing time. */
    EJECTED,
    /**
     * The key was rejected or the quota is used up: out until the configuration changes, because
     * waiting will not fix either.
     */
    HELD_OUT
}
