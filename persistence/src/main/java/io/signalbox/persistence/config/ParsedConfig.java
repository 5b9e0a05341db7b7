package io.signalbox.persistence.config;

import java.util.Set;

/**
 * A configuration read from a file, before it is merged with what is stored.
 *
 * @param providersKeepingSecrets names of providers whose {@code apiKey} field was absent: an
 *     export without secrets leaves keys out, so re-importing it keeps the stored key instead of
 *     deleting it ({@code "apiKey": null} deletes it)
 */
public record ParsedConfig(SignalboxConfig config, Set<String> providersKeepingSecrets) {

    public ParsedConfig {
        providersKeepingSecrets = Set.copyOf(providersKeepingSecrets);
    }
}
