package io.signalbox.proxy.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The tokens one upstream model was sent over the last 60 seconds, kept in 60 one-second buckets. A
 * bucket counts until a minute after its second began, so the window slides a second at a time:
 * close enough for limits that providers themselves count per minute, and constant in memory and
 * work (at most 60 additions per question) however busy the model is.
 *
 * <p>Thread-safe. The lock guards a few array cells and is never held across I/O; requests to the
 * same model are the only ones that ever wait on each other, for nanoseconds.
 */
public final class TokenWindow {

    /** How long tokens count against a limit. */
    public static final Duration LENGTH = Duration.ofSeconds(60);

    private static final int BUCKETS = 60;

    /** The epoch second each bucket counts, or {@code Long.MIN_VALUE} when it never counted. */
    private final long[] seconds = new long[BUCKETS];

    private final long[] tokens = new long[BUCKETS];

    public TokenWindow() {
        Arrays.fill(seconds, Long.MIN_VALUE);
    }

    /** Counts {@code amount} tokens sent at {@code at}; amounts of 0 or less change nothing. */
    public synchronized void add(long amount, Instant at) {
        if (amount <= 0) {
            return;
        }
        long second = at.getEpochSecond();
        int slot = slot(second);
        if (seconds[slot] > second) {
            // A second a minute older than the bucket's: it left the window already.
            return;
        }
        if (seconds[slot] < second) {
            seconds[slot] = second;
            tokens[slot] = 0;
        }
        tokens[slot] = saturatedSum(tokens[slot], amount);
    }

    /** The tokens that still count at {@code now}. */
    public synchronized long used(Instant now) {
        long first = firstCounted(now);
        long lastCounted = now.getEpochSecond();
        long sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (seconds[i] >= first && seconds[i] <= lastCounted) {
                sum = saturatedSum(sum, tokens[i]);
            }
        }
        return sum;
    }

    /**
     * When the tokens still counting drop below {@code limit}: the instant the oldest buckets that
     * keep it at or over the limit leave the window. Empty when it is below the limit already.
     */
    public synchronized Optional<Instant> freeAt(long limit, Instant now) {
        long used = used(now);
        if (used < limit) {
            return Optional.empty();
        }
        long first = firstCounted(now);
        for (long second = first; second <= now.getEpochSecond(); second++) {
            int slot = slot(second);
            if (seconds[slot] == second) {
                used -= tokens[slot];
                if (used < limit) {
                    return Optional.of(Instant.ofEpochSecond(second).plus(LENGTH));
                }
            }
        }
        // Only when the window counts tokens from seconds after now (a clock that went back).
        return Optional.of(now.plus(LENGTH));
    }

    /** The oldest second whose tokens still count at {@code now}. */
    private static long firstCounted(Instant now) {
        return now.getEpochSecond() - BUCKETS + 1;
    }

    private static int slot(long second) {
        return (int) Math.floorMod(second, (long) BUCKETS);
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
