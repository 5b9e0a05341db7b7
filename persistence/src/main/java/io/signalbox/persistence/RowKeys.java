package io.signalbox.persistence;

/**
 * The request log's row key (V6): {@code started_at * 2^20 + sequence}, with a sequence number
 * below 2^20 that tells apart requests started in the same millisecond. Rows are stored in the
 * order of their key, so they are in time order, and every {@code started_at} condition is a range
 * of the key: {@code started_at >= t} exactly when {@code row_key >= first(t)}, and {@code
 * started_at < t} exactly when {@code row_key < first(t)}. That is why the table needs no index on
 * {@code started_at}.
 *
 * <p>Within a millisecond the sequence is the order in which rows were written, not the id: the
 * lists sort ties by id themselves ({@link RequestLogRows#newestFirst}).
 */
public final class RowKeys {

    static final int SEQUENCE_BITS = 20;

    static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    /** The latest storable start: about the year 2248. */
    static final long MAX_MILLIS = Long.MAX_VALUE >> SEQUENCE_BITS;

    /** The earliest storable start, as far before 1970. */
    static final long MIN_MILLIS = Long.MIN_VALUE >> SEQUENCE_BITS;

    private RowKeys() {}

    /**
     * The smallest key of millisecond {@code millis}, as a bound for range conditions: clamped to
     * the long range for times no row can have.
     */
    public static long first(long millis) {
        if (millis > MAX_MILLIS) {
            return Long.MAX_VALUE;
        }
        if (millis < MIN_MILLIS) {
            return Long.MIN_VALUE;
        }
        return millis << SEQUENCE_BITS;
    }

    /**
     * The key of a request started at {@code millis}, with the low bits of {@code sequence}.
     *
     * @throws IllegalArgumentException when the time is out of the storable range
     */
    static long of(long millis, long sequence) {
        if (millis > MAX_MILLIS || millis < MIN_MILLIS) {
            throw new IllegalArgumentException(
                    "a request log time must be within "
                            + MIN_MILLIS
                            + " and "
                            + MAX_MILLIS
                            + " epoch milliseconds, not "
                            + millis);
        }
        return (millis << SEQUENCE_BITS) | (sequence & SEQUENCE_MASK);
    }
}
