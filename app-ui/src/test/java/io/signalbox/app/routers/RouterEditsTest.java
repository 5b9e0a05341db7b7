package io.signalbox.app.routers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.RouterConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterEditsTest {

    private static final List<RouterConfig> ROUTERS =
            List.of(
                    new RouterConfig("a", true, List.of("chat", "code")),
                    new RouterConfig("b", false, List.of("code")));

    private static AccessKeyConfig key(String name, String... routers) {
        return new AccessKeyConfig(
                name, Optional.empty(), List.of(), OptionalLong.empty(), List.of(routers));
    }

    private static SignalboxConfig config(AccessKeyConfig... keys) {
        return new SignalboxConfig(List.of(), List.of(), List.of(keys), ROUTERS);
    }

    @Test
    void assignAddsAtTheEndAndRemovesWhereUnticked() {
        List<RouterConfig> assigned = RouterEdits.assign(ROUTERS, "chat", Set.of("b"));

        assertThat(assigned.get(0).routes()).containsExactly("code");
        assertThat(assigned.get(1).routes()).containsExactly("code", "chat");
        assertThat(assigned.get(1).active()).isFalse();
    }

    @Test
    void assignLeavesARouterThatAlreadyServesTheRouteAsItIs() {
        assertThat(RouterEdits.assign(ROUTERS, "code", Set.of("a", "b"))).isEqualTo(ROUTERS);
    }

    @Test
    void aRenamedRouterIsRenamedInTheKeysLimitedToIt() {
        SignalboxConfig renamed = RouterEdits.rename(config(key("k", "b", "a")), "a", "z");

        assertThat(renamed.routers()).extracting(RouterConfig::slug).containsExactly("z", "b");
        assertThat(renamed.accessKeys().get(0).routers()).containsExactly("b", "z");
    }

    @Test
    void deletingTheOnlyRouterOfAKeyIsRefusedSinceItWouldWidenTheKey() {
        assertThatThrownBy(() -> RouterEdits.delete(config(key("k", "a")), "a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'k'");

        SignalboxConfig deleted = RouterEdits.delete(config(key("k", "a", "b"), key("all")), "a");
        assertThat(deleted.routers()).extracting(RouterConfig::slug).containsExactly("b");
        assertThat(deleted.accessKeys().get(0).routers()).containsExactly("b");
        assertThat(deleted.accessKeys().get(1).routers()).isEmpty();
    }

    @Test
    void freeSlugsCountUpFromTwo() {
        assertThat(RouterEdits.freeSlug("router", List.of())).isEqualTo("router");
        assertThat(RouterEdits.freeSlug("router", List.of("router", "router-2")))
                .isEqualTo("router-3");
    }
}
