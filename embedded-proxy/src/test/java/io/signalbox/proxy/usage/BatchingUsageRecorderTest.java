package io.signalbox.proxy.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.upstream.usage.UsageCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchingUsageRecorderTest {

    private static UsageEvent event(int i) {
        return new UsageEvent(
                "req-" + i,
                Instant.EPOCH,
                "chat",
                Optional.of("p"),
                Optional.of("m"),
                Optional.empty(),
                200,
                false,
                1,
                List.of(),
                UsageCounts.of(i, 1),
                false,
                Optional.empty());
    }

    @Test
    void aSingleEventIsWrittenWithinTheFlushIntervalWithoutClosing() throws Exception {
        BlockingQueue<List<UsageEvent>> batches = new LinkedBlockingQueue<>();
        try (BatchingUsageRecorder recorder =
                new BatchingUsageRecorder(batches::add, 100, 10, Duration.ofMillis(200))) {
            recorder.record(event(1));

            List<UsageEvent> batch = batches.poll(2, TimeUnit.SECONDS);
            assertThat(batch).extracting(UsageEvent::requestId).containsExactly("req-1");
        }
    }

    @Test
    void closeDrainsEverythingQueuedInBatchesOfAtMostTheBatchSize() {
        List<List<UsageEvent>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        BatchingUsageRecorder recorder =
                new BatchingUsageRecorder(
                        batch -> {
                            awaitQuietly(release);
                            batches.add(batch);
                        },
                        2_000,
                        100,
                        Duration.ofSeconds(1));
        for (int i = 0; i < 1_000; i++) {
            recorder.record(event(i));
        }
        release.countDown();

        recorder.close();

        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(1_000);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(100));
        assertThat(recorder.dropped()).isZero();
    }

    @Test
    void recordNeverBlocksWhenTheStoreIsStuck() {
        CountDownLatch stuck = new CountDownLatch(1);
        BatchingUsageRecorder recorder =
                new BatchingUsageRecorder(
                        batch -> awaitQuietly(stuck), 10, 5, Duration.ofMillis(50));
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            recorder.record(event(i));
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        stuck.countDown();
        recorder.close();

        assertThat(recorder.dropped()).as("a full queue drops instead of waiting").isPositive();
        assertThat(elapsedMillis).as("100 records against a stuck store").isLessThan(1_000);
    }

    @Test
    void aRecordTheStoreAlwaysRefusesIsGivenUpWithoutStoppingTheWriter() throws Exception {
        BlockingQueue<List<UsageEvent>> stored = new LinkedBlockingQueue<>();
        try (BatchingUsageRecorder recorder =
                new BatchingUsageRecorder(
                        batch -> {
                            if (batch.get(0).requestId().equals("req-1")) {
                                throw new IllegalStateException("disk full");
                            }
                            stored.add(batch);
                        },
                        100,
                        1,
                        Duration.ofMillis(50),
                        Duration.ofMillis(300))) {
            recorder.record(event(1));
            recorder.record(event(2));

            assertThat(stored.poll(5, TimeUnit.SECONDS))
                    .extracting(UsageEvent::requestId)
                    .containsExactly("req-2");
            assertThat(recorder.lost()).isEqualTo(1);
        }
    }

    @Test
    void aPassingStoreFailureLosesNothing() {
        AtomicInteger calls = new AtomicInteger();
        List<UsageEvent> stored = new CopyOnWriteArrayList<>();
        BatchingUsageRecorder recorder =
                new BatchingUsageRecorder(
                        batch -> {
                            if (calls.incrementAndGet() <= 2) {
                                throw new IllegalStateException("database is locked");
                            }
                            stored.addAll(batch);
                        },
                        100,
                        10,
                        Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            recorder.record(event(i));
        }

        recorder.close();

        assertThat(stored)
                .extracting(UsageEvent::requestId)
                .containsExactly("req-0", "req-1", "req-2", "req-3", "req-4");
        assertThat(recorder.lost()).isZero();
    }

    @Test
    void aBadRecordInABatchCostsOnlyThatRecord() {
        List<UsageEvent> stored = new CopyOnWriteArrayList<>();
        BatchingUsageRecorder recorder =
                new BatchingUsageRecorder(
                        batch -> {
                            if (batch.stream().anyMatch(e -> e.requestId().equals("req-3"))) {
                                throw new IllegalStateException("value too long");
                            }
                            stored.addAll(batch);
                        },
                        100,
                        10,
                        Duration.ofSeconds(1));
        for (int i = 0; i < 6; i++) {
            recorder.record(event(i));
        }

        recorder.close();

        assertThat(stored)
                .extracting(UsageEvent::requestId)
                .containsExactly("req-0", "req-1", "req-2", "req-4", "req-5");
        assertThat(recorder.lost()).isEqualTo(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
