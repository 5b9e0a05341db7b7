package io.signalbox.app.runtime;

import io.signalbox.persistence.CanaryDecisionRecord;
import io.signalbox.proxy.routing.Canary;
import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.TargetKey;

/** Translates canary decisions between the proxy's terms and the store's rows. */
final class CanaryRecords {

    private CanaryRecords() {}

    static CanaryDecisionRecord toRecord(CanaryDecision decision) {
        Canary canary = decision.canary();
        return new CanaryDecisionRecord(
                decision.at(),
                decision.route(),
                canary.target().provider(),
                canary.target().model(),
                decision.action().json(),
                canary.share(),
                canary.minSuccessPercent(),
                canary.windowMinutes(),
                canary.minRequests(),
                decision.successes(),
                decision.attempts());
    }

    static CanaryDecision fromRecord(CanaryDecisionRecord row) {
        return new CanaryDecision(
                row.decidedAt(),
                row.route(),
                new Canary(
                        new TargetKey(row.provider(), row.model()),
                        row.share(),
                        row.minSuccessPercent(),
                        row.windowMinutes(),
                        row.minRequests()),
                CanaryDecision.Action.fromJson(row.action()),
                row.successes(),
                row.attempts());
    }
}
