package io.signalbox.app.routers;

import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.SignalboxConfig;

/** The two calls of {@code ConfigService} the Routers panel needs, as a port for its tests. */
public interface RouterStore {

    SignalboxConfig current();

    /** Validates, stores and applies to the running proxy, all or nothing. */
    SignalboxConfig replace(SignalboxConfig next) throws InvalidConfigException;
}
