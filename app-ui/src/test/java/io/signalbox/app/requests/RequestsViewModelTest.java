package io.signalbox.app.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.usage.RequestLog;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.persistence.usage.StatusClass;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live request list on a real request log. */
class RequestsViewModelTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir Path temp;

    private RequestLog log;
    private RequestsViewModel model;

    @BeforeEach
    void start() {
        log = new RequestLog(temp.resolve("data"));
        model =
                new RequestsViewModel(
                        log.database().usageQueries(),
                        log::count,
                        () -> "http://127.0.0.1:8337/v1",
                        Runnable::run,
                        Runnable::run);
        model.configChanged(
                new SignalboxConfig(
                        List.of(),
                        List.of(
                                new RouteConfig(
                                        "chat",
                                        true,
                                        List.of(new TargetConfig("local", "model-a", 100, true)),
                                        List.of(),
                                        60)),
                        List.of(new AccessKeyConfig("carol", Optional.empty(), List.of()))));
    }

    @AfterEach
    void stop() {
        log.close();
    }

    private List<String> routes() {
        return model.rows().stream().map(RequestRecord::route).toList();
    }

    @Test
    void theNewestComeFirstAndFiltersNarrowThem() {
        log.served(T, "chat", "alice", "model-a", 1, 1);
        log.failed(T.plusSeconds(1), "code");
        log.served(T.plusSeconds(2), "code", "bob", "model-a", 1, 1);
        model.poll();
        assertThat(routes()).containsExactly("code", "code", "chat");

        model.routeProperty().set("code");
        assertThat(model.rows()).hasSize(2);
        model.statusProperty().set(StatusClass.SERVER_ERROR);
        assertThat(model.rows()).extracting(RequestRecord::status).containsExactly(502);
        model.routeProperty().set(null);
        model.statusProperty().set(null);
        model.keyProperty().set("alice");
        assertThat(routes()).containsExactly("chat");
        model.keyProperty().set(null);

        model.textProperty().set("BOB");
        assertThat(model.rows())
                .extracting(r -> r.accessKeyName().orElse(""))
                .containsExactly("bob");
        model.textProperty().set("http 500"); // the failed attempt's reason
        assertThat(routes()).containsExactly("code");
        model.textProperty().set("");
        assertThat(model.rows()).hasSize(3);
    }

    @Test
    void filterChoicesAreTheConfiguredAndTheSeenNames() {
        log.served(T, "chat", "alice", "model-a", 1, 1);
        log.served(T, "old-route", null, "model-a", 1, 1);
        model.poll();

        assertThat(model.routeChoices()).containsExactly("chat", "old-route");
        assertThat(model.keyChoices()).containsExactly("alice", "carol");
    }

    @Test
    void newRequestsWaitWhileTheUserReadsAndComeInAfter() {
        log.served(T, "chat", "alice", "model-a", 1, 1);
        model.poll();
        model.readingProperty().set(true);

        log.served(T.plusSeconds(1), "second", null, "model-a", 1, 1);
        log.served(T.plusSeconds(2), "third", null, "model-a", 1, 1);
        model.poll();
        assertThat(routes()).containsExactly("chat");
        assertThat(model.pendingProperty().get()).isEqualTo(2);

        model.showPending();
        assertThat(routes()).containsExactly("third", "second", "chat");
        assertThat(model.pendingProperty().get()).isZero();

        log.served(T.plusSeconds(3), "fourth", null, "model-a", 1, 1);
        model.poll();
        assertThat(model.pendingProperty().get()).isEqualTo(1);
        model.readingProperty().set(false); // back at the top: it comes in by itself
        assertThat(routes()).containsExactly("fourth", "third", "second", "chat");
    }

    @Test
    void aLongStreamStoredLateLandsWhereItsStartPutsIt() {
        log.served(T, "first", null, "model-a", 1, 1);
        log.served(T.plusSeconds(20), "third", null, "model-a", 1, 1);
        model.poll();

        log.served(T.plusSeconds(10), "long-stream", null, "model-a", 1, 1);
        model.poll();

        assertThat(routes()).containsExactly("third", "long-stream", "first");
    }

    @Test
    void selectingARequestGivesItsTrace() {
        RequestRecord failed = log.failed(T, "chat");
        model.poll();

        model.selectedProperty().set(model.rows().get(0));

        assertThat(model.rows().get(0).id()).isEqualTo(failed.id());
        assertThat(model.traceProperty().get().verdict())
                .isEqualTo("Not served: the only attempt failed; the client got HTTP 502.");
        assertThat(model.traceProperty().get().steps().get(0).role()).isEqualTo("target");
        model.selectedProperty().set(null);
        assertThat(model.traceProperty().get()).isNull();
    }

    @Test
    void anEmptyLogCallsForTheFirstRequestHint() {
        model.poll();

        assertThat(model.logEmptyProperty().get()).isTrue();
        assertThat(model.firstRequestProperty().get())
                .contains("http://127.0.0.1:8337/v1/chat/completions")
                .contains("YOUR-ACCESS-KEY");

        log.served(T, "chat", null, "model-a", 1, 1);
        model.poll();
        assertThat(model.logEmptyProperty().get()).isFalse();
        assertThat(model.rows()).hasSize(1);
    }
}
