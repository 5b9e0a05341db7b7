package io.signalbox.persistence;

import java.nio.file.Path;

/**
 * Another running Signalbox holds the database of this data dir (CONTRACT: exit code 3).
 *
 * <p>H2 locks its file while a database is open; rather than sharing it through H2's auto-server
 * mode, a second instance is refused so that two proxies never write one request log.
 */
public final class DataDirInUseException extends PersistenceException {

    private final Path dataDir;

    public DataDirInUseException(Path dataDir, Throwable cause) {
        super("the data dir " + dataDir + " is in use by another running Signalbox", cause);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
