package io.signalbox.app.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A place where a local model server may already be running.
 *
 * @param preset what the server would be, which names the provider added for it
 * @param baseUrl where to look, {@code .../v1}
 */
public record LocalServer(ProviderPreset preset, String baseUrl) {

    /** Ollama, LM Studio, vLLM and llama.cpp on their default ports. */
    public static List<LocalServer> defaults() {
        return Arrays.stream(ProviderPreset.values())
                .filter(ProviderPreset::local)
                .map(preset -> new LocalServer(preset, preset.baseUrl()))
                .toList();
    }

    /** Whether {@code baseUrl} points at this machine (by name or loopback address). */
    public static boolean isOnThisMachine(String baseUrl) {
        String host;
        try {
            host = new URI(baseUrl == null ? "" : baseUrl.strip()).getHost();
        } catch (URISyntaxException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
