package io.signalbox.proxy.usage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link UsageSink} that never blocks a request: events go into a bounded queue, and one thread
 * ({@code usage-writer}) hands them to the store in batches, at most {@code batchSize} at a time
 * and at least once per {@code flushInterval}. {@link #close()} drains the queue before returning,
 * so nothing recorded before a graceful stop is lost.
 */
public final class BatchingUsageRecorder implements UsageSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingUsageRecorder.class);

    /** Tries of a whole batch before its records are tried one by one. */
    private static final int WHOLE_BATCH_ATTEMPTS = 3;

    private static final long MAX_RETRY_PAUSE_MILLIS = 5_000;

    /** A store down for longer than this is not coming back on its own. */
    private static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofMinutes(10);

    /** How long a stop waits for a failing store before it gives the records up. */
    private static final long CLOSING_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** How often a collecting writer looks whether the batch is full. */
    private static final long COLLECT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final BlockingQueue<UsageEvent> queue;
    private final Consumer<List<UsageEvent>> writer;
    private final int batchSize;
    private final Duration flushInterval;
    private final long giveUpAfterNanos;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean closing;

    public BatchingUsageRecorder(
            Consumer<List<UsageEvent>> writer,
            int capacity,
            int batchSize,
            Duration flushInterval) {
        this(writer, capacity, batchSize, flushInterval, DEFAULT_GIVE_UP_AFTER);
    }

    /**
     * @param giveUpAfter how long a batch that the store refuses as a whole is tried again before
     *     it is given up
     */
    public BatchingUsageRecorder(
            Consumer<List<UsageEvent>> writer,
            int capacity,
            int batchSize,
            Duration flushInterval,
            Duration giveUpAfter) {
        this.giveUpAfterNanos = giveUpAfter.toNanos();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = writer;
        this.batchSize = batchSize;
        this.flushInterval = flushInterval;
        this.thread = new Thread(this::run, "usage-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * 20,000 queued events, batches of up to 1,000, and no event waits longer than 200 ms, so a
     * request is in the store well within the 2 s the management API promises, and a hard stop
     * (kill -9) loses only about the last 0.2 s of requests (HardStopIT measures it). Under load
     * the batches fill to 1,000 long before 200 ms, so the store's cost per request does not
     * change.
     */
    public static BatchingUsageRecorder startDefault(Consumer<List<UsageEvent>> writer) {
        return new BatchingUsageRecorder(writer, 20_000, 1_000, Duration.ofMillis(200));
    }

    @Override
    public void record(UsageEvent event) {
        if (closing || !queue.offer(event)) {
            // A full queue means the store is far behind; dropping is better than stalling clients.
            long total = dropped.incrementAndGet();
            LOG.warn("Usage record dropped ({} so far): the writer is behind or stopped", total);
        }
    }

    /** How many events were refused because the queue was full or closed. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Collects events until the batch is full or the first of them has waited one flush interval,
     * then writes them in one go: fewer, larger transactions cost the store far less than one per
     * request.
     */
    private void run() {
        List<UsageEvent> batch = new ArrayList<>(batchSize);
        while (!closing || !queue.isEmpty()) {
            try {
                UsageEvent first = queue.poll(flushInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + flushInterval.toNanos();
                while (batch.size() < batchSize && !closing) {
                    queue.drainTo(batch, batchSize - batch.size());
                    long wait = deadline - System.nanoTime();
                    if (batch.size() >= batchSize || wait <= 0) {
                        break;
                    }
                    // Sleep instead of waiting on the queue: a consumer waiting there makes every
                    // offer wake it, which costs each request a thread signal.
                    LockSupport.parkNanos(Math.min(wait, COLLECT_SLICE_NANOS));
                }
                queue.drainTo(batch, batchSize - batch.size());
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                // Nobody interrupts this thread on purpose: close() must not, because an interrupt
                // during a write makes H2 close its file. Keep draining.
            }
        }
    }

    /**
     * Stores a batch without losing it to a passing failure (a locked or full disk): the whole
     * batch is tried again with a growing pause. When it keeps failing, its records are tried one
     * by one: if some of them go in, the others are bad records that would fail forever, and only
     * they are given up (logged); if none goes in, the store itself is down, and the batch waits
     * for it (up to the give-up time), while new events collect in the queue (and are dropped,
     * counted, once it is full). While closing, the wait is bounded so that a stop never hangs.
     */
    private void write(List<UsageEvent> batch) {
        List<UsageEvent> pending = List.copyOf(batch);
        long giveUpAt = System.nanoTime() + giveUpAfterNanos;
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure = tryWrite(pending);
            if (failure == null) {
                return;
            }
            if (attempt % WHOLE_BATCH_ATTEMPTS == 0) {
                pending = writeOneByOne(pending);
                if (pending.isEmpty()) {
                    return;
                }
            }
            if (closing) {
                giveUpAt = Math.min(giveUpAt, System.nanoTime() + CLOSING_RETRY_NANOS);
            }
            if (System.nanoTime() - giveUpAt >= 0) {
                lost.addAndGet(pending.size());
                LOG.error(
                        "Gave up storing {} usage records: {}", pending.size(), failure.toString());
                return;
            }
            long pauseMillis = Math.min(MAX_RETRY_PAUSE_MILLIS, 100L << Math.min(attempt, 10));
            LOG.warn(
                    "Could not store {} usage records (attempt {}), trying again in {} ms: {}",
                    pending.size(),
                    attempt,
                    pauseMillis,
                    failure.toString());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pauseMillis));
        }
    }

    /** The failure, or null when the records were stored. */
    private RuntimeException tryWrite(List<UsageEvent> records) {
        try {
            writer.accept(records);
            return null;
        } catch (RuntimeException e) {
            return e;
        } catch (Error e) {
            // Caught wide so that one bad batch never ends the writer thread.
            return new IllegalStateException(e);
        }
    }

    /**
     * @return the records still to store: all of them when none could be stored (the store is
     *     down), else none (the ones that failed alone are bad records, given up and logged)
     */
    private List<UsageEvent> writeOneByOne(List<UsageEvent> records) {
        List<UsageEvent> failed = new ArrayList<>();
        RuntimeException lastFailure = null;
        for (UsageEvent record : records) {
            RuntimeException failure = tryWrite(List.of(record));
            if (failure != null) {
                failed.add(record);
                lastFailure = failure;
            }
        }
        if (failed.size() == records.size()) {
            return records;
        }
        if (!failed.isEmpty()) {
            lost.addAndGet(failed.size());
            LOG.error(
                    "Gave up {} usage records that cannot be stored ({} others were): {}",
                    failed.size(),
                    records.size() - failed.size(),
                    lastFailure.toString());
        }
        return List.of();
    }

    /** How many records were given up after they could not be stored. */
    public long lost() {
        return lost.get();
    }

    /**
     * Stops taking events and returns once everything queued has been written (at most one flush
     * interval later than the last write).
     */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A record() that saw closing == false just before the writer left put its event in late.
        List<UsageEvent> late = new ArrayList<>();
        queue.drainTo(late);
        if (!late.isEmpty() && !thread.isAlive()) {
            write(late);
        }
    }
}
