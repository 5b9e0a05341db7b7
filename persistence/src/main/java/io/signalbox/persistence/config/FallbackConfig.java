package io.signalbox.persistence.config;

/** A model at a provider tried, in list order, once all of a route's targets failed. */
public record FallbackConfig(String provider, String model) {}
