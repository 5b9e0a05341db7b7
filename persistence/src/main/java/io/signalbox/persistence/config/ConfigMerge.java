package io.signalbox.persistence.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts back the secrets an export left out. A provider whose {@code apiKey} field was absent keeps
 * the stored key and the stored secret headers of the provider with the same name, so exporting
 * without secrets and importing the file again changes nothing.
 */
public final class ConfigMerge {

    private ConfigMerge() {}

    public static SignalboxConfig keepStoredSecrets(ParsedConfig parsed, SignalboxConfig stored) {
        Map<String, ProviderConfig> storedByName =
                stored.providers().stream()
                        .collect(Collectors.toMap(ProviderConfig::name, Function.identity()));
        List<ProviderConfig> providers =
                parsed.config().providers().stream()
                        .map(
                                provider -> {
                                    ProviderConfig old = storedByName.get(provider.name());
                                    if (old == null
                                            || !parsed.providersKeepingSecrets()
                                                    .contains(provider.name())) {
                                        return provider;
                                    }
                                    return withSecretsOf(provider, old);
                                })
                        .toList();
        return new SignalboxConfig(
                providers,
                parsed.config().routes(),
                parsed.config().accessKeys(),
                parsed.config().routers());
    }

    private static ProviderConfig withSecretsOf(ProviderConfig provider, ProviderConfig old) {
        Map<String, String> headers = new LinkedHashMap<>(provider.headers());
        old.headers().entrySet().stream()
                .filter(header -> ConfigWriter.isSecretHeader(header.getKey()))
                .forEach(header -> headers.putIfAbsent(header.getKey(), header.getValue()));
        Optional<String> apiKey = provider.apiKey().or(old::apiKey);
        return new ProviderConfig(
                provider.name(),
                provider.type(),
                provider.baseUrl(),
                apiKey,
                headers,
                provider.models(),
                provider.enabled(),
                provider.trustedCertificate());
    }
}
