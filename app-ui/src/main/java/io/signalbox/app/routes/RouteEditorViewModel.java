package io.signalbox.app.routes;

import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.LimitShares;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The route editor's state and commands: the draft of one route (targets with weights and live
 * shares, ordered fallbacks, timeout), its problems by field, and saving it into the running proxy.
 * Every drag and key of the view ends in one of the commands here, so they are tested without a
 * window.
 */
public final class RouteEditorViewModel {

    private final ConfigStore store;
    private final EditorProblems problems = new EditorProblems();
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final IntegerProperty timeoutSeconds =
            new SimpleIntegerProperty(RouteConfig.DEFAULT_TIMEOUT_SECONDS);
    private final RouteLists lists = new RouteLists();
    private final RouteOptionsDraft options = new RouteOptionsDraft();
    private final ObservableList<TargetDraft> targets = lists.targets();
    private final ObservableList<FallbackDraft> fallbacks = lists.fallbacks();
    private final PaletteContents palette = new PaletteContents();
    private final ObservableList<ModelRef> fallbackChoices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<SplitSegment>> split =
            new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper splitExplanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper isNew = new ReadOnlyBooleanWrapper();

    /** The route's name in the store, or null while it was never saved. */
    private String storedName;

    private RouteConfig baseline;
    private SignalboxConfig context = SignalboxConfig.empty();
    private boolean loading;
    private final InvalidationListener changed = observable -> recompute();
    private final RouterChoices routers = new RouterChoices(changed);
    private CanaryModel canaries = CanaryModel.NONE;

    public RouteEditorViewModel(ConfigStore store) {
        this.store = store;
        targets.addListener(
                (ListChangeListener<TargetDraft>)
                        change -> {
                            while (change.next()) {
                                change.getRemoved().forEach(this::unwatch);
                                change.getAddedSubList().forEach(this::watch);
                            }
                            recompute();
                        });
        fallbacks.addListener((InvalidationListener) observable -> recompute());
        name.addListener(changed);
        enabled.addListener(changed);
        timeoutSeconds.addListener(changed);
        options.onChange(changed);
    }

    /** Opens a stored route; false when no route has that name any more. */
    public boolean open(String routeName) {
        SignalboxConfig config = store.current();
        RouteConfig route = RouteConfigs.find(config, routeName).orElse(null);
        if (route == null) {
            return false;
        }
        load(config, route.name(), route);
        return true;
    }

    /** Starts a route that is not stored yet, with a free name and no targets. */
    public void openNew() {
        SignalboxConfig config = store.current();
        String free = RouteConfigs.freeName("new-route", RouteConfigs.names(config));
        load(
                config,
                null,
                new RouteConfig(
                        free, true, List.of(), List.of(), RouteConfig.DEFAULT_TIMEOUT_SECONDS));
    }

    /**
     * Another part of the app (or the management API) changed the configuration: the palette and
     * the name check follow; an untouched draft is reloaded, a changed one is kept.
     */
    public void configChanged(SignalboxConfig config) {
        RouteConfig stored =
                storedName == null ? null : RouteConfigs.find(config, storedName).orElse(null);
        if (!dirty.get() && stored != null) {
            load(config, storedName, stored);
            return;
        }
        context = config;
        palette.load(config);
        routers.refresh(config);
        recompute();
    }

    private void load(SignalboxConfig config, String routeName, RouteConfig route) {
        loading = true;
        try {
            context = config;
            storedName = routeName;
            isNew.set(routeName == null);
            baseline = route;
            palette.load(config);
            name.set(route.name());
            enabled.set(route.enabled());
            timeoutSeconds.set(route.timeoutSeconds());
            options.load(route);
            lists.load(route.targets(), route.fallbacks().stream().map(ModelRef::of).toList());
            routers.load(config, routeName);
            for (int i = 0; i < fallbacks.size(); i++) {
                fallbacks.get(i).keepTpmLimit(route.fallbacks().get(i).tpmLimit());
            }
        } finally {
            loading = false;
        }
        recompute();
    }

    // ---- save and cancel ----

    /**
     * Stores the route and applies it to the running proxy at once. False, with the problems shown
     * by field, when the draft or the store refuses it; nothing is changed then.
     */
    public boolean save() {
        recompute();
        if (problems.any()) {
            return false;
        }
        RouteConfig route = draft();
        RouteConfigs.Edit edit = RouteConfigs.put(store.current(), storedName, route);
        SignalboxConfig next =
                edit.config().withRouters(routers.applyTo(edit.config().routers(), route.name()));
        SignalboxConfig stored;
        try {
            stored = store.replace(next);
        } catch (InvalidConfigException e) {
            problems.show(
                    RouteChecks.fromStore(e.problems(), edit.routeIndex()), targets, fallbacks);
            return false;
        }
        load(stored, route.name(), RouteConfigs.find(stored, route.name()).orElse(route));
        return true;
    }

    /** Forgets every change since the route was opened or last saved. */
    public void cancel() {
        load(context, storedName, baseline);
    }

    /** The draft as the store would hold it. */
    RouteConfig draft() {
        List<TargetConfig> targetConfigs = targets.stream().map(TargetDraft::toConfig).toList();
        List<FallbackConfig> fallbackConfigs =
                fallbacks.stream().map(FallbackDraft::toConfig).toList();
        // edited(...) keeps whatever the editor has no control for; the options are set after.
        return options.applyTo(
                baseline.edited(
                        name.get().strip(),
                        enabled.get(),
                        targetConfigs,
                        fallbackConfigs,
                        timeoutSeconds.get()));
    }

