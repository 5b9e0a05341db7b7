package io.signalbox.app.requests;

import io.signalbox.app.usage.FirstRequest;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.usage.RequestFilter;
import io.signalbox.persistence.usage.StatusClass;
import io.signalbox.persistence.usage.UsageQueries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The live request log: the newest requests matching the filters, newest first, and the trace of
 * the selected one.
 *
 * <p>Route, key and status filters are the store's (the newest {@value #PAGE} matches are read);
 * the text filter searches what was read. New requests come in at the top while the user is not
 * reading; while they are (a row selected, or scrolled down) they wait in {@link
 * #pendingProperty()} so the rows under the reader's eyes do not move, until {@link
 * #showPending()}.
 */
public final class RequestsViewModel {

    private static final Logger LOG = Logger.getLogger(RequestsViewModel.class.getName());

    /** How many matches one read brings. */
    static final int PAGE = 300;

    /** The most rows kept as new ones arrive; the oldest go first. */
    static final int KEEP = RequestFilter.MAX_LIMIT;

    /** Newest first, as the store lists them. */
    static final Comparator<RequestRecord> NEWEST_FIRST =
            Comparator.comparing(RequestRecord::startedAt)
                    .thenComparing(RequestRecord::id)
                    .reversed();

    /** The store-side filters a read is made for. */
    private record Filters(String route, String key, StatusClass status, long generation) {
        RequestFilter toStore() {
            RequestFilter filter = RequestFilter.newest(PAGE);
            if (route != null) {
                filter = filter.withRoute(route);
            }
            if (key != null) {
                filter = filter.withAccessKey(key);
            }
            if (status != null) {
                filter = filter.withStatusClass(status);
            }
            return filter;
        }
    }

    private final UsageQueries queries;
    private final LongSupplier storedRequests;
    private final Supplier<String> baseUrl;
    private final Executor background;
    private final Executor fx;

    private final ObservableList<RequestRecord> rows = FXCollections.observableArrayList();
    private final FilteredList<RequestRecord> shown = new FilteredList<>(rows);
    private final List<RequestRecord> waiting = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private final ObjectProperty<String> route = new SimpleObjectProperty<>();
    private final ObjectProperty<String> key = new SimpleObjectProperty<>();
    private final ObjectProperty<StatusClass> status = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty reading = new SimpleBooleanProperty();
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper();
    private final ObjectProperty<RequestRecord> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper logEmpty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper firstRequest = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper firstRequestAdvice = new ReadOnlyStringWrapper("");
    private final ObservableList<String> routeChoices = FXCollections.observableArrayList();
    private final ObservableList<String> keyChoices = FXCollections.observableArrayList();

    private SignalboxConfig config = SignalboxConfig.empty();

    /** Written on the FX thread, read by the background reader. */
    private volatile Filters filters = new Filters(null, null, null, 0);

    private final AtomicBoolean queued = new AtomicBoolean();

    // What the last read was for; touched by the background reader only.
    private Filters readFilters;
    private long readCount = -1;

    /** The filters of the rows on show; FX thread. */
    private long shownGeneration = -1;

    /**
     * @param storedRequests how many requests the log holds (moves whenever a batch is stored)
     * @param background runs the reads, one at a time
     * @param fx runs on the JavaFX thread
     */
    public RequestsViewModel(
            UsageQueries queries,
            LongSupplier storedRequests,
            Supplier<String> baseUrl,
            Executor background,
            Executor fx) {
        this.queries = queries;
        this.storedRequests = storedRequests;
        this.baseUrl = baseUrl;
        this.background = background;
        this.fx = fx;
        route.addListener((obs, old, now) -> filtersChanged());
        key.addListener((obs, old, now) -> filtersChanged());
        status.addListener((obs, old, now) -> filtersChanged());
        text.addListener((obs, old, now) -> shown.setPredicate(matching(now)));
        selected.addListener((obs, old, now) -> trace.set(now == null ? null : traceOf(now)));
        reading.addListener(
                (obs, was, now) -> {
                    if (!now) {
                        showPending(); // the reader is back at the top: catch up
                    }
                });
    }

    private void filtersChanged() {
        filters = new Filters(route.get(), key.get(), status.get(), filters.generation() + 1);
        schedule();
    }

    /** Reads again if the log grew or the filters changed; call on a timer while showing. */
    public void poll() {
        schedule();
    }

    /** The configuration changed: filter choices, roles in traces, the first-request hint. */
    public void configChanged(SignalboxConfig changed) {
        config = changed;
        firstRequest.set(FirstRequest.curl(baseUrl.get(), changed));
        firstRequestAdvice.set(FirstRequest.advice(changed));
        updateChoices();
        if (selected.get() != null) {
            trace.set(traceOf(selected.get()));
        }
    }

    private void schedule() {
        if (queued.compareAndSet(false, true)) {
            background.execute(this::read);
        }
    }

    /** On the background reader. */
    private void read() {
        queued.set(false);
        Filters wanted = filters;
        try {
            long count = storedRequests.getAsLong();
            if (wanted.equals(readFilters) && count == readCount) {
                return;
            }
            List<RequestRecord> read = count == 0 ? List.of() : queries.requests(wanted.toStore());
            readFilters = wanted;
            readCount = count;
            fx.execute(() -> arrived(wanted, read, count));
        } catch (IllegalStateException e) {
            // The store closed under the read: the app is stopping. Nothing to show or retry.
            LOG.log(Level.FINE, "Request log not read: the store is closed", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the request log", e);
            readCount = -1;
            fx.execute(() -> problem.set("Could not read the request log: " + e.getMessage()));
        }
    }

    private void arrived(Filters wanted, List<RequestRecord> read, long count) {
        if (wanted.generation() != filters.generation()) {
            return; // other filters were chosen meanwhile; their read follows
        }
        problem.set(null);
        logEmpty.set(count == 0);
        if (wanted.generation() != shownGeneration) {
            shownGeneration = wanted.generation();
            waiting.clear();
            known.clear();
            read.forEach(request -> known.add(request.id()));
            rows.setAll(read);
        } else {
            List<RequestRecord> fresh = new ArrayList<>();
            for (RequestRecord request : read) {
                if (known.add(request.id())) {
                    fresh.add(request);
                }
            }
            if (reading.get()) {
                waiting.addAll(fresh);
            } else {
                insert(fresh);
            }
        }
        pending.set(waiting.size());
        updateChoices();
    }

    /** Puts the requests that waited while the user was reading into the list. */
    public void showPending() {
        insert(new ArrayList<>(waiting));
        waiting.clear();
        pending.set(0);
    }

    /**
     * New requests go where their start time puts them: nearly always the top, but a long stream is
     * stored when it ends, after requests that started later.
     */
    private void insert(List<RequestRecord> fresh) {
        fresh.sort(NEWEST_FIRST.reversed()); // oldest first, so each lands above the previous
        for (RequestRecord request : fresh) {
            int at = java.util.Collections.binarySearch(rows, request, NEWEST_FIRST);
            rows.add(at < 0 ? -at - 1 : at, request);
        }
        if (rows.size() > KEEP) {
            rows.subList(KEEP, rows.size()).forEach(request -> known.remove(request.id()));
            rows.remove(KEEP, rows.size());
        }
    }

    /** The routes and keys to filter by: those configured and those seen in the log. */
    private void updateChoices() {
        Set<String> routes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        config.routes().stream().map(RouteConfig::name).forEach(routes::add);
        Set<String> keys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        config.accessKeys().stream().map(AccessKeyConfig::name).forEach(keys::add);
        for (RequestRecord request : rows) {
            routes.add(request.route());
            request.accessKeyName().ifPresent(keys::add);
        }
        if (!routeChoices.equals(new ArrayList<>(routes))) {
            routeChoices.setAll(routes);
        }
        if (!keyChoices.equals(new ArrayList<>(keys))) {
            keyChoices.setAll(keys);
        }
    }

    private static java.util.function.Predicate<RequestRecord> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return null;
        }
        return request -> haystack(request).contains(needle);
    }

    /** Everything the text filter looks at: ids, names, the status and every error. */
    private static String haystack(RequestRecord request) {
        StringBuilder all =
                new StringBuilder(request.id())
                        .append('\n')
                        .append(request.route())
                        .append('\n')
                        .append(request.accessKeyName().orElse(""))
                        .append('\n')
                        .append(RequestFormat.target(request))
                        .append('\n')
                        .append(request.status())
                        .append('\n')
                        .append(request.error().orElse(""));
        request.attempts()
                .forEach(
                        attempt ->
                                all.append('\n')
                                        .append(
                                                AttemptTrace.target(
                                                        attempt.provider(), attempt.model()))
                                        .append(' ')
                                        .append(AttemptTrace.reason(attempt)));
        return all.toString().toLowerCase(Locale.ROOT);
    }

    private Trace traceOf(RequestRecord request) {
        return AttemptTrace.of(request, config);
    }

    // ---- properties ----

    /** The rows on show: read, then narrowed by the text filter; newest first. */
    public ObservableList<RequestRecord> rows() {
        return shown;
    }

    public ObjectProperty<String> routeProperty() {
        return route;
    }

    public ObjectProperty<String> keyProperty() {
        return key;
    }

    public ObjectProperty<StatusClass> statusProperty() {
        return status;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Set by the view while the user reads: a row is selected or the list is scrolled down. */
    public BooleanProperty readingProperty() {
        return reading;
    }

    /** How many new requests wait for the user to come back to the top. */
    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ObjectProperty<RequestRecord> selectedProperty() {
        return selected;
    }

    /** The selected request's trace, or null. */
    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True once a read found no request in the whole log. */
    public ReadOnlyBooleanProperty logEmptyProperty() {
        return logEmpty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty firstRequestProperty() {
        return firstRequest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty firstRequestAdviceProperty() {
        return firstRequestAdvice.getReadOnlyProperty();
    }

    public ObservableList<String> routeChoices() {
        return routeChoices;
    }

    public ObservableList<String> keyChoices() {
        return keyChoices;
    }
}
