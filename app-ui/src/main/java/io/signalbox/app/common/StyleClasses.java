package io.signalbox.app.common;

/** The CSS style classes of {@code app.css}, so that views do not spell them by hand. */
public final class StyleClasses {

    public static final String SIDEBAR = "sidebar";
    public static final String BRAND = "brand";
    public static final String NAV_BUTTON = "nav-button";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_DOT = "status-dot";
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
    public static final String BASE_URL = "base-url";
    public static final String PLACEHOLDER = "placeholder";
    public static final String PLACEHOLDER_TITLE = "placeholder-title";
    public static final String MUTED = "muted";
    public static final String ICON_BUTTON = "icon-button";

    private StyleClasses() {}
}
