package io.signalbox.app.requests;

/**
 * The style classes of the Requests screen (the block marked "Usage and Requests screens" at the
 * end of {@code app.css}) and the icons it shows.
 */
final class RequestStyles {

    static final String SCREEN = "requests-screen";
    static final String HEADER = "requests-header";
    static final String TITLE = "requests-title";
    static final String TABLE = "requests-table";
    static final String STATUS = "request-status";

    /** Followed by {@code 2xx}, {@code 4xx} or {@code 5xx}. */
    static final String STATUS_PREFIX = "request-status-";

    static final String NEW_BUTTON = "new-requests-button";
    static final String NUMBER = "number";
    static final String RETRIED = "request-retried";
    static final String LIVE = "requests-live";
    static final String PAUSED = "requests-paused";
    static final String TRACE = "request-trace";
    static final String VERDICT = "trace-verdict";

    /** Followed by the {@link Trace.Outcome} in lower case with dashes. */
    static final String VERDICT_PREFIX = "trace-verdict-";

    static final String FACTS = "trace-facts";
    static final String FACT_NAME = "trace-fact-name";
    static final String STEP = "trace-step";

    /** Followed by the {@link Trace.StepKind} in lower case with dashes. */
    static final String STEP_PREFIX = "trace-step-";

    static final String STEP_NUMBER = "trace-step-number";
    static final String STEP_TARGET = "trace-step-target";
    static final String ROLE = "trace-role";
    static final String STEP_LATENCY = "trace-step-latency";
    static final String SECTION_TITLE = "trace-section-title";
    static final String EMPTY_TRACE = "trace-empty";
    static final String FILTERS = "requests-filters";
    static final String STATUS_PICKER = "requests-status-picker";
    static final String PROBLEM = "requests-problem";

    static final String ICON_SEARCH = "mdi2m-magnify";
    static final String ICON_NEW = "mdi2a-arrow-up-bold";
    static final String ICON_LIVE = "mdi2b-broadcast";
    static final String ICON_PAUSED = "mdi2p-pause-circle-outline";
    static final String ICON_SERVED = "mdi2c-check-circle";
    static final String ICON_FAILED = "mdi2c-close-circle";
    static final String ICON_PASSED_ON = "mdi2a-arrow-right-bottom";
    static final String ICON_BROKE_OFF = "mdi2l-lan-disconnect";
    static final String ICON_FALLBACK = "mdi2c-call-split";
    static final String ICON_STREAM = "mdi2w-waves";
    static final String ICON_COPY = "mdi2c-content-copy";
    static final String ICON_CLEAR = "mdi2c-close";

    private RequestStyles() {}

    static String cssName(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
