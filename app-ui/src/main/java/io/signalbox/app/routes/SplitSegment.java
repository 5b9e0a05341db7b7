package io.signalbox.app.routes;

/**
 * One part of a split bar.
 *
 * @param color index into the split colours
 * @param share 0..1 of the route's traffic
 * @param label the target, for the tooltip
 */
public record SplitSegment(int color, double share, String label) {}
