package io.signalbox.persistence;

/**
 * The store could not do what was asked: the database failed, or stored data could not be read.
 *
 * <p>Unchecked because callers (the proxy's usage writer, the UI) cannot repair a broken database
 * and only report it. Messages name what was being done (e.g. "could not replace the
 * configuration"), never a secret.
 */
public class PersistenceException extends RuntimeException {

    public PersistenceException(String message) {
        super(message);
    }

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
