package io.signalbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Signalbox per data dir, as a desktop user meets it: launching the app again brings the
 * running window to the front and exits 0; a headless start on that data dir still exits 3
 * (CONTRACT section 1). Real processes, the windowed one on headless Monocle.
 */
class SingleInstanceIT {

    @TempDir Path temp;

    @Test
    void aSecondDesktopLaunchShowsTheRunningWindowAndExitsZero() throws Exception {
        Path data = temp.resolve("data");
        try (SignalboxProcess first =
                SignalboxProcess.startWindowed("--data-dir", data.toString(), "--port", "0")) {
            int port = first.awaitReady();
            Path focusFile = data.resolve("instance.focus");
            awaitFile(focusFile, first);

            try (SignalboxProcess second =
                    SignalboxProcess.startWindowed("--data-dir", data.toString(), "--port", "0")) {
                assertThat(second.awaitExit()).as(second.stderr()).isZero();
                assertThat(second.stdout())
                        .containsExactly(
                                "signalbox: already running; brought its window to the front");
            }
            assertThat(Files.readString(data.resolve("logs/signalbox-0.log")))
                    .contains("Signalbox was launched again: bringing the window to the front");

            try (SignalboxProcess headless =
                    SignalboxProcess.start(
                            "--headless", "--data-dir", data.toString(), "--port", "0")) {
                assertThat(headless.awaitExit()).isEqualTo(3);
                assertThat(headless.stderr())
                        .contains("already running with the data dir")
                        .contains("pid " + first.pid());
            }

            // The first one kept serving through all of it.
            HttpResponse<String> models =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + port
                                                                    + "/v1/models"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).isEqualTo(200);

            assertThat(first.terminate()).isZero();
            assertThat(focusFile).as("removed on a clean stop").doesNotExist();
        }
    }

    @Test
    void aDesktopLaunchBesideAHeadlessInstanceStillExitsThree() throws Exception {
        Path data = temp.resolve("data");
        try (SignalboxProcess headless =
                SignalboxProcess.start(
                        "--headless", "--data-dir", data.toString(), "--port", "0")) {
            headless.awaitReady();
            try (SignalboxProcess windowed =
                    SignalboxProcess.startWindowed("--data-dir", data.toString(), "--port", "0")) {
                assertThat(windowed.awaitExit()).isEqualTo(3);
                assertThat(windowed.stderr()).contains("already running with the data dir");
            }
            assertThat(headless.terminate()).isZero();
        }
    }

    private static void awaitFile(Path file, SignalboxProcess app) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(file)) {
            assertThat(Instant.now())
                    .as("%s written (stderr: %s)", file, app.stderr())
                    .isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
