package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteResolverTest {

    private static Route route(String name, boolean enabled) {
        return new Route(
                name,
                enabled,
                List.of(new Target("p", Target.PASS_THROUGH, 100, true)),
                List.of(),
                Duration.ofSeconds(60));
    }

    private static RoutingTable table(Route... routes) {
        return RoutingTable.of(List.of(), List.of(routes));
    }

    private static Optional<String> resolvedName(RoutingTable table, String model) {
        return RouteResolver.resolve(table, model).map(Route::name);
    }

    @Test
    void exactNameBeatsAnEarlierGlob() {
        RoutingTable table = table(route("gpt-*", true), route("gpt-4o", true));

        assertThat(resolvedName(table, "gpt-4o")).contains("gpt-4o");
        assertThat(resolvedName(table, "gpt-4o-mini")).contains("gpt-*");
    }

    @Test
    void firstMatchingGlobInListOrderWins() {
        RoutingTable table = table(route("claude-3-*", true), route("claude-*", true));

        assertThat(resolvedName(table, "claude-3-opus")).contains("claude-3-*");
        assertThat(resolvedName(table, "claude-sonnet-4")).contains("claude-*");
    }

    @Test
    void disabledExactNameIsNotTakenOverByAGlob() {
        RoutingTable table = table(route("*", true), route("gpt-4o", false));

        assertThat(resolvedName(table, "gpt-4o")).isEmpty();
        assertThat(resolvedName(table, "gpt-4o-mini")).contains("*");
    }

    @Test
    void disabledGlobIsSkipped() {
        RoutingTable table = table(route("claude-*", false), route("*", true));

        assertThat(resolvedName(table, "claude-3-opus")).contains("*");
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        RoutingTable table = table(route("gpt-4?", true));

        assertThat(resolvedName(table, "gpt-4o")).contains("gpt-4?");
        assertThat(resolvedName(table, "gpt-4")).isEmpty();
        assertThat(resolvedName(table, "gpt-4o-mini")).isEmpty();
    }

    @Test
    void dotsAndOtherRegexCharactersAreLiteral() {
        RoutingTable table = table(route("gpt-4.1*", true), route("qwen2.5-(7b)+?", true));

        assertThat(resolvedName(table, "gpt-4.1-mini")).contains("gpt-4.1*");
        assertThat(resolvedName(table, "gpt-401-mini")).isEmpty();
        assertThat(resolvedName(table, "qwen2.5-(7b)+x")).contains("qwen2.5-(7b)+?");
        assertThat(resolvedName(table, "qwen2.5-7b")).isEmpty();
    }

    @Test
    void starAloneMatchesAnyModelIncludingSlashes() {
        RoutingTable table = table(route("*", true));

        assertThat(resolvedName(table, "openai/gpt-4o-mini")).contains("*");
        assertThat(resolvedName(table, "x")).contains("*");
    }

    @Test
    void emptyModelMatchesOnlyAGlobThatAcceptsNothing() {
        assertThat(resolvedName(table(route("*", true)), "")).contains("*");
        assertThat(resolvedName(table(route("?*", true), route("chat", true)), "")).isEmpty();
    }

    @Test
    void namesAreCaseSensitive() {
        RoutingTable table = table(route("Chat", true), route("claude-*", true));

        assertThat(resolvedName(table, "chat")).isEmpty();
        assertThat(resolvedName(table, "Claude-3")).isEmpty();
    }

    @Test
    void unknownModelResolvesToNothing() {
        RoutingTable table = table(route("chat", true), route("claude-*", true));

        assertThat(resolvedName(table, "gpt-4o")).isEmpty();
        assertThat(resolvedName(table, null)).isEmpty();
        assertThat(RouteResolver.resolve(RoutingTable.empty(), "chat")).isEmpty();
    }
}
