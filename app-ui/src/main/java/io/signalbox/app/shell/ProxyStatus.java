package io.signalbox.app.shell;

/** What the status bar shows about the proxy. */
public record ProxyStatus(boolean running, String baseUrl) {}
