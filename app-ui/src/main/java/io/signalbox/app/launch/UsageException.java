package io.signalbox.app.launch;

/** The command line is wrong; the message says how (exit code 2). */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
