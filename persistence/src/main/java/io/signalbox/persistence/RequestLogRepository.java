package io.signalbox.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.api.ErrorCode;

/**
 * The request log: one row per client request with its upstream attempts, and the hourly usage
 * rollup that is kept up to date with it.
 *
 * <p>Written in batches by the proxy's usage writer. A batch may be written again after a failure
 * or a crash, so writing is idempotent on the request id.
 */
public final class RequestLogRepository {

    private final Database database;

    /** The low bits of each row key ({@link RowKeys}); only their order within a millisecond. */
    private final AtomicLong sequence;

    RequestLogRepository(Database database) {
        this(database, 0);
    }

    /** Tests start the sequence where they need it, to make two rows want the same key. */
    RequestLogRepository(Database database, long firstSequence) {
        this.database = database;
        this.sequence = new AtomicLong(firstSequence);
    }

    /**
     * Writes {@code records} and adds them to the hourly usage, in one transaction. Records whose
     * id is already stored (or repeated within the batch) are skipped and not counted again.
     */
    public void insertBatch(List<RequestRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            // Almost always every id and row key is new: write at once instead of looking each
            // one up.
            database.writerTransaction(
                    "write the request log",
                    connection -> insert(connection, records, newRowKeys(records)));
        } catch (PersistenceException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // A batch written again after a failure, an id repeated within the batch, or (very
            // rarely) a row key taken by a row of the same millisecond written 2^20 rows earlier.
            database.writerTransaction(
                    "write the request log",
                    connection -> {
                        List<RequestRecord> fresh = withoutStored(connection, records);
                        return insert(connection, fresh, freeRowKeys(connection, fresh));
                    });
        }
    }

    private long[] newRowKeys(List<RequestRecord> records) {
        long[] keys = new long[records.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] =
                    RowKeys.of(
                            records.get(i).startedAt().toEpochMilli(), sequence.getAndIncrement());
        }
        return keys;
    }

    /** Row keys for {@code records} that no stored row and no other record of them has. */
    private long[] freeRowKeys(Connection connection, List<RequestRecord> records)
            throws SQLException {
        long[] keys = new long[records.size()];
        Set<Long> taken = new HashSet<>();
        try (PreparedStatement select =
                connection.prepareStatement("SELECT 1 FROM requests WHERE row_key = ?")) {
            for (int i = 0; i < keys.length; i++) {
                long millis = records.get(i).startedAt().toEpochMilli();
                long key;
                do {
                    key = RowKeys.of(millis, sequence.getAndIncrement());
                } while (!taken.add(key) || isStored(select, key));
                keys[i] = key;
            }
        }
        return keys;
    }

    private static boolean isStored(PreparedStatement select, long rowKey) throws SQLException {
        select.setLong(1, rowKey);
        try (ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    private static Void insert(Connection connection, List<RequestRecord> records, long[] rowKeys)
            throws SQLException {
        insertRequests(connection, records, rowKeys);
        insertAttempts(connection, records);
        UsageRollup.add(connection, records);
        return null;
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                return true;
            }
        }
        return false;
    }

    /** The records whose id is neither stored nor earlier in {@code records}. */
    private static List<RequestRecord> withoutStored(
            Connection connection, List<RequestRecord> records) throws SQLException {
        Set<String> seen = new HashSet<>();
        Array ids =
                connection.createArrayOf(
                        "VARCHAR", records.stream().map(RequestRecord::id).toArray());
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id FROM requests WHERE id = ANY(?)")) {
            select.setArray(1, ids);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    seen.add(row.getString(1));
                }
            }
        }
        return records.stream().filter(record -> seen.add(record.id())).toList();
    }

    private static void insertRequests(
            Connection connection, List<RequestRecord> records, long[] rowKeys)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        """
                        INSERT INTO requests (id, started_at, route, provider, model,
                            access_key_name, status, stream, attempt_count, latency_ms,
                            prompt_tokens, completion_tokens, total_tokens, cached_tokens,
                            reasoning_tokens, usage_estimated, error, attempt_outcome,
                            attempt_latency_ms, row_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)) {
            for (int i = 0; i < records.size(); i++) {
                RequestRecord record = records.get(i);
                TokenUsage usage = record.usage();
                insert.setLong(20, rowKeys[i]);
                insert.setString(1, record.id());
                insert.setLong(2, record.startedAt().toEpochMilli());
                insert.setString(3, Columns.clip(record.route(), Columns.ROUTE));
                setOptional(insert, 4, record.provider(), Columns.NAME);
                setOptional(insert, 5, record.model(), Columns.MODEL);
                setOptional(insert, 6, record.accessKeyName(), Columns.NAME);
                insert.setInt(7, record.status());
                insert.setBoolean(8, record.stream());
                insert.setInt(9, record.attemptCount());
                insert.setLong(10, record.latencyMs());
                insert.setLong(11, usage.promptTokens());
                insert.setLong(12, usage.completionTokens());
                insert.setLong(13, usage.totalTokens());
                insert.setLong(14, usage.cachedTokens());
                insert.setLong(15, usage.reasoningTokens());
                insert.setBoolean(16, usage.estimated());
                setOptional(insert, 17, record.error(), Columns.ERROR);
                Optional<AttemptRecord> inline = RequestLogRows.inlineAttempt(record);
                if (inline.isPresent()) {
                    insert.setString(18, Columns.clip(inline.get().outcome(), Columns.OUTCOME));
                    insert.setLong(19, inline.get().latencyMs());
                } else {
                    insert.setNull(18, Types.VARCHAR);
                    insert.setNull(19, Types.BIGINT);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertAttempts(Connection connection, List<RequestRecord> records)
            throws SQLException {
        boolean anyRows =
                records.stream()
                        .anyMatch(
                                record ->
                                        !record.attempts().isEmpty()
                                                && RequestLogRows.inlineAttempt(record).isEmpty());
        if (!anyRows) {
            return;
        }
        try (PreparedStatement insert =
                connection.prepareStatement(
                        """
                        INSERT INTO request_attempts (request_id, attempt_no, provider, model,
                            outcome, status, latency_ms, committed, error)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)) {
            for (RequestRecord record : records) {
                if (RequestLogRows.inlineAttempt(record).isPresent()) {
                    continue;
                }
                for (AttemptRecord attempt : record.attempts()) {
                    insert.setString(1, record.id());
                    insert.setInt(2, attempt.attemptNo());
                    insert.setString(3, Columns.clip(attempt.provider(), Columns.NAME));
                    insert.setString(4, Columns.clip(attempt.model(), Columns.MODEL));
                    insert.setString(5, Columns.clip(attempt.outcome(), Columns.OUTCOME));
                    if (attempt.status() == null) {
                        insert.setNull(6, Types.INTEGER);
                    } else {
                        insert.setInt(6, attempt.status());
                    }
                    insert.setLong(7, attempt.latencyMs());
                    insert.setBoolean(8, attempt.committed());
                    setOptional(insert, 9, attempt.error(), Columns.ERROR);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void setOptional(
            PreparedStatement statement, int index, Optional<String> value, int maxLength)
            throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, Columns.clip(value.get(), maxLength));
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    /** The newest {@code limit} requests, newest first, each with its attempts. */
    public List<RequestRecord> recent(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.snapshot(
                "read the recent requests",
                connection -> {
                    List<RequestRecord> requests =
                            RequestLogRows.newestFirst(connection, "TRUE", List.of(), limit);
                    return RequestLogRows.withAttempts(connection, requests);
                });
    }

    /** How many requests the log holds. */
    public long count() {
        return database.withConnection(
                "count the requests",
                connection -> {
                    try (PreparedStatement select =
                                    connection.prepareStatement("SELECT COUNT(*) FROM requests");
                            ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                });
    }

    /**
     * The hourly usage of every hour that overlaps {@code [from, until)}, oldest first. The rollup
     * cannot split an hour, so the first and last hour are counted whole.
     */
    public List<UsageHourRow> hourly(Instant from, Instant until) {
        long firstHour = UsageRollup.hourStart(from.toEpochMilli());
        return database.withConnection(
                "read the hourly usage",
                connection -> UsageRollup.read(connection, firstHour, until.toEpochMilli()));
    }
}
