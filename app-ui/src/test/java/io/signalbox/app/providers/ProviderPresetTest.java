package io.signalbox.app.providers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderPresetTest {

    @ParameterizedTest
    @CsvSource({
        "OpenAI, openai, https://api.openai.com/v1",
        "OpenRouter, openrouter, https://openrouter.ai/api/v1",
        "Groq, groq, https://api.groq.com/openai/v1",
        "Together, together, https://api.together.xyz/v1",
        "Mistral, mistral, https://api.mistral.ai/v1",
        "DeepSeek, deepseek, https://api.deepseek.com/v1",
        "Ollama, ollama, http://localhost:11434/v1",
        "LM Studio, lm-studio, http://localhost:1234/v1",
        "vLLM, vllm, http://localhost:8000/v1",
        "llama.cpp server, llama-cpp, http://localhost:8080/v1",
    })
    void eachPresetFillsItsBaseUrlAndSuggestsAName(String title, String name, String baseUrl) {
        ProviderPreset preset = ProviderPreset.matching(baseUrl);

        assertThat(preset.title()).isEqualTo(title);
        assertThat(preset.defaultName()).isEqualTo(name);
        assertThat(preset.baseUrl()).isEqualTo(baseUrl);
    }

    @Test
    void otherOpenAiCompatibleFillsNothing() {
        assertThat(ProviderPreset.OTHER.title()).isEqualTo("Other OpenAI-compatible");
        assertThat(ProviderPreset.OTHER.baseUrl()).isEmpty();
        assertThat(ProviderPreset.OTHER.defaultName()).isEmpty();
    }

    @Test
    void aUrlMatchesItsPresetDespiteATrailingSlashOrCase() {
        assertThat(ProviderPreset.matching("HTTPS://api.openai.com/v1/"))
                .isEqualTo(ProviderPreset.OPENAI);
        assertThat(ProviderPreset.matching("https://example.com/v1"))
                .isEqualTo(ProviderPreset.OTHER);
        assertThat(ProviderPreset.matching(null)).isEqualTo(ProviderPreset.OTHER);
    }

    @Test
    void cloudPresetsNeedAKeyLocalOnesDoNot() {
        assertThat(ProviderPreset.GROQ.needsKey()).isTrue();
        assertThat(ProviderPreset.OLLAMA.needsKey()).isFalse();
        assertThat(ProviderPreset.OTHER.needsKey()).isFalse();
    }

    @Test
    void theFirstRunLooksAtTheFourLocalServersOnTheirDefaultPorts() {
        assertThat(LocalServer.defaults())
                .extracting(LocalServer::baseUrl)
                .containsExactly(
                        "http://localhost:11434/v1",
                        "http://localhost:1234/v1",
                        "http://localhost:8000/v1",
                        "http://localhost:8080/v1");
    }

    @Test
    void loopbackAndLocalhostAreOnThisMachine() {
        assertThat(LocalServer.isOnThisMachine("http://127.0.0.1:1234/v1")).isTrue();
        assertThat(LocalServer.isOnThisMachine("http://LOCALHOST:11434/v1")).isTrue();
        assertThat(LocalServer.isOnThisMachine("https://openrouter.ai/api/v1")).isFalse();
        assertThat(LocalServer.isOnThisMachine("not a url")).isFalse();
    }
}
