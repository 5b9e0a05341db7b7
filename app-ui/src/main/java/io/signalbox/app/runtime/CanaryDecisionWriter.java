package io.signalbox.app.runtime;

import io.signalbox.persistence.CanaryDecisionRepository;
import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.CanaryDecisionSink;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Records the proxy's canary decisions in the store on a thread of its own: the proxy hands them
 * over on a request thread, which must not wait for the database. Demotions are rare (once per
 * canary until the user acts), so one thread and an unbounded queue are plenty.
 */
final class CanaryDecisionWriter implements CanaryDecisionSink, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CanaryDecisionWriter.class.getName());

    private final CanaryDecisionRepository repository;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(
                    task -> {
                        Thread writer = new Thread(task, "canary-decisions");
                        writer.setDaemon(true);
                        return writer;
                    });

    CanaryDecisionWriter(CanaryDecisionRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(CanaryDecision decision) {
        LOG.info(
                "Canary "
                        + decision.canary().target()
                        + " of route "
                        + decision.route()
                        + " "
                        + decision.action().json()
                        + ": "
                        + decision.successes()
                        + " of "
                        + decision.attempts()
                        + " attempts succeeded in "
                        + decision.canary().windowMinutes()
                        + " min");
        try {
            thread.execute(() -> write(decision));
        } catch (RejectedExecutionException e) {
            LOG.warning("A canary decision came in after shutdown and was not recorded");
        }
    }

    private void write(CanaryDecision decision) {
        try {
            repository.append(CanaryRecords.toRecord(decision));
        } catch (RuntimeException e) {
            LOG.warning("Could not record a canary decision: " + e);
        }
    }

    /** Writes what is queued, then stops; call before the database closes. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("Canary decisions still queued at shutdown were not recorded");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
