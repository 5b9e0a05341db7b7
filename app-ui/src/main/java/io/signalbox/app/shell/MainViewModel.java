package io.signalbox.app.shell;

import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the main window: the selected section and the proxy status. Holds no controls, so it is
 * tested without a stage.
 */
public final class MainViewModel {

    private final Supplier<ProxyStatus> status;
    private final ObjectProperty<Section> selected = new SimpleObjectProperty<>(Section.ROUTES);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper baseUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");

    public MainViewModel(Supplier<ProxyStatus> status) {
        this.status = status;
        refreshStatus();
    }

    /** Reads the proxy's state again; call it on the FX thread. */
    public void refreshStatus() {
        ProxyStatus now = status.get();
        running.set(now.running());
        baseUrl.set(now.running() ? now.baseUrl() : "");
        statusText.set(now.running() ? "Proxy running" : "Proxy stopped");
    }

    public ObjectProperty<Section> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseUrlProperty() {
        return baseUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }
}
