package io.signalbox.app.access;

/**
 * The style classes of the Access screen (the block marked "Access screen" at the end of {@code
 * app.css}) and the icons it shows. Kept beside the screen so the shared lists stay small.
 */
final class AccessStyles {

    static final String SCREEN = "access-screen";
    static final String TITLE = "access-title";
    static final String HEADER = "access-header";
    static final String KEY_TABLE = "key-table";
    static final String KEY_NAME = "key-name";
    static final String KEY_PREFIX = "key-prefix";
    static final String TOKENS_CELL = "tokens-cell";
    static final String TOKENS_BAR = "tokens-bar";

    /** On a tokens cell and bar: {@code limit-ok}, {@code limit-warning}, {@code limit-reached}. */
    static final String LIMIT_PREFIX = "limit-";

    static final String MESSAGE_BAR = "access-message";
    static final String NOTICE_BAR = "access-notice";
    static final String LIMIT_NOTICE = "limit-notice";
    static final String CONFIRM_BAR = "revoke-bar";
    static final String NEW_KEY_PANE = "new-key-pane";
    static final String NEW_KEY_TITLE = "new-key-title";
    static final String NEW_KEY_FIELD = "new-key-field";
    static final String NEW_KEY_WARNING = "new-key-warning";
    static final String EDITOR = "key-editor";
    static final String FORM = "key-form";
    static final String FORM_LABEL = "key-form-label";
    static final String ROUTE_CHECKLIST = "route-checklist";
    static final String ROUTE_CHECKLIST_PANE = "route-checklist-pane";
    static final String HINT = "key-hint";
    static final String PROBLEM = "key-problem";
    static final String PRIMARY = "access-primary";
    static final String DANGER = "access-danger";

    static final String ICON_ADD = "mdi2k-key-plus";
    static final String ICON_EDIT = "mdi2p-pencil-outline";
    static final String ICON_REVOKE = "mdi2k-key-remove";
    static final String ICON_COPY = "mdi2c-content-copy";
    static final String ICON_DONE = "mdi2c-check";
    static final String ICON_WARNING = "mdi2a-alert-outline";
    static final String ICON_PROBLEM = "mdi2a-alert-circle-outline";
    static final String ICON_SECRET = "mdi2s-shield-key-outline";
    static final String ICON_CLOSE = "mdi2c-close";

    private AccessStyles() {}

    static String limitState(KeyRow.LimitState state) {
        return LIMIT_PREFIX + state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
