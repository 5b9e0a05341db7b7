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
    public static final String THEME_SWITCH = "theme-switch";
    public static final String SCREEN = "screen";
    public static final String LIST_PANE = "list-pane";
    public static final String PANE_HEADER = "pane-header";
    public static final String PROVIDER_CELL = "provider-cell";
    public static final String PROVIDER_NAME = "provider-name";
    public static final String EDITOR = "editor";
    public static final String FORM = "form";
    public static final String FORM_LABEL = "form-label";
    public static final String FIELD_ERROR = "field-error";
    public static final String NOTICE = "notice";
    public static final String SECTION_TITLE = "section-title";
    public static final String PROBLEM_BOX = "problem-box";
    public static final String PROBLEM_TITLE = "problem-title";
    public static final String WARNING_TEXT = "warning-text";
    public static final String MODEL_CELL = "model-cell";
    public static final String BADGE = "badge";
    public static final String BADGE_NEW = "badge-new";
    public static final String BADGE_GONE = "badge-gone";
    public static final String BADGE_OFF = "badge-off";
    public static final String RESULT_OK = "result-ok";
    public static final String RESULT_FAILED = "result-failed";
    public static final String CONFIRM_BAR = "confirm-bar";
    public static final String FIRST_RUN = "first-run";
    public static final String FIRST_RUN_ICON = "first-run-icon";
    public static final String LOCAL_SERVER_ROW = "local-server-row";
    public static final String MONOSPACED = "monospaced";

    private StyleClasses() {}
}
