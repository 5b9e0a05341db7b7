package io.signalbox.proxy;

/** The proxy could not listen, most often because another program holds the port. */
public final class ProxyUnavailableException extends Exception {

    public ProxyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
