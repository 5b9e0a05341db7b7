package io.signalbox.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the UI without sleeps, and reading what it shows. */
public final class FxWait {

    private FxWait() {}

    /** Polls {@code condition} on the FX thread until it holds, for at most ten seconds. */
    public static void until(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** Runs {@code read} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /**
     * Every text the scene under {@code root} puts on screen: visible {@link Text} nodes (what
     * labels and fields render) and the content of visible non-password fields.
     */
    public static List<String> visibleTexts(Parent root) {
        List<String> texts = new ArrayList<>();
        collect(root, texts);
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Text text && text.getText() != null) {
            texts.add(text.getText());
        }
        if (node instanceof TextInputControl field && !(node instanceof PasswordField)) {
            texts.add(field.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }
}
