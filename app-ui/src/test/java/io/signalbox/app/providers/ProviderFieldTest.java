package io.signalbox.app.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.ConfigProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderFieldTest {

    @Test
    void problemsOfTheEditedProviderLandNextToTheirFields() {
        var fields =
                ProviderField.of(
                        List.of(
                                new ConfigProblem(
                                        "providers[1].name", "another provider is named 'x'"),
                                new ConfigProblem(
                                        "providers[1].baseUrl",
                                        "must start with http:// or https://"),
                                new ConfigProblem(
                                        "providers[1].apiKey", "contains spaces or line breaks"),
                                new ConfigProblem(
                                        "providers[1].headers.Host", "is set by the proxy itself"),
                                new ConfigProblem("providers[1].models[0]", "is empty"),
                                new ConfigProblem("providers[0].name", "something else"),
                                new ConfigProblem(
                                        "routes[0].targets", "a route needs at least one target")),
                        1);

        assertThat(fields.get(ProviderField.NAME)).isEqualTo("Another provider is named 'x'");
        assertThat(fields.get(ProviderField.BASE_URL))
                .isEqualTo("Must start with http:// or https://");
        assertThat(fields.get(ProviderField.API_KEY)).isEqualTo("Contains spaces or line breaks");
        assertThat(fields.get(ProviderField.HEADERS)).isEqualTo("Host: is set by the proxy itself");
        assertThat(fields.get(ProviderField.MODELS)).isEqualTo("Is empty");
        assertThat(fields.get(ProviderField.GENERAL))
                .isEqualTo(
                        "providers[0].name: something else\n"
                                + "routes[0].targets: a route needs at least one target");
    }
}
