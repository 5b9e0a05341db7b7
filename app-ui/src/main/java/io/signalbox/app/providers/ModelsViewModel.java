package io.signalbox.app.providers;

import io.signalbox.app.common.BackgroundWork;
import io.signalbox.app.discovery.DiscoveryException;
import io.signalbox.app.discovery.DiscoveryResult;
import io.signalbox.app.discovery.TargetRef;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.ProviderConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The models part of the provider editor: discovery (cancellable, errors in plain words), the
 * checklist, and the two things to do with one model: test it and create a route from it.
 */
public final class ModelsViewModel {

    private final ProviderServices services;
    private final Supplier<ProviderConfig> draft;
    private final ReadOnlyStringProperty storedName;
    private final ModelChecklist checklist = new ModelChecklist();

    private final ReadOnlyBooleanWrapper discovering = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper discoveryStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missingTargets = new ReadOnlyStringWrapper("");
    private final ObjectProperty<String> focusedModel = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper actionResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper actionFailed = new ReadOnlyBooleanWrapper();
    private BackgroundWork.Job discovery;

    /**
     * @param draft the provider as edited so far, saved or not: discovery and tests use what the
     *     user typed
     * @param storedName the saved provider's name, empty until it is saved
     */
    ModelsViewModel(
            ProviderServices services,
            Supplier<ProviderConfig> draft,
            ReadOnlyStringProperty storedName) {
        this.services = services;
        this.draft = draft;
        this.storedName = storedName;
    }

    /** Asks the provider for its models; the checklist keeps the checks made so far. */
    public void discover() {
        if (discovering.get()) {
            return;
        }
        ProviderConfig provider = draft.get();
        // Only a saved, unrenamed provider has a history to compare with and add to; a draft's
        // list is shown but not remembered under a name it may not keep.
        boolean remember = provider.name().equals(storedName.get());
        discovering.set(true);
        discoveryStatus.set("Asking " + provider.baseUrl() + " for its models…");
        errorTitle.set("");
        errorText.set("");
        discovery =
                services.work()
                        .start(
                                () ->
                                        remember
                                                ? services.discovery().discover(provider)
                                                : listedOnly(provider),
                                this::discovered,
                                this::discoveryFailed);
    }

    private DiscoveryResult listedOnly(ProviderConfig provider) throws DiscoveryException {
        return new DiscoveryResult(
                provider.name(),
                services.discovery().listModels(provider),
                Instant.now(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of());
    }

    public void cancelDiscovery() {
        if (discovery != null && discovering.get()) {
            discovery.cancel();
            discovering.set(false);
            discoveryStatus.set("Discovery cancelled; the list is as before.");
        }
    }

    private void discovered(DiscoveryResult result) {
        discovering.set(false);
        checklist.showDiscovered(result.models(), result.added(), result.gone());
        discoveryStatus.set(
                DiscoveryText.summary(
                        result.models().size(),
                        result.added().size(),
                        result.gone().size(),
                        result.previousDiscovery(),
                        services.zone()));
        missingTargets.set(missingText(result.missingTargets()));
    }

    private void discoveryFailed(Exception failure) {
        discovering.set(false);
        discoveryStatus.set("");
        if (failure instanceof DiscoveryException e) {
            errorTitle.set(DiscoveryText.headline(e.kind()));
            errorText.set(e.getMessage());
        } else {
            errorTitle.set("Discovery failed");
            errorText.set("Something went wrong (" + failure.getClass().getSimpleName() + ").");
        }
    }

    /** "Routes ask for models this provider no longer lists: chat → gpt-4 (target 1)". */
    private static String missingText(List<TargetRef> missing) {
        if (missing.isEmpty()) {
            return "";
        }
        return "Routes ask for models this provider no longer lists: "
                + missing.stream()
                        .map(
                                ref ->
                                        ref.route()
                                                + " → "
                                                + ref.model()
                                                + (ref.role() == TargetRef.Role.FALLBACK
                                                        ? " (fallback)"
                                                        : ""))
                        .collect(Collectors.joining(", "));
    }

    /** Sends the focused model a one-token request and shows how long the answer took. */
    public void testFocusedModel() {
        String model = focusedModel.get();
        if (model == null || testing.get()) {
            return;
        }
        ProviderConfig provider = draft.get();
        testing.set(true);
        actionFailed.set(false);
        actionResult.set("Testing " + model + "…");
        services.work()
                .start(
                        () -> services.oneTokenCall().call(provider, model),
                        latency -> {
                            testing.set(false);
                            actionResult.set(model + " answered in " + millis(latency));
                        },
                        failure -> {
                            testing.set(false);
                            actionFailed.set(true);
                            actionResult.set(
                                    failure instanceof OneTokenCall.Failure
                                            ? failure.getMessage()
                                            : "The test stopped ("
                                                    + failure.getClass().getSimpleName()
                                                    + ")");
                        });
    }

    private static String millis(Duration latency) {
        return latency.toMillis() + " ms";
    }

    /**
     * Adds a route named after the focused model, with the model as its only target, and selects
     * the model here. Needs the provider saved: the route names it.
     *
     * @return the new route's name, empty when it could not be created (the reason is shown)
     */
    public Optional<String> createRouteFromFocusedModel() {
        String model = focusedModel.get();
        String provider = storedName.get();
        if (model == null || provider.isEmpty()) {
            return Optional.empty();
        }
        NewRoute route = NewRoute.of(services.config().current(), provider, model);
        try {
            services.config().replace(route.config());
        } catch (InvalidConfigException e) {
            actionFailed.set(true);
            actionResult.set(
                    "The route was not created: "
                            + e.problems().stream()
                                    .map(Object::toString)
                                    .collect(Collectors.joining("; ")));
            return Optional.empty();
        }
        checklist.rows().stream()
                .filter(row -> row.id().equals(model))
                .forEach(row -> row.checkedProperty().set(true));
        actionFailed.set(false);
        actionResult.set("Created the route " + route.routeName() + ".");
        services.routeCreated().accept(route.routeName());
        return Optional.of(route.routeName());
    }

    /** The saved provider's name; empty while it is new, when no route can name it yet. */
    public ReadOnlyStringProperty storedNameProperty() {
        return storedName;
    }

    public ModelChecklist checklist() {
        return checklist;
    }

    public ReadOnlyBooleanProperty discoveringProperty() {
        return discovering.getReadOnlyProperty();
    }

    /** What the last discovery found, or what is going on. */
    public ReadOnlyStringProperty discoveryStatusProperty() {
        return discoveryStatus.getReadOnlyProperty();
    }

    /** A failed discovery's headline ("Wrong or missing API key"); empty when none failed. */
    public ReadOnlyStringProperty errorTitleProperty() {
        return errorTitle.getReadOnlyProperty();
    }

    /** A failed discovery's explanation and what to check. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** Route targets whose model the provider stopped listing, or empty. */
    public ReadOnlyStringProperty missingTargetsProperty() {
        return missingTargets.getReadOnlyProperty();
    }

    /** The model that Test and Create route act on: the one focused in the checklist. */
    public ObjectProperty<String> focusedModelProperty() {
        return focusedModel;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The outcome of the last Test or Create route. */
    public ReadOnlyStringProperty actionResultProperty() {
        return actionResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty actionFailedProperty() {
        return actionFailed.getReadOnlyProperty();
    }
}
