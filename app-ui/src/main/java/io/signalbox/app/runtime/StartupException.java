package io.signalbox.app.runtime;

/** Signalbox cannot start; carries the exit code of CONTRACT section 1 and a plain message. */
public final class StartupException extends Exception {

    /** Bad arguments or an invalid {@code --import} file. */
    public static final int BAD_INPUT = 2;

    /** The port is taken or the data dir is in use by another running instance. */
    public static final int IN_USE = 3;

    private final int exitCode;

    public StartupException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public StartupException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
