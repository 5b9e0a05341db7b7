package io.signalbox.app.routes;

/**
 * The style classes of the Routes screen (the block marked "Routes screen" at the end of {@code
 * app.css}) and the icons it shows. Kept beside the screen so the shared lists stay small.
 */
final class RouteStyles {

    static final String SCREEN = "routes-screen";
    static final String HEADER = "routes-header";
    static final String TITLE = "routes-title";
    static final String ROUTE_LIST = "route-list";
    static final String ROUTE_ROW = "route-row";
    static final String ROUTE_NAME = "route-name";
    static final String DETAILS = "route-details";
    static final String DISABLED_ROUTE = "route-disabled";
    static final String SPLIT_BAR = "split-bar";
    static final String SPLIT_SEGMENT = "split-segment";
    static final String SPLIT_EMPTY = "split-empty";

    /** Followed by the colour's index modulo {@link #SPLIT_COLORS}. */
    static final String SPLIT_COLOR_PREFIX = "split-color-";

    static final int SPLIT_COLORS = 8;
    static final String HEALTH_DOT = "health-dot";
    static final String HEALTH_PREFIX = "health-";
    static final String MESSAGE_BAR = "routes-message";
    static final String UNDO_BAR = "undo-bar";
    static final String EDITOR = "route-editor";
    static final String SECTION_TITLE = "route-section-title";
    static final String HINT = "hint";
    static final String PROBLEM = "field-problem";
    static final String DIRTY = "dirty-badge";
    static final String PRIMARY = "primary-button";
    static final String PALETTE = "model-palette";
    static final String PALETTE_TREE = "palette-tree";
    static final String PALETTE_PROVIDER = "palette-provider";
    static final String PALETTE_IN_USE = "palette-in-use";
    static final String REMOVE_ZONE = "remove-zone";
    static final String DROP_ZONE = "drop-zone";
    static final String DROP_ACTIVE = "drop-active";
    static final String DROP_LINE = "drop-line";
    static final String REPOINT = "repoint-target";
    static final String ROW = "edit-row";
    static final String TARGET_ROW = "target-row";
    static final String FALLBACK_ROW = "fallback-row";
    static final String ROW_OFF = "row-off";
    static final String GRIP = "row-grip";
    static final String SWATCH = "color-swatch";
    static final String MODEL_NAME = "model-name";
    static final String SHARE = "target-share";
    static final String ORDER = "fallback-order";
    static final String EMPTY_LIST = "empty-list";
    static final String MORE_BUTTON = "more-button";
    static final String EDITOR_BODY = "route-editor-body";

    static final String ICON_ADD = "mdi2p-plus";
    static final String ICON_EDIT = "mdi2p-pencil-outline";
    static final String ICON_RENAME = "mdi2r-rename-box";
    static final String ICON_DUPLICATE = "mdi2c-content-duplicate";
    static final String ICON_DELETE = "mdi2d-delete-outline";
    static final String ICON_REMOVE = "mdi2c-close";
    static final String ICON_UNDO = "mdi2u-undo";
    static final String ICON_GRIP = "mdi2d-drag-vertical";
    static final String ICON_FILTER = "mdi2m-magnify";
    static final String ICON_UP = "mdi2a-arrow-up";
    static final String ICON_DOWN = "mdi2a-arrow-down";
    static final String ICON_MORE = "mdi2d-dots-vertical";
    static final String ICON_PROBLEM = "mdi2a-alert-circle-outline";
    static final String ICON_TRASH = "mdi2t-trash-can-outline";

    private RouteStyles() {}

    static String splitColor(int color) {
        return SPLIT_COLOR_PREFIX + Math.floorMod(color, SPLIT_COLORS);
    }
}
