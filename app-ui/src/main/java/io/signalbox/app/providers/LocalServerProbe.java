package io.signalbox.app.providers;

import io.signalbox.app.discovery.DiscoveryException;
import io.signalbox.app.discovery.ModelDiscovery;
import io.signalbox.persistence.config.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Looks for local model servers that already run: asks each place for its model list, all at once,
 * with a short timeout. Only an answer that is a model list counts, so another program that happens
 * to use port 8000 or 8080 is not mistaken for one.
 */
public final class LocalServerProbe {

    /** A local server that answered, and the models it listed. */
    public record Found(LocalServer server, List<String> models) {}

    private final ModelDiscovery discovery;
    private final List<LocalServer> places;

    /**
     * @param discovery asks the places; give it short timeouts, nothing local takes long to list
     * @param places where to look; tests point them at servers of their own
     */
    LocalServerProbe(ModelDiscovery discovery, List<LocalServer> places) {
        this.discovery = discovery;
        this.places = List.copyOf(places);
    }

    /** The servers that answered, in the order of the places. Blocks for one timeout at most. */
    List<Found> probe() throws InterruptedException {
        List<CompletableFuture<Optional<Found>>> answers = new ArrayList<>();
        for (LocalServer place : places) {
            answers.add(CompletableFuture.supplyAsync(() -> ask(place)));
        }
        List<Found> found = new ArrayList<>();
        for (CompletableFuture<Optional<Found>> answer : answers) {
            try {
                answer.get().ifPresent(found::add);
            } catch (ExecutionException e) {
                // ask() catches what it expects; anything else means "not found" too.
            }
        }
        return found;
    }

    private Optional<Found> ask(LocalServer place) {
        ProviderConfig probe =
                new ProviderConfig(
                        place.preset().defaultName(),
                        ProviderConfig.TYPE_OPENAI,
                        place.baseUrl(),
                        Optional.empty(),
                        Map.of(),
                        List.of(),
                        true);
        try {
            return Optional.of(new Found(place, discovery.listModels(probe)));
        } catch (DiscoveryException e) {
            return Optional.empty();
        }
    }
}