    private void recompute() {
        if (loading) {
            return;
        }
        // Targets with limits and no weights share by their limits, as the proxy does (ADR 0014).
        List<TargetConfig> asStored = targets.stream().map(TargetDraft::toConfig).toList();
        List<TrafficPreview.Part> parts =
                TrafficPreview.of(
                        options.selectionProperty().get(),
                        targets.stream()
                                .map(
                                        t ->
                                                new TrafficPreview.Input(
                                                        LimitShares.weightOf(
                                                                asStored.get(targets.indexOf(t)),
                                                                asStored),
                                                        t.enabledProperty().get()
                                                                && providerEnabled(t.model()),
                                                        t.matchProperty().get()))
                                .toList());
        List<SplitSegment> segments = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetDraft target = targets.get(i);
            TrafficPreview.Part part = parts.get(i);
            target.setShare(part.share());
            target.setShareText(part.text());
            segments.add(new SplitSegment(target.color(), part.barShare(), target.model().label()));
        }
        split.set(List.copyOf(segments));
        splitExplanation.set(
                TrafficPreview.explanation(options.selectionProperty().get(), anyConditions()));
        Set<String> providerNames =
                context.providers().stream().map(ProviderConfig::name).collect(Collectors.toSet());
        List<String> others = new ArrayList<>(RouteConfigs.names(context));
        others.remove(storedName);
        Findings findings =
                RouteChecks.check(
                        name.get(),
                        others,
                        providerNames,
                        targets,
                        fallbacks,
                        timeoutSeconds.get());
        findings.retries = options.retriesProblem();
        problems.show(findings, targets, fallbacks);
        dirty.set(baseline == null || !draft().equals(baseline) || routers.changed());
        List<ModelRef> choices = palette.refs(lists::isFree);
        if (!choices.equals(fallbackChoices)) {
            fallbackChoices.setAll(choices);
        }
    }

    /** The proxy leaves out every target of a provider that is off (RoutingTables). */
    private boolean providerEnabled(ModelRef model) {
        return context.providers().stream()
                .noneMatch(p -> p.name().equals(model.provider()) && !p.enabled());
    }

    private void watch(TargetDraft target) {
        target.weightProperty().addListener(changed);
        target.enabledProperty().addListener(changed);
        target.modelProperty().addListener(changed);
        target.canaryProperty().addListener(changed);
        target.matchProperty().addListener(changed);
        target.tpm().limitProperty().addListener(changed);
    }

    private void unwatch(TargetDraft target) {
        target.weightProperty().removeListener(changed);
        target.enabledProperty().removeListener(changed);
        target.modelProperty().removeListener(changed);
        target.canaryProperty().removeListener(changed);
        target.matchProperty().removeListener(changed);
        target.tpm().limitProperty().removeListener(changed);
    }

    // ---- state for the view ----

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    /** Selection and retries of the route. */
    public RouteOptionsDraft options() {
        return options;
    }

    /** Adds a condition to a target; null, or the problem that kept it out (nothing changes). */
    public String addCondition(TargetDraft target, MatchCondition condition) {
        return TargetConditions.add(target, condition);
    }

    /** Replaces a target's condition at {@code index}; null, or why it was refused. */
    public String replaceCondition(TargetDraft target, int index, MatchCondition condition) {
        return TargetConditions.replace(target, index, condition);
    }

    public void removeCondition(TargetDraft target, int index) {
        TargetConditions.remove(target, index);
    }

    /** Whether any target has conditions, for the explanation above the bar. */
    boolean anyConditions() {
        return targets.stream().anyMatch(t -> !t.matchProperty().get().isNone());
    }

    public ObservableList<TargetDraft> targets() {
        return targets;
    }

    public ObservableList<FallbackDraft> fallbacks() {
        return fallbacks;
    }

    /** The commands that change the targets and fallbacks. */
    public RouteLists lists() {
        return lists;
    }

    /** Every provider with its selected models, the palette's tree. */
    public ObservableList<ProviderModels> palette() {
        return palette.all();
    }

    /** What the palette's filter field holds: part of a provider's or a model's name. */
    public StringProperty paletteFilterProperty() {
        return palette.filterProperty();
    }

    /** The palette as the filter leaves it. */
    public ObservableList<ProviderModels> visiblePalette() {
        return palette.visible();
    }

    /** The models that could become a fallback now, for the keyboard's combo box. */
    public ObservableList<ModelRef> fallbackChoices() {
        return fallbackChoices;
    }

    /** The split as the bar draws it, one segment per target in list order. */
    public ReadOnlyObjectProperty<List<SplitSegment>> splitProperty() {
        return split.getReadOnlyProperty();
    }

    /** How to read the shares and the bar: by weight or in turns, and what conditions do. */
    public ReadOnlyStringProperty splitExplanationProperty() {
        return splitExplanation.getReadOnlyProperty();
    }

    /** Whether the draft differs from what is stored. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty newRouteProperty() {
        return isNew.getReadOnlyProperty();
    }

    /** Which routers serve this route (ADR 0013). */
    public RouterChoices routers() {
        return routers;
    }

    public EditorProblems problems() {
        return problems;
    }

    /** The canaries' live state and the promote and roll back commands. */
    public CanaryModel canaries() {
        return canaries;
    }

    /** Connects the editor to the running proxy's canaries; without it none are shown live. */
    public void useCanaries(CanaryModel model) {
        this.canaries = model;
    }

    /** The stored name of the route being edited, or null for a new one. */
    public String storedName() {
        return storedName;
    }
}
