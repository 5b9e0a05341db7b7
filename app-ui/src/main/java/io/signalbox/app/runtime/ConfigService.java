package io.signalbox.app.runtime;

import io.signalbox.persistence.AccessKeyRepository;
import io.signalbox.persistence.ConfigRepository;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.ConfigMerge;
import io.signalbox.persistence.config.ConfigProblem;
import io.signalbox.persistence.config.ConfigReader;
import io.signalbox.persistence.config.ConfigValidator;
import io.signalbox.persistence.config.ConfigWriter;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.ParsedConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads, replaces and exports the whole configuration. A replacement is validated completely first,
 * stored in one transaction, then handed to the running proxy: an invalid one changes nothing
 * anywhere.
 */
public final class ConfigService {

    private final ConfigRepository repository;
    private final AccessKeyRepository accessKeys;
    private final Consumer<SignalboxConfig> onChange;
    private final List<Consumer<SignalboxConfig>> listeners = new CopyOnWriteArrayList<>();

    public ConfigService(
            ConfigRepository repository,
            AccessKeyRepository accessKeys,
            Consumer<SignalboxConfig> onChange) {
        this.repository = repository;
        this.accessKeys = accessKeys;
        this.onChange = onChange;
    }

    /**
     * Tells {@code listener} about every configuration stored from now on (from an import, the
     * management API or the UI), after the proxy has it. It runs on the thread that made the
     * change, which is not the JavaFX thread when the change came over HTTP: screens hop over
     * themselves.
     */
    public void addListener(Consumer<SignalboxConfig> listener) {
        listeners.add(listener);
    }

    private void applied(SignalboxConfig stored) {
        onChange.accept(stored);
        listeners.forEach(listener -> listener.accept(stored));
    }

    public synchronized SignalboxConfig current() {
        return repository.load();
    }

    /** Replaces the configuration with a JSON document (CONTRACT section 2), all or nothing. */
    public synchronized SignalboxConfig importJson(String json) throws InvalidConfigException {
        ParsedConfig parsed = ConfigReader.read(json);
        SignalboxConfig next = ConfigMerge.keepStoredSecrets(parsed, repository.load());
        List<ConfigProblem> problems = missingAccessKeys(next);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        repository.replace(next);
        SignalboxConfig stored = repository.load();
        applied(stored);
        return stored;
    }

    /**
     * Replaces the configuration with one built in the desktop UI: the same checks as an import
     * ({@link ConfigValidator}, and new access keys need their value), all or nothing, then applied
     * to the running proxy.
     */
    public synchronized SignalboxConfig replace(SignalboxConfig next)
            throws InvalidConfigException {
        List<ConfigProblem> problems = new ArrayList<>(ConfigValidator.validate(next));
        problems.addAll(missingAccessKeys(next));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        repository.replace(next);
        SignalboxConfig stored = repository.load();
        applied(stored);
        return stored;
    }

    /**
     * Replaces the configuration with {@code change} applied to the stored one, under the same lock
     * as every other change, so nothing stored in between is lost. The change may throw to change
     * nothing.
     */
    public synchronized SignalboxConfig update(UnaryOperator<SignalboxConfig> change)
            throws InvalidConfigException {
        return replace(change.apply(repository.load()));
    }

    /**
     * An access key is stored as a hash only, so a file may name an existing key without its value,
     * but a new one needs its value.
     */
    private List<ConfigProblem> missingAccessKeys(SignalboxConfig next) {
        Set<String> existing =
                accessKeys.list().stream().map(key -> key.name()).collect(Collectors.toSet());
        List<ConfigProblem> problems = new ArrayList<>();
        List<AccessKeyConfig> keys = next.accessKeys();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).key().isEmpty() && !existing.contains(keys.get(i).name())) {
                problems.add(
                        new ConfigProblem(
                                "accessKeys[" + i + "].key",
                                "is required for a new access key (only existing keys may leave it"
                                        + " out)"));
            }
        }
        return problems;
    }

    public String exportJson(boolean includeSecrets) {
        return ConfigWriter.write(repository.load(), includeSecrets);
    }
}
