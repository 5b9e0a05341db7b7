package io.signalbox.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

    @Test
    void showsTheBaseUrlOnlyWhileTheProxyRuns() {
        AtomicReference<ProxyStatus> status =
                new AtomicReference<>(new ProxyStatus(true, "http://127.0.0.1:8337/v1"));
        MainViewModel model = new MainViewModel(status::get);

        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.statusTextProperty().get()).isEqualTo("Proxy running");
        assertThat(model.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:8337/v1");

        status.set(new ProxyStatus(false, "http://127.0.0.1:8337/v1"));
        model.refreshStatus();

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusTextProperty().get()).isEqualTo("Proxy stopped");
        assertThat(model.baseUrlProperty().get()).isEmpty();
    }

    @Test
    void startsOnRoutes() {
        MainViewModel model = new MainViewModel(() -> new ProxyStatus(true, "u"));

        assertThat(model.selectedProperty().get()).isEqualTo(Section.ROUTES);
    }
}
