package io.signalbox.app.common;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** Runs a command on the JavaFX thread: at once when already there, later otherwise. */
public final class FxThread implements Executor {

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
