package io.signalbox.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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

    @Test
    void theRequestRateIsTheCountGainedOverTheTimeBetweenSamples() {
        AtomicLong count = new AtomicLong(100);
        AtomicLong nanos = new AtomicLong(0);
        MainViewModel model =
                new MainViewModel(
                        () -> new ProxyStatus(true, "u"),
                        count::get,
                        nanos::get,
                        Theme.LIGHT,
                        theme -> {});
        assertThat(model.requestRateProperty().get()).isEqualTo("0 req/s");

        count.addAndGet(5);
        nanos.addAndGet(2_000_000_000L);
        model.sampleRequestRate();
        assertThat(model.requestRateProperty().get()).isEqualTo("2.5 req/s");

        count.addAndGet(140);
        nanos.addAndGet(1_000_000_000L);
        model.sampleRequestRate();
        assertThat(model.requestRateProperty().get()).isEqualTo("140 req/s");

        nanos.addAndGet(1_000_000_000L);
        model.sampleRequestRate();
        assertThat(model.requestRateProperty().get()).isEqualTo("0 req/s");
    }

    @Test
    void eachThemeChoiceIsSaved() {
        List<Theme> saved = new ArrayList<>();
        MainViewModel model =
                new MainViewModel(
                        () -> new ProxyStatus(true, "u"), () -> 0, () -> 0, Theme.DARK, saved::add);

        model.toggleTheme();
        model.toggleTheme();

        assertThat(saved).containsExactly(Theme.LIGHT, Theme.DARK);
    }

    @Test
    void theSavedThemeIsReadBackAndUnknownValuesMeanLight() {
        assertThat(Theme.fromSetting(java.util.Optional.of(Theme.DARK.settingValue())))
                .isEqualTo(Theme.DARK);
        assertThat(Theme.fromSetting(java.util.Optional.of("purple"))).isEqualTo(Theme.LIGHT);
        assertThat(Theme.fromSetting(java.util.Optional.empty())).isEqualTo(Theme.LIGHT);
    }
}
