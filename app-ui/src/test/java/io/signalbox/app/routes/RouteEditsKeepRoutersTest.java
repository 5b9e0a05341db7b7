package io.signalbox.app.routes;

import static io.signalbox.app.routes.StoreFixture.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.RouterConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.HealthPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Routes screen's edits keep routers valid (ADR 0013): a renamed route stays in its routers, a
 * deleted one leaves them and an undo puts it back, and the editor's chips save with the route.
 */
class RouteEditsKeepRoutersTest {

    @TempDir Path temp;

    private StoreFixture store;
    private RoutesViewModel routes;
    private RouteEditorViewModel editor;

    private static RouteConfig route(String name) {
        return new RouteConfig(
                name, true, List.of(new TargetConfig("p", "m", 100, true)), List.of(), 60);
    }

    @BeforeEach
    void start() {
        store = new StoreFixture(temp.resolve("data"));
        store.put(
                new SignalboxConfig(
                        List.of(provider("p", "m")),
                        List.of(route("chat"), route("code")),
                        List.of(),
                        List.of(
                                new RouterConfig("team-a", true, List.of("code", "chat")),
                                new RouterConfig("team-b", false, List.of("chat")))));
        routes =
                new RoutesViewModel(
                        store,
                        new HealthBook(HealthPolicy.defaults())::snapshot,
                        Clock.systemUTC());
        routes.reload();
        editor = new RouteEditorViewModel(store);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private List<RouterConfig> routers() {
        return store.current().routers();
    }

    @Test
    void aRenamedRouteStaysInItsRoutersInItsPlace() {
        assertThat(routes.rename("chat", "talk")).isTrue();

        assertThat(routers().get(0).routes()).containsExactly("code", "talk");
        assertThat(routers().get(1).routes()).containsExactly("talk");
    }

    @Test
    void aDeletedRouteLeavesItsRoutersAndAnUndoPutsItBack() {
        assertThat(routes.delete("chat")).isTrue();
        assertThat(routers().get(0).routes()).containsExactly("code");
        assertThat(routers().get(1).routes()).isEmpty();

        assertThat(routes.undoDelete()).isEqualTo("chat");
        assertThat(routers().get(0).routes()).contains("code", "chat");
        assertThat(routers().get(1).routes()).containsExactly("chat");
    }

    @Test
    void theEditorShowsTheRoutersOfTheRouteAndSavesTheChips() {
        assertThat(editor.open("code")).isTrue();
        assertThat(editor.routers().selected()).containsExactly("team-a");
        assertThat(editor.dirtyProperty().get()).isFalse();

        editor.routers().choices().get(0).selected().set(false);
        editor.routers().choices().get(1).selected().set(true);
        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(editor.save()).isTrue();

        assertThat(routers().get(0).routes()).containsExactly("chat");
        assertThat(routers().get(1).routes()).containsExactly("chat", "code");
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void cancelPutsTheChipsBack() {
        editor.open("code");
        editor.routers().choices().get(1).selected().set(true);

        editor.cancel();

        assertThat(editor.routers().selected()).containsExactly("team-a");
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void aNewRouteIsServedByTheTickedRoutersUnderItsName() {
        editor.openNew();
        editor.nameProperty().set("embed");
        editor.lists().addTarget(new ModelRef("p", "m"), 0);
        editor.routers().choices().get(1).selected().set(true);

        assertThat(editor.save()).isTrue();

        assertThat(routers().get(1).routes()).containsExactly("chat", "embed");
        assertThat(routers().get(0).routes()).doesNotContain("embed");
    }
}
