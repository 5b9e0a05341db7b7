package io.signalbox.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import io.signalbox.app.launch.CommandLine;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.RequestRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK, which nobody here wrote, against the whole of Signalbox: the
 * runtime with its H2 store, the proxy, and a real upstream. The request log must hold exactly the
 * usage the upstream reported, also after a restart.
 */
class OpenAiSdkIT {

    @TempDir Path temp;

    private TinyUpstream upstream;
    private TinyUpstream limited;
    private SignalboxRuntime runtime;
    private OpenAIClient client;

    @BeforeEach
    void start() throws Exception {
        upstream = TinyUpstream.serving();
        limited = TinyUpstream.rateLimited();
        runtime = startRuntime();
        runtime.config()
                .importJson(
                        """
                        { "providers": [
                            { "name": "up", "baseUrl": "%s", "apiKey": "sk-provider-secret-123" },
                            { "name": "busy", "baseUrl": "%s" } ],
                          "routes": [
                            { "name": "chat", "targets": [ { "provider": "up", "model": "real-model" } ] },
                            { "name": "embed", "targets": [ { "provider": "up", "model": "real-embed" } ] },
                            { "name": "busy", "targets": [ { "provider": "busy", "model": "m" } ] } ] }
                        """
                                .formatted(upstream.baseUrl(), limited.baseUrl()));
        client =
                OpenAIOkHttpClient.builder()
                        .baseUrl(runtime.proxy().baseUrl())
                        .apiKey("sk-client-placeholder")
                        .maxRetries(0)
                        .build();
    }

    private SignalboxRuntime startRuntime() throws Exception {
        return SignalboxRuntime.start(
                new CommandLine(
                        true,
                        false,
                        false,
                        Optional.of(temp.resolve("data")),
                        OptionalInt.of(0),
                        Optional.empty(),
                        Optional.empty()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        client.close();
        if (runtime != null) {
            runtime.close();
        }
        upstream.close();
        limited.close();
    }

    @Test
    void chatCompletionThroughTheSdkIsRewrittenAndRecordedExactly() throws Exception {
        ChatCompletion completion =
                client.chat()
                        .completions()
                        .create(
                                ChatCompletionCreateParams.builder()
                                        .model("chat")
                                        .addUserMessage("Say hi")
                                        .build());

        assertThat(completion.choices().get(0).message().content()).contains("Hi there");
        assertThat(upstream.received.get(0).path("model").asText()).isEqualTo("real-model");
        assertThat(upstream.authorizations).containsExactly("Bearer sk-provider-secret-123");

        RequestRecord record = awaitRecords(1).get(0);
        assertThat(record.route()).isEqualTo("chat");
        assertThat(record.model()).contains("real-model");
        assertThat(record.usage().promptTokens()).isEqualTo(TinyUpstream.PROMPT_TOKENS);
        assertThat(record.usage().completionTokens()).isEqualTo(TinyUpstream.COMPLETION_TOKENS);
        assertThat(record.usage().estimated()).isFalse();
    }

    @Test
    void streamedChatArrivesWholeWithoutTheInjectedUsageChunkAndIsRecordedExactly()
            throws Exception {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat()
                        .completions()
                        .createStreaming(
                                ChatCompletionCreateParams.builder()
                                        .model("chat")
                                        .addUserMessage("Stream please")
                                        .build())) {
            stream.stream().forEach(chunks::add);
        }

        String text =
                chunks.stream()
                        .flatMap(chunk -> chunk.choices().stream())
                        .map(choice -> choice.delta().content().orElse(""))
                        .reduce("", String::concat);
        assertThat(text).isEqualTo(String.join("", TinyUpstream.STREAM_WORDS));
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.usage()).isEmpty());
        assertThat(
                        upstream.received
                                .get(0)
                                .path("stream_options")
                                .path("include_usage")
                                .asBoolean())
                .as("the proxy asked the upstream for usage")
                .isTrue();

        RequestRecord record = awaitRecords(1).get(0);
        assertThat(record.stream()).isTrue();
        assertThat(record.usage().promptTokens()).isEqualTo(TinyUpstream.PROMPT_TOKENS);
        assertThat(record.usage().completionTokens()).isEqualTo(TinyUpstream.STREAM_WORDS.size());
        assertThat(record.usage().estimated()).isFalse();
    }

    @Test
    void embeddingsAndModelListing() throws Exception {
        CreateEmbeddingResponse embedding =
                client.embeddings()
                        .create(
                                EmbeddingCreateParams.builder()
                                        .model("embed")
                                        .input("hello")
                                        .build());

        assertThat(embedding.data().get(0).embedding()).containsExactly(0.25f, -0.5f);
        List<String> models = new ArrayList<>();
        client.models().list().autoPager().forEach(model -> models.add(model.id()));
        assertThat(models).containsExactlyInAnyOrder("chat", "embed", "busy");
        assertThat(awaitRecords(1).get(0).usage().promptTokens())
                .isEqualTo(TinyUpstream.EMBEDDING_TOKENS);
    }

    @Test
    void aRateLimitedRouteIsTheSdksRateLimitException() {
        assertThatThrownBy(
                        () ->
                                client.chat()
                                        .completions()
                                        .create(
                                                ChatCompletionCreateParams.builder()
                                                        .model("busy")
                                                        .addUserMessage("hi")
                                                        .build()))
                .isInstanceOf(RateLimitException.class);
    }

    @Test
    void usageSurvivesARestart() throws Exception {
        client.chat()
                .completions()
                .create(
                        ChatCompletionCreateParams.builder()
                                .model("chat")
                                .addUserMessage("a")
                                .build());
        awaitRecords(1);
        runtime.close();
        runtime = null;

        try (Database reopened = Database.open(temp.resolve("data"))) {
            List<RequestRecord> records = reopened.requestLogRepository().recent(10);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).usage().totalTokens())
                    .isEqualTo(TinyUpstream.PROMPT_TOKENS + TinyUpstream.COMPLETION_TOKENS);
        }
    }

    /** The usage writer flushes within a second; wait for it, bounded, without guessing a sleep. */
    private List<RequestRecord> awaitRecords(int count) throws InterruptedException {
        Supplier<List<RequestRecord>> recent =
                () -> runtime.database().requestLogRepository().recent(100);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<RequestRecord> records = recent.get();
        while (records.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(20);
            records = recent.get();
        }
        assertThat(records).as("request log rows within 5 s").hasSizeGreaterThanOrEqualTo(count);
        return records;
    }
}
