package io.signalbox.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-certificate HTTP clients: one per PEM text, shared while in use, closed once idle (here
 * after 200 ms, swept every 50 ms) but never while a request is in flight.
 */
class TrustingClientsTest {

    private static final String PEM_A = "pem a";
    private static final String PEM_B = "pem b";

    private final ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<HttpClient> made = new ArrayList<>();
    private TrustingClients clients;

    @BeforeEach
    void start() throws Exception {
        scheduler.start();
        clients =
                new TrustingClients(
                        pem -> {
                            if (pem.startsWith("bad")) {
                                throw new IllegalArgumentException("not a certificate");
                            }
                            HttpClient client = new HttpClient();
                            try {
                                client.start();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            made.add(client);
                            return client;
                        },
                        scheduler,
                        threads,
                        200,
                        50);
    }

    @AfterEach
    void stop() throws Exception {
        clients.close();
        scheduler.stop();
        threads.shutdownNow();
    }

    private static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(10); // polling, bounded by the deadline
        }
    }

    @Test
    void oneClientPerCertificateSharedByItsRequests() {
        TrustingClients.Lease first = clients.lease(PEM_A);
        TrustingClients.Lease second = clients.lease(PEM_A);
        TrustingClients.Lease other = clients.lease(PEM_B);

        assertThat(first.client()).isSameAs(second.client()).isNotSameAs(other.client());
        assertThat(clients.open()).isEqualTo(2);
        assertThat(made).hasSize(2);
    }

    @Test
    void anIdleClientIsClosedAndMadeAgainWhenNeeded() throws Exception {
        TrustingClients.Lease lease = clients.lease(PEM_A);
        lease.release();

        until(() -> clients.open() == 0);
        until(() -> made.get(0).isStopped());
        TrustingClients.Lease again = clients.lease(PEM_A);

        assertThat(again.client()).isNotSameAs(made.get(0));
        assertThat(again.client().isRunning()).isTrue();
    }

    @Test
    void aClientWithARequestInFlightIsKeptHoweverLong() throws Exception {
        TrustingClients.Lease busy = clients.lease(PEM_A);
        TrustingClients.Lease idle = clients.lease(PEM_B);
        idle.release();

        until(() -> clients.open() == 1);

        assertThat(busy.client().isRunning()).isTrue();
        assertThat(clients.lease(PEM_A).client()).isSameAs(busy.client());
    }

    @Test
    void aCertificateThatCannotBeReadIsReportedAndNotKept() {
        assertThatThrownBy(() -> clients.lease("bad pem"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clients.open()).isZero();
    }
}
