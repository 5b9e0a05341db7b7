package io.signalbox.persistence.usage;

/**
 * What usage is grouped by: the group of a {@link UsageTotal} or {@link UsagePoint} is the value of
 * this column.
 *
 * <p>Requests that no target served have no provider and no model, and requests made without an
 * access key have no key: they form the group {@code ""} (empty), the way the hourly rollup stores
 * "none". An empty string rather than null keeps the group a plain string in JSON and in maps; no
 * real provider, model or access key has an empty name.
 */
public enum GroupBy {
    /** The route name the client asked for. */
    ROUTE("route", "route"),
    /** The provider of the target that served the request. */
    PROVIDER("provider", "COALESCE(provider, '')"),
    /** The upstream model that served the request (the same name at two providers is one group). */
    MODEL("model", "COALESCE(model, '')"),
    /** The access key the client used. */
    KEY("key", "COALESCE(access_key_name, '')"),
    /** Everything in one group, named {@value #ALL}. */
    NONE(GroupBy.ALL, "'" + GroupBy.ALL + "'");

    /** The one group's name when usage is not grouped. */
    public static final String ALL = "all";

    private final String dimension;
    private final String requestsColumn;

    GroupBy(String dimension, String requestsColumn) {
        this.dimension = dimension;
        this.requestsColumn = requestsColumn;
    }

    /**
     * The {@code dimension} of {@code usage_hourly_by} rows for this grouping (a fixed word, safe
     * to put in SQL).
     */
    String dimension() {
        return dimension;
    }

    /** The group as an SQL expression over {@code requests}, where NULL means none. */
    String requestsColumn() {
        return requestsColumn;
    }
}
