package io.signalbox.app.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.Database;
import io.signalbox.persistence.config.SignalboxConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model lists real servers answer (OpenAI, LM Studio, vLLM, llama.cpp, Ollama, bare arrays),
 * each served by a real HTTP upstream on loopback and read through discovery.
 */
class ModelListShapesTest {

    @TempDir static Path temp;

    private static Database database;
    private static ModelDiscovery discovery;

    @BeforeAll
    static void open() {
        database = Database.open(temp.resolve("data"));
        discovery =
                new ModelDiscovery(
                        database.discoveryRepository(),
                        SignalboxConfig::empty,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(
                        "OpenAI",
                        """
                        {"object":"list","data":[
                          {"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"},
                          {"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"}]}
                        """,
                        List.of("gpt-4o", "gpt-4o-mini")),
                Arguments.of(
                        "LM Studio, without created or owned_by",
                        """
                        {"data":[
                          {"id":"qwen2.5-7b-instruct","object":"model","owned_by":"organization_owner"},
                          {"id":"text-embedding-nomic-embed-text-v1.5","object":"model"}],
                         "object":"list"}
                        """,
                        List.of("qwen2.5-7b-instruct", "text-embedding-nomic-embed-text-v1.5")),
                Arguments.of(
                        "vLLM, with max_model_len and permissions",
                        """
                        {"object":"list","data":[{"id":"Qwen/Qwen2.5-7B-Instruct","object":"model",
                          "created":1732000000,"owned_by":"vllm","root":"Qwen/Qwen2.5-7B-Instruct",
                          "parent":null,"max_model_len":32768,
                          "permission":[{"id":"modelperm-1","object":"model_permission",
                            "allow_sampling":true,"organization":"*","group":null}]}]}
                        """,
                        List.of("Qwen/Qwen2.5-7B-Instruct")),
                Arguments.of(
                        "llama.cpp, with meta and an Ollama-style models list beside data",
                        """
                        {"models":[{"name":"qwen.gguf","model":"qwen.gguf","type":"model"}],
                         "object":"list","data":[{"id":"qwen.gguf","object":"model",
                          "created":1732000000,"owned_by":"llamacpp",
                          "meta":{"vocab_type":2,"n_vocab":152064,"n_ctx_train":32768,"size":4677120000}}]}
                        """,
                        List.of("qwen.gguf")),
                Arguments.of(
                        "Ollama's /v1/models",
                        """
                        {"object":"list","data":[
                          {"id":"qwen2.5:7b","object":"model","created":1730000001,"owned_by":"library"},
                          {"id":"llama3.2:latest","object":"model","created":1730000000,"owned_by":"library"}]}
                        """,
                        List.of("llama3.2:latest", "qwen2.5:7b")),
                Arguments.of(
                        "a bare array of objects with id or name, with a duplicate",
                        """
                        [{"id":"zeta"},{"name":"alpha"},{"id":"zeta","extra":true}]
                        """,
                        List.of("alpha", "zeta")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsTheModelIdsOfEveryKnownShapeSortedAndDistinct(
            String server, String body, List<String> expected) throws Exception {
        try (FakeUpstream upstream = FakeUpstream.json(body)) {
            assertThat(discovery.listModels(ModelDiscoveryTest.provider("lab", upstream.baseUrl())))
                    .containsExactlyElementsOf(expected);
            assertThat(upstream.onlyRequest().method()).isEqualTo("GET");
            assertThat(upstream.onlyRequest().path()).isEqualTo("/v1/models");
        }
    }
}
