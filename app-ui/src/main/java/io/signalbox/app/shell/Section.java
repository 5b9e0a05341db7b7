package io.signalbox.app.shell;

import io.signalbox.app.common.Icons;

/** The places of the sidebar, in order. Screens not built yet keep their place with a note. */
public enum Section {
    ROUTES("Routes", Icons.ROUTES, "Public model names and where their traffic goes."),
    PROVIDERS("Providers", Icons.PROVIDERS, "The OpenAI-compatible servers your routes call."),
    ACCESS("Access", Icons.ACCESS, "Keys for the people who share this proxy."),
    USAGE("Usage", Icons.USAGE, "Token usage over time, by route, provider, model or key."),
    REQUESTS("Requests", Icons.REQUESTS, "Recent requests and the targets each one tried."),
    SETTINGS("Settings", Icons.SETTINGS, "Port, bind address, theme and the data folder.");

    private final String title;
    private final String icon;
    private final String description;

    Section(String title, String icon, String description) {
        this.title = title;
        this.icon = icon;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String icon() {
        return icon;
    }

    public String description() {
        return description;
    }
}
