package io.signalbox.app.routes;

import io.signalbox.proxy.routing.TargetKey;
import io.signalbox.proxy.routing.TpmUse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Feeds the route editor's meters from the running proxy's token windows, which are in memory, so
 * reading them every poll is cheap. Each target shows its model's use, shared by every route that
 * sends to that model.
 */
final class TpmMeters {

    private final Function<Instant, Map<TargetKey, TpmUse>> uses;
    private final Clock clock;

    /**
     * @param uses the proxy's counts at an instant ({@code TpmLimits::snapshot})
     */
    TpmMeters(Function<Instant, Map<TargetKey, TpmUse>> uses, Clock clock) {
        this.uses = uses;
        this.clock = clock;
    }

    /** Shows the counts now on every target of the route being edited. */
    void refresh(List<TargetDraft> targets) {
        Map<TargetKey, TpmUse> now = uses.apply(clock.instant());
        for (TargetDraft target : targets) {
            ModelRef model = target.model();
            target.tpm().showUse(now.get(new TargetKey(model.provider(), model.model())));
        }
    }
}
