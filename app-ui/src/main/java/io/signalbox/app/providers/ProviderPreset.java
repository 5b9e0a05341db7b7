package io.signalbox.app.providers;

import java.util.Arrays;
import java.util.Locale;

/**
 * The OpenAI-compatible servers people use most, with their base URLs, so that adding one is a
 * choice instead of a lookup. The local ones are also what the first run looks for.
 */
public enum ProviderPreset {
    OPENAI("OpenAI", "openai", "https://api.openai.com/v1", false),
    OPENROUTER("OpenRouter", "openrouter", "https://openrouter.ai/api/v1", false),
    GROQ("Groq", "groq", "https://api.groq.com/openai/v1", false),
    TOGETHER("Together", "together", "https://api.together.xyz/v1", false),
    MISTRAL("Mistral", "mistral", "https://api.mistral.ai/v1", false),
    DEEPSEEK("DeepSeek", "deepseek", "https://api.deepseek.com/v1", false),
    OLLAMA("Ollama", "ollama", "http://localhost:11434/v1", true),
    LM_STUDIO("LM Studio", "lm-studio", "http://localhost:1234/v1", true),
    VLLM("vLLM", "vllm", "http://localhost:8000/v1", true),
    LLAMA_CPP("llama.cpp server", "llama-cpp", "http://localhost:8080/v1", true),
    OTHER("Other OpenAI-compatible", "", "", false);

    private final String title;
    private final String defaultName;
    private final String baseUrl;
    private final boolean local;

    ProviderPreset(String title, String defaultName, String baseUrl, boolean local) {
        this.title = title;
        this.defaultName = defaultName;
        this.baseUrl = baseUrl;
        this.local = local;
    }

    /** What the preset list shows. */
    public String title() {
        return title;
    }

    /** The provider name it suggests; empty for "Other". */
    public String defaultName() {
        return defaultName;
    }

    /** Its base URL, ending before {@code /chat/completions}; empty for "Other". */
    public String baseUrl() {
        return baseUrl;
    }

    /** A server on this machine, which usually needs no API key. */
    public boolean local() {
        return local;
    }

    /** Cloud services refuse calls without a key. */
    public boolean needsKey() {
        return !local && this != OTHER;
    }

    /** The preset whose base URL this is (trailing slashes and case aside), else {@link #OTHER}. */
    public static ProviderPreset matching(String baseUrl) {
        String wanted = normalized(baseUrl);
        return Arrays.stream(values())
                .filter(preset -> preset != OTHER && normalized(preset.baseUrl).equals(wanted))
                .findFirst()
                .orElse(OTHER);
    }

    private static String normalized(String url) {
        String value = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    @Override
    public String toString() {
        return title;
    }
}
