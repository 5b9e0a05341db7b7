package io.signalbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged launcher ({@code target/signalbox-app.jar}, what {@code ./signalbox} runs) started
 * as a real process, with its stdout and stderr collected line by line.
 */
final class SignalboxProcess implements AutoCloseable {

    static final Pattern READY =
            Pattern.compile("Signalbox proxy listening on http://([^:/]+):(\\d+)/v1");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final BlockingQueue<String> stdoutQueue = new LinkedBlockingQueue<>();
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private SignalboxProcess(Process process) {
        this.process = process;
        this.stdoutPump =
                pump(
                        process.getInputStream(),
                        line -> {
                            stdout.add(line);
                            stdoutQueue.add(line);
                        });
        this.stderrPump = pump(process.getErrorStream(), stderr::add);
    }

    static SignalboxProcess start(String... args) throws IOException {
        Path jar = Path.of("target", "signalbox-app.jar").toAbsolutePath();
        assertThat(jar).as("the packaged app (run the integration tests with mvn verify)").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return new SignalboxProcess(new ProcessBuilder(command).start());
    }

    /**
     * The packaged app with its window, on the headless Monocle platform the UI tests use (its jar
     * is test-only, so it is put on the class path beside the app's).
     */
    static SignalboxProcess startWindowed(String... args) throws IOException {
        Path jar = Path.of("target", "signalbox-app.jar").toAbsolutePath();
        assertThat(jar).as("the packaged app (run the integration tests with mvn verify)").exists();
        java.net.URL monocle =
                ClassLoader.getSystemResource(
                        "com/sun/glass/ui/monocle/HeadlessPlatformFactory.class");
        assertThat(monocle).as("openjfx-monocle on the test class path").isNotNull();
        String monocleJar;
        try {
            java.net.JarURLConnection connection =
                    (java.net.JarURLConnection) monocle.openConnection();
            monocleJar = Path.of(connection.getJarFileURL().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(
                List.of(
                        "-Dglass.platform=Monocle",
                        "-Dmonocle.platform=Headless",
                        "-Dprism.order=sw",
                        "-Dprism.text=t2k",
                        "-Djava.awt.headless=true",
                        "-cp",
                        jar + java.io.File.pathSeparator + monocleJar,
                        "io.signalbox.app.Launcher"));
        command.addAll(List.of(args));
        return new SignalboxProcess(new ProcessBuilder(command).start());
    }

    private static Thread pump(InputStream in, java.util.function.Consumer<String> sink) {
        Thread thread =
                new Thread(
                        () -> {
                            try (BufferedReader reader =
                                    new BufferedReader(
                                            new InputStreamReader(in, StandardCharsets.UTF_8))) {
                                for (String line; (line = reader.readLine()) != null; ) {
                                    sink.accept(line);
                                }
                            } catch (IOException e) {
                                // The process ended; what was read is kept.
                            }
                        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for the ready line and returns the port it names. */
    int awaitReady() throws InterruptedException {
        String line = stdoutQueue.poll(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(line).as("ready line on stdout (stderr: %s)", stderr).isNotNull().matches(READY);
        Matcher matcher = READY.matcher(line);
        assertThat(matcher.matches()).isTrue();
        return Integer.parseInt(matcher.group(2));
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .as("process ended (stderr: %s)", stderr)
                .isTrue();
        stdoutPump.join(5_000);
        stderrPump.join(5_000);
        return process.exitValue();
    }

    /** Sends SIGTERM (what {@code Process.destroy} does on POSIX) and returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL: no shutdown code runs, as when the machine loses power or the user kills it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    List<String> stdout() {
        return List.copyOf(stdout);
    }

    String stderr() {
        return String.join("\n", stderr);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    static String readAll(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
