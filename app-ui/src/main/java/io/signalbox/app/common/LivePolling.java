package io.signalbox.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Keeps a screen live while, and only while, it is on a showing window: the main window keeps
 * screens it built, and a screen in the background must not read the store every second.
 */
public final class LivePolling {

    private LivePolling() {}

    /**
     * Runs {@code poll} now and every {@code every} while {@code screen} is in a showing window.
     */
    public static void whileShowing(Node screen, Duration every, Runnable poll) {
        Timeline timer = new Timeline(new KeyFrame(every, event -> poll.run()));
        timer.setCycleCount(Animation.INDEFINITE);
        BooleanBinding showing =
                Bindings.selectBoolean(screen.sceneProperty(), "window", "showing");
        showing.addListener(
                (obs, was, now) -> {
                    if (now) {
                        poll.run();
                        timer.play();
                    } else {
                        timer.stop();
                    }
                });
        // Keeps the binding alive as long as the screen: a screen may have several polls (the
        // Routes screen has two), and one key per screen let the second drop the first binding,
        // which the garbage collector then took, stopping that poll for good.
        @SuppressWarnings("unchecked")
        List<BooleanBinding> held =
                (List<BooleanBinding>)
                        screen.getProperties()
                                .computeIfAbsent(LivePolling.class, key -> new ArrayList<>());
        held.add(showing);
        if (showing.get()) {
            poll.run();
            timer.play();
        }
    }

    /**
     * One daemon thread that reads the store for a screen, so a slow read never holds up the JavaFX
     * thread and a closing app never waits for it.
     */
    public static ExecutorService reader(String name) {
        ThreadPoolExecutor reader =
                new ThreadPoolExecutor(
                        1,
                        1,
                        30,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        task -> {
                            Thread thread = new Thread(task, name);
                            thread.setDaemon(true);
                            return thread;
                        });
        // A screen that is not showing reads nothing: its thread need not wait around.
        reader.allowCoreThreadTimeOut(true);
        return reader;
    }
}
