package io.signalbox.app.providers;

import io.signalbox.app.common.BackgroundWork;
import io.signalbox.app.discovery.ModelDiscovery;
import io.signalbox.app.runtime.ConfigService;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the Providers screen's view models work with, gathered once by {@link ProvidersScreen} (or a
 * test).
 *
 * @param lastDiscovered a provider's model list from its last discovery, empty when never
 * @param routeCreated told the name of a route made with "Create route"
 * @param zone the time zone discovery times are shown in
 */
record ProviderServices(
        ConfigService config,
        ModelDiscovery discovery,
        Function<String, List<String>> lastDiscovered,
        OneTokenCall oneTokenCall,
        BackgroundWork work,
        Consumer<String> routeCreated,
        ZoneId zone) {}
