package io.signalbox.app.usage;

import javafx.css.PseudoClass;

/**
 * The style classes of the Usage screen and of the first-request hint (the block marked "Usage and
 * Requests screens" at the end of {@code app.css}), and the icons they show.
 */
public final class UsageStyles {

    static final String SCREEN = "usage-screen";
    static final String HEADER = "usage-header";
    static final String TITLE = "usage-title";
    static final String RANGE_PICKER = "usage-range";
    static final String CARDS = "usage-cards";
    static final String CARD = "usage-card";
    static final String CARD_LABEL = "usage-card-label";
    static final String CARD_VALUE = "usage-card-value";
    static final String CARD_DETAIL = "usage-card-detail";
    static final String PANEL = "usage-panel";
    static final String PANEL_TITLE = "usage-panel-title";
    static final String NOTE = "usage-note";
    static final String ESTIMATED_NOTE = "usage-estimated-note";
    static final String PROBLEM = "usage-problem";
    static final String CHART = "usage-chart";
    static final String LEGEND = "usage-legend";
    static final String SWATCH = "usage-swatch";
    static final String ESTIMATED = "usage-estimated";
    static final String SHARE_LIST = "usage-share-list";
    static final String SHARE_ROW = "usage-share-row";
    static final String SHARE_DETAIL = "usage-share-detail";
    static final String SHARE_TRACK = "usage-share-track";
    static final String SHARE_FILL = "usage-share-fill";
    static final String SHARE_VALUE = "usage-share-value";
    static final String TABLE = "usage-table";
    static final String NUMBER = "usage-number";

    /** Followed by the palette index; {@link #COLOR_OTHER} for "other". */
    static final String COLOR_PREFIX = "usage-color-";

    static final String COLOR_OTHER = "usage-color-other";

    /**
     * A chart bar's estimated tokens, as a pseudo-class: the chart owns its bars' style classes.
     */
    static final PseudoClass BAR_ESTIMATED = PseudoClass.getPseudoClass("estimated");

    public static final String FIRST_REQUEST = "first-request";
    public static final String FIRST_REQUEST_TITLE = "first-request-title";
    public static final String CURL = "first-request-curl";

    static final String ICON_EXPORT = "mdi2f-file-delimited-outline";
    static final String ICON_CALENDAR = "mdi2c-calendar-range";
    static final String ICON_PROBLEM = "mdi2a-alert-circle-outline";
    static final String ICON_ESTIMATED = "mdi2a-approximately-equal";
    static final String ICON_FIRST_REQUEST = "mdi2c-console-line";
    static final String ICON_COPY = "mdi2c-content-copy";

    private UsageStyles() {}

    /**
     * A chart bar's palette colour as a pseudo-class ({@code :usage-color-N}, {@code
     * :usage-color-other}), since the chart resets its bars' style classes.
     */
    static PseudoClass barColor(int index) {
        return PseudoClass.getPseudoClass(color(index));
    }

    /** The style class of a palette colour, or of "other" for a negative index. */
    static String color(int index) {
        return index < 0 ? COLOR_OTHER : COLOR_PREFIX + index;
    }
}
