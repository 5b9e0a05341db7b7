package io.signalbox.app.shell;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the main window: the selected section, the proxy status, the request rate and the theme.
 * Holds no controls, so it is tested without a stage.
 */
public final class MainViewModel {

    private final Supplier<ProxyStatus> status;
    private final LongSupplier completedRequests;
    private final LongSupplier nanoTime;
    private final RequestRate rate = new RequestRate();
    private final ObjectProperty<Section> selected = new SimpleObjectProperty<>(Section.ROUTES);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper baseUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper requestRate =
            new ReadOnlyStringWrapper(RequestRate.format(0));
    private final ObjectProperty<Theme> theme;

    public MainViewModel(Supplier<ProxyStatus> status) {
        this(status, () -> 0, System::nanoTime, Theme.LIGHT, chosen -> {});
    }

    /**
     * @param completedRequests the proxy's count of finished requests, which only grows
     * @param nanoTime the clock the request rate is measured with
     * @param saveTheme keeps each theme the user chooses
     */
    public MainViewModel(
            Supplier<ProxyStatus> status,
            LongSupplier completedRequests,
            LongSupplier nanoTime,
            Theme initialTheme,
            Consumer<Theme> saveTheme) {
        this.status = status;
        this.completedRequests = completedRequests;
        this.nanoTime = nanoTime;
        this.theme = new SimpleObjectProperty<>(initialTheme);
        theme.addListener((obs, old, chosen) -> saveTheme.accept(chosen));
        refreshStatus();
        sampleRequestRate();
    }

    /** Reads the proxy's state again; call it on the FX thread. */
    public void refreshStatus() {
        ProxyStatus now = status.get();
        running.set(now.running());
        baseUrl.set(now.running() ? now.baseUrl() : "");
        statusText.set(now.running() ? "Proxy running" : "Proxy stopped");
    }

    /** Takes one sample of the request count; call it about once a second on the FX thread. */
    public void sampleRequestRate() {
        requestRate.set(
                RequestRate.format(
                        rate.sample(completedRequests.getAsLong(), nanoTime.getAsLong())));
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public ObjectProperty<Section> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
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

    /** "3.5 req/s": requests the proxy finished per second, over the last sample. */
    public ReadOnlyStringProperty requestRateProperty() {
        return requestRate.getReadOnlyProperty();
    }
}
