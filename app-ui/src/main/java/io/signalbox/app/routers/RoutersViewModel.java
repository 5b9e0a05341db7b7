package io.signalbox.app.routers;

import io.signalbox.persistence.config.ConfigProblem;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.RouterConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Routers panel (ADR 0013): lists the routers with their endpoint URLs, and adds, renames,
 * switches and deletes them. Each command is stored and applied to the proxy at once; a refused one
 * changes nothing and says why.
 */
public final class RoutersViewModel {

    /** The slug syntax the store's validator checks, so the panel can say it before saving. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,64}");

    private final RouterStore store;
    private final Supplier<String> proxyBaseUrl;
    private final ObservableList<RouterRow> routers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    /**
     * @param proxyBaseUrl the proxy's current {@code /v1} URL, e.g. {@code
     *     http://127.0.0.1:8337/v1}, read each time the list is shown (the proxy may move)
     */
    public RoutersViewModel(RouterStore store, Supplier<String> proxyBaseUrl) {
        this.store = store;
        this.proxyBaseUrl = proxyBaseUrl;
    }

    public void reload() {
        configChanged(store.current());
    }

    /** The configuration changed (here or elsewhere): list the routers again. */
    public void configChanged(SignalboxConfig config) {
        String base = proxyBaseUrl.get();
        String root = base.endsWith("/v1") ? base.substring(0, base.length() - 3) : base;
        routers.setAll(
                config.routers().stream()
                        .map(
                                router ->
                                        new RouterRow(
                                                router.slug(),
                                                router.active(),
                                                router.routes(),
                                                root + "/router/" + router.slug() + "/v1"))
                        .toList());
    }

    /** Adds an active router without routes under a free slug; returns the slug or null. */
    public String add() {
        SignalboxConfig config = store.current();
        String slug =
                RouterEdits.freeSlug(
                        "router", config.routers().stream().map(RouterConfig::slug).toList());
        return apply(current -> RouterEdits.add(current, slug)) ? slug : null;
    }

    public boolean rename(String from, String to) {
        String slug = to == null ? "" : to.strip();
        if (slug.equals(from)) {
            return true;
        }
        if (!SLUG.matcher(slug).matches()) {
            message.set(
                    "A router's slug uses 1 to 64 lower-case letters, digits or '-'; it becomes"
                            + " part of the URL /router/SLUG/v1.");
            return false;
        }
        if (RouterEdits.find(store.current(), slug).isPresent()) {
            message.set("Another router has the slug '" + slug + "'.");
            return false;
        }
        return apply(current -> RouterEdits.rename(current, from, slug));
    }

    public boolean setActive(String slug, boolean active) {
        return apply(current -> RouterEdits.setActive(current, slug, active));
    }

    public boolean delete(String slug) {
        try {
            return apply(current -> RouterEdits.delete(current, slug));
        } catch (IllegalStateException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    private boolean apply(UnaryOperator<SignalboxConfig> change) {
        // The stored configuration, not the one shown: a change from elsewhere must survive.
        SignalboxConfig next = change.apply(store.current());
        try {
            configChanged(store.replace(next));
        } catch (InvalidConfigException e) {
            message.set(first(e.problems(), e.getMessage()));
            reload();
            return false;
        }
        message.set(null);
        return true;
    }

    private static String first(List<ConfigProblem> problems, String fallback) {
        return problems.isEmpty()
                ? fallback
                : problems.get(0).path() + ": " + problems.get(0).message();
    }

    public void clearMessage() {
        message.set(null);
    }

    public ObservableList<RouterRow> routers() {
        return routers;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
