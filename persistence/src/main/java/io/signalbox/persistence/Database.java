package io.signalbox.persistence;

import io.signalbox.persistence.usage.UsageQueries;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The Signalbox store: an H2 file database in the data dir, migrated by Flyway, and the
 * repositories that read and write it.
 *
 * <p>Open it once per process with {@link #open(Path)} and close it last, after the usage writer
 * drained. Every file it creates in the data dir is readable by the owner only.
 */
public final class Database implements AutoCloseable {

    /** The H2 database name; its files are {@code signalbox.mv.db} and friends. */
    static final String DATABASE_NAME = "signalbox";

    private static final String MAIN_FILE = DATABASE_NAME + ".mv.db";

    /*
     * TRACE_LEVEL_FILE=0: no signalbox.trace.db, which would record failing SQL with its
     *   parameters.
     * DB_CLOSE_ON_EXIT=FALSE: at shutdown the app flushes the request log and then closes the
     *   database itself; H2's own shutdown hook could close it before that last batch.
     * LOCK_TIMEOUT=10000: the usage writer, the UI and a configuration import may wait on one
     *   another's row locks for a moment; H2's 2 s default could turn that into failed writes.
     * QUERY_CACHE_SIZE=64: the usage writer's session (WriterSession) prepares a dozen statements
     *   (requests, attempts, the hourly rollups); with H2's default of 8 cached per session they
     *   pushed one another out and were parsed again for every batch.
     * AUTO_COMPACT_FILL_RATE=0: no background rewriting of half-empty chunks. Killed within a second
     *   of a first start (right after the migrations and their CHECKPOINT), the rewrite left a file
     *   H2 could not open ("Chunk 2 not found") in 3 of 150 tries; with it off, none in 60. Dead
     *   chunks are still reused, and SHUTDOWN compacts.
     * No AUTO_SERVER and the default FILE lock: a second instance on the same data dir is refused
     *   (DataDirInUseException) instead of sharing the database.
     */
    private static final String URL_OPTIONS =
            ";TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64"
                    + ";AUTO_COMPACT_FILL_RATE=0";

    /**
     * Data dirs open in this process. H2 shares a database between connections of one JVM, so its
     * file lock only keeps other processes out; this keeps out a second open in the same process.
     */
    private static final Set<Path> OPEN_DATA_DIRS = ConcurrentHashMap.newKeySet();

    private static final String USER = "signalbox";

    /** Enough for the proxy's usage writer, access key checks and the UI at once. */
    private static final int MAX_CONNECTIONS = 8;

    private final Path dataDir;
    private final JdbcConnectionPool pool;
    private final WriterSession writer;
    private final SecretCipher cipher;
    private final ConfigRepository configRepository;
    private final AccessKeyRepository accessKeyRepository;
    private final SettingsRepository settingsRepository;
    private final RequestLogRepository requestLogRepository;
    private final DiscoveryRepository discoveryRepository;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(
            Path dataDir,
            JdbcConnectionPool pool,
            WriterSession writer,
            SecretCipher cipher,
            Clock clock) {
        this.dataDir = dataDir;
        this.pool = pool;
        this.writer = writer;
        this.cipher = cipher;
        this.configRepository = new ConfigRepository(this, cipher, clock);
        this.accessKeyRepository = new AccessKeyRepository(this);
        this.settingsRepository = new SettingsRepository(this);
        this.requestLogRepository = new RequestLogRepository(this);
        this.discoveryRepository = new DiscoveryRepository(this);
    }

    /** Opens (creating if needed) the database in {@code dataDir} and migrates it. */
    public static Database open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir} and migrates it.
     *
     * @param clock gives access keys their creation time
     * @throws DataDirInUseException when another process has this database open
     * @throws PersistenceException when the folder, the key file or the database cannot be used
     */
    public static Database open(Path dataDir, Clock clock) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            // H2 reads ';' in its URL as the start of a setting.
            throw new IllegalArgumentException("the data dir path must not contain ';': " + dir);
        }
        try {
            OwnerOnlyFiles.createDirectory(dir);
            // An empty file made owner-only now is taken up by H2 as a new database, so the
            // database never exists with the umask's permissions.
            OwnerOnlyFiles.createFile(dir.resolve(MAIN_FILE));
            dir = dir.toRealPath();
        } catch (IOException e) {
            throw new PersistenceException("could not create the data dir " + dir, e);
        }
        if (!OPEN_DATA_DIRS.add(dir)) {
            throw new DataDirInUseException(dir, null);
        }
        try {
            return openClaimed(dir, clock);
        } catch (RuntimeException e) {
            OPEN_DATA_DIRS.remove(dir);
            throw e;
        }
    }

    private static Database openClaimed(Path dir, Clock clock) {
        String url = "jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + URL_OPTIONS;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            checkNotInUse(dir, pool);
            migrate(pool);
            restrictDatabaseFiles(dir);
            // The key comes after the lock: two instances never race to create it.
            SecretCipher cipher = SecretCipher.open(dir.resolve(SecretCipher.KEY_FILE_NAME));
            JdbcDataSource writerSource = new JdbcDataSource();
            writerSource.setURL(url);
            writerSource.setUser(USER);
            writerSource.setPassword("");
            return new Database(dir, pool, new WriterSession(writerSource), cipher, clock);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private static void checkNotInUse(Path dir, JdbcConnectionPool pool) {
        // The first connection opens the H2 database, which fails while another process holds
        // its file lock.
        try (Connection first = pool.getConnection()) {
            first.isValid(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new DataDirInUseException(dir, e);
            }
            throw new PersistenceException("could not open the database in " + dir, e);
        }
    }

    private static void migrate(JdbcConnectionPool pool) {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    // The app logs through slf4j; Flyway would otherwise pick java.util.logging.
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new PersistenceException("could not migrate the database", e);
        }
        // H2 writes committed changes to the file in the background, up to a second later, and
        // its DDL commits statement by statement. A process killed in that second (LauncherIT
        // saw it: killed right after its ready line) left part of a migration on disk without
        // Flyway's record of it, and every later start failed on "table already exists".
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new PersistenceException("could not write the migrated database to disk", e);
        }
    }

    /** Files H2 made before this process (or an older version) may carry looser permissions. */
    private static void restrictDatabaseFiles(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, DATABASE_NAME + ".*")) {
            for (Path file : files) {
                OwnerOnlyFiles.restrict(file);
            }
        } catch (IOException e) {
            throw new PersistenceException("could not restrict the database files in " + dir, e);
        }
    }

    /** The folder holding the database and the key file. */
    public Path dataDir() {
        return dataDir;
    }

    /** Encrypts and decrypts the secrets kept in this database. */
    public SecretCipher secretCipher() {
        return cipher;
    }

    public ConfigRepository configRepository() {
        return configRepository;
    }

    public AccessKeyRepository accessKeyRepository() {
        return accessKeyRepository;
    }

    public SettingsRepository settingsRepository() {
        return settingsRepository;
    }

    public RequestLogRepository requestLogRepository() {
        return requestLogRepository;
    }

    public UsageQueries usageQueries() {
        return new UsageQueries(pool);
    }

    public DiscoveryRepository discoveryRepository() {
        return discoveryRepository;
    }

    /** The decisions taken about canaries; stateless, so a new one per call is fine. */
    public CanaryDecisionRepository canaryDecisions() {
        return new CanaryDecisionRepository(this);
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode. */
    <T> T withConnection(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new PersistenceException("could not " + what, e);
        }
    }

    /**
     * Runs the request log's {@code work} as one read-committed transaction on the writer's own
     * connection ({@link WriterSession}), which keeps its statements parsed between batches.
     */
    <T> T writerTransaction(String what, SqlWork<T> work) {
        return writer.transaction(what, work);
    }

    /**
     * Runs {@code work} as one read-committed transaction: committed when it returns, rolled back
     * when it throws anything.
     */
    <T> T transaction(String what, SqlWork<T> work) {
        return inTransaction(what, Connection.TRANSACTION_READ_COMMITTED, work);
    }

    /**
     * Runs read-only {@code work} on one consistent snapshot, so several queries never see half of
     * a concurrent write (in H2, SERIALIZABLE reads from the snapshot taken at the first read).
     */
    <T> T snapshot(String what, SqlWork<T> work) {
        return inTransaction(what, Connection.TRANSACTION_SERIALIZABLE, work);
    }

    private <T> T inTransaction(String what, int isolation, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            int previousIsolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                // The pool hands this connection out again: leave it as it was found.
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(previousIsolation);
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not " + what, e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Closes the database: every pooled connection, then H2 itself, and narrows the permissions of
     * any file H2 created meanwhile. Call it after the last write.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            writer.close();
        } catch (PersistenceException e) {
            // SHUTDOWN below closes every session anyway.
        }
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            // SHUTDOWN writes everything out and releases the file lock at once, rather than
            // when the last pooled connection happens to close.
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new PersistenceException("could not close the database", e);
        } finally {
            pool.dispose();
            OPEN_DATA_DIRS.remove(dataDir);
        }
        restrictDatabaseFiles(dataDir);
    }

    /** A unit of JDBC work on a connection the database manages. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
