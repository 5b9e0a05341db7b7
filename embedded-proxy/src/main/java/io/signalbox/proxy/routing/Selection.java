package io.signalbox.proxy.routing;

/** How a route picks the first target of a request among the ones that may take it. */
public enum Selection {
    /** A random pick in proportion to the weights (the default). */
    WEIGHTED,
    /** Strict turns in configured order, weights ignored (weight 0 still means no traffic). */
    ROUND_ROBIN
}
