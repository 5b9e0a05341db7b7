package io.signalbox.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * One connection kept open for the request log's batches, outside the pool.
 *
 * <p>The pool rolls a connection back each time it hands it out, and in H2 a rollback empties the
 * session's query cache, so every batch of the usage writer parsed its statements (the request and
 * attempt inserts, both rollup merges, the commit) again: about 0.5 us per proxied request at
 * 16,000 requests a second, plus the JIT keeping H2's parser compiled (docs/performance.md, session
 * 5). This session is only rolled back when a batch fails, so its statements are parsed once.
 */
final class WriterSession implements AutoCloseable {

    private final DataSource source;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private boolean closed;

    WriterSession(DataSource source) {
        this.source = source;
    }

    /**
     * Runs {@code work} as one read-committed transaction: committed when it returns, rolled back
     * when it throws. Callers take turns.
     */
    <T> T transaction(String what, Database.SqlWork<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new PersistenceException("could not " + what + ": the database is closed");
            }
            Connection current = open();
            try {
                T result = work.run(current);
                current.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackOrDrop(e);
                throw e;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not " + what, e);
        } finally {
            lock.unlock();
        }
    }

    private Connection open() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = source.getConnection();
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(false);
        }
        return connection;
    }

    /** A connection that cannot even roll back is closed; the next transaction opens another. */
    private void rollbackOrDrop(Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
            closeQuietly(failure);
        }
    }

    private void closeQuietly(Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        connection = null;
    }

    /** Closes the connection; later transactions fail. Waits for one that is running. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (connection != null) {
                connection.close();
                connection = null;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not close the request log's connection", e);
        } finally {
            lock.unlock();
        }
    }
}
