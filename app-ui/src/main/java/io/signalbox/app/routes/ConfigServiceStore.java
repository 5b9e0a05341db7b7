package io.signalbox.app.routes;

import io.signalbox.app.runtime.ConfigService;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.SignalboxConfig;

/** The running runtime's {@link ConfigService} as the screens' {@link ConfigStore} port. */
public class ConfigServiceStore implements ConfigStore {

    private final ConfigService service;

    public ConfigServiceStore(ConfigService service) {
        this.service = service;
    }

    @Override
    public SignalboxConfig current() {
        return service.current();
    }

    @Override
    public SignalboxConfig replace(SignalboxConfig next) throws InvalidConfigException {
        return service.replace(next);
    }
}
