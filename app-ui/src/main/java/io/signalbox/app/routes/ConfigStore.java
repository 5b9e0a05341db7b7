package io.signalbox.app.routes;

import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.SignalboxConfig;

/**
 * The two calls of {@code ConfigService} the Routes screen needs, as a port, so the view models do
 * not depend on how the runtime is started. The app passes the real service's methods.
 */
public interface ConfigStore {

    SignalboxConfig current();

    /** Validates, stores and applies to the running proxy, all or nothing. */
    SignalboxConfig replace(SignalboxConfig next) throws InvalidConfigException;
}
