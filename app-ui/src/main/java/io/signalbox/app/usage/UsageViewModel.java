package io.signalbox.app.usage;

import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.UsageQueries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Usage screen's state: the chosen range and grouping, and the last report read for them.
 *
 * <p>Reading happens on {@code background}, never on the JavaFX thread: a 30-day series over a
 * million requests takes tens of milliseconds, which would be a visible stutter. {@link #poll()} is
 * cheap: it counts the stored requests and reads the report again only when that count moved, the
 * window slid on to a new bucket, or the choices changed. Results come back through {@code fx}, and
 * a result for choices the user has since changed is dropped.
 */
public final class UsageViewModel {

    private static final Logger LOG = Logger.getLogger(UsageViewModel.class.getName());

    /** Palette colours in app.css ({@code usage-color-0} ...). */
    public static final int PALETTE = UsageFrame.MAX_SERIES;

    /** The choices a report is read for. */
    private record Choice(
            UsageRange range, LocalDate from, LocalDate to, GroupBy groupBy, long generation) {}

    private final UsageQueries queries;
    private final LongSupplier storedRequests;
    private final Supplier<String> baseUrl;
    private final Clock clock;
    private final Executor background;
    private final Executor fx;

    private final ObjectProperty<UsageRange> range =
            new SimpleObjectProperty<>(UsageRange.LAST_DAY);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>();
    private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(GroupBy.ROUTE);
    private final ReadOnlyObjectWrapper<UsageReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper firstRequest = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper firstRequestAdvice = new ReadOnlyStringWrapper("");
    private final GroupColors colors = new GroupColors(PALETTE);

    /** Written on the FX thread, read by the background reader. */
    private volatile Choice choice;

    private final AtomicBoolean queued = new AtomicBoolean();

    // What the last read was for; touched by the background reader only.
    private Choice readChoice;
    private UsageWindow readWindow;
    private long readCount = -1;

    /**
     * @param storedRequests how many requests the log holds (a cheap count that moves whenever the
     *     usage writer stores a batch)
     * @param background runs the reads, one at a time
     * @param fx runs on the JavaFX thread ({@code Platform::runLater} in the app)
     */
    public UsageViewModel(
            UsageQueries queries,
            LongSupplier storedRequests,
            Supplier<String> baseUrl,
            Clock clock,
            Executor background,
            Executor fx) {
        this.queries = queries;
        this.storedRequests = storedRequests;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.background = background;
        this.fx = fx;
        LocalDate today = LocalDate.now(clock);
        customFrom.set(today.minusDays(13));
        customTo.set(today);
        choice = new Choice(range.get(), customFrom.get(), customTo.get(), groupBy.get(), 0);
        range.addListener((obs, old, now) -> choiceChanged());
        customFrom.addListener((obs, old, now) -> choiceChanged());
        customTo.addListener((obs, old, now) -> choiceChanged());
        groupBy.addListener(
                (obs, old, now) -> {
                    // Another dimension: its groups are other names, so colours start afresh.
                    colors.clear();
                    choiceChanged();
                });
    }

    private void choiceChanged() {
        reading.set(true);
        choice =
                new Choice(
                        range.get(),
                        customFrom.get(),
                        customTo.get(),
                        groupBy.get(),
                        choice.generation() + 1);
        schedule();
    }

    /** Reads again if anything changed since the last read; call on a timer while showing. */
    public void poll() {
        schedule();
    }

    /** Reads again now, even if nothing seems to have changed. */
    public void refresh() {
        reading.set(true);
        choice =
                new Choice(
                        choice.range(),
                        choice.from(),
                        choice.to(),
                        choice.groupBy(),
                        choice.generation() + 1);
        schedule();
    }

    /** The configuration changed: the first-request hint names a real route. FX thread. */
    public void configChanged(SignalboxConfig config) {
        firstRequest.set(FirstRequest.curl(baseUrl.get(), config));
        firstRequestAdvice.set(FirstRequest.advice(config));
    }

    private void schedule() {
        if (queued.compareAndSet(false, true)) {
            background.execute(this::read);
        }
    }

    /** On the background reader. */
    private void read() {
        queued.set(false);
        Choice wanted = choice;
        UsageWindow window;
        try {
            window = windowFor(wanted);
        } catch (IllegalArgumentException e) {
            readChoice = wanted;
            fx.execute(() -> failed(wanted, e.getMessage()));
            return;
        }
        try {
            long count = storedRequests.getAsLong();
            if (wanted.equals(readChoice) && window.equals(readWindow) && count == readCount) {
                return;
            }
            UsageReport read =
                    UsageReport.read(queries, window, wanted.groupBy(), count, clock.getZone());
            readChoice = wanted;
            readWindow = window;
            readCount = count;
            fx.execute(() -> show(wanted, read));
        } catch (IllegalStateException e) {
            // The store closed under the read: the app is stopping. Nothing to show or retry.
            LOG.log(Level.FINE, "Usage not read: the store is closed", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the usage", e);
            readCount = -1; // try again on the next poll
            fx.execute(() -> failed(wanted, "Could not read the usage: " + e.getMessage()));
        }
    }

    private UsageWindow windowFor(Choice wanted) {
        if (wanted.range() == UsageRange.CUSTOM) {
            if (wanted.from() == null || wanted.to() == null) {
                throw new IllegalArgumentException("Choose the first and the last day.");
            }
            return UsageWindow.custom(wanted.from(), wanted.to(), clock.getZone());
        }
        return UsageWindow.last(wanted.range(), clock.instant());
    }

    private void show(Choice wanted, UsageReport read) {
        if (wanted.generation() != choice.generation()) {
            return; // the user chose something else meanwhile; its own read follows
        }
        colors.assign(read.frame().series().stream().map(ChartSeries::group).toList());
        problem.set(null);
        report.set(read);
        reading.set(false);
    }

    private void failed(Choice wanted, String message) {
        if (wanted.generation() == choice.generation()) {
            problem.set(message);
            reading.set(false);
        }
    }

    // ---- what the view shows ----

    /** The palette index of a group's colour, or -1 for "other" and groups off the chart. */
    public int colorOf(String group) {
        return colors.of(group);
    }

    /** The estimated share in words, or null when every count came from the upstreams. */
    public static String estimatedNote(UsageSummary summary) {
        if (summary.estimatedRequests() == 0) {
            return null;
        }
        return UsageFormat.count(summary.estimatedRequests())
                + " of "
                + UsageFormat.count(summary.requests())
                + " requests ("
                + UsageFormat.percent(summary.estimatedShare())
                + ") carry estimated tokens (their upstream sent no usage; Signalbox counted about"
                + " 4 characters per token): hatched in the chart, ~ in the table.";
    }

    /** The window in words, e.g. "Nov 21 15:00 to Nov 22 15:00 · 1 bar = 1 hour". */
    public String windowText(UsageWindow window) {
        DateTimeFormatter format =
                DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH)
                        .withZone(clock.getZone());
        return format.format(window.since())
                + " to "
                + format.format(window.until())
                + " · "
                + BucketLabels.describe(window);
    }

    // ---- export ----

    /** Writes the table as CSV; false when there is nothing to write yet. */
    public boolean exportTable(Path file) throws IOException {
        UsageReport current = report.get();
        if (current == null) {
            return false;
        }
        Files.writeString(file, UsageCsv.table(current.rows()), StandardCharsets.UTF_8);
        return true;
    }

    /** Writes the series (every bucket and group with usage) as CSV. */
    public boolean exportSeries(Path file) throws IOException {
        UsageReport current = report.get();
        if (current == null) {
            return false;
        }
        Files.writeString(file, UsageCsv.series(current), StandardCharsets.UTF_8);
        return true;
    }

    /** A file name that says what an export holds, e.g. signalbox-usage-by-route-2026-11-22.csv. */
    public String exportName(boolean series) {
        return "signalbox-usage-"
                + (series ? "series-" : "")
                + "by-"
                + groupBy.get().name().toLowerCase(Locale.ROOT)
                + "-"
                + LocalDate.now(clock)
                + ".csv";
    }

    // ---- properties ----

    public ObjectProperty<UsageRange> rangeProperty() {
        return range;
    }

    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    public ObjectProperty<GroupBy> groupByProperty() {
        return groupBy;
    }

    /** The last report read; null until the first read is back. */
    public ReadOnlyObjectProperty<UsageReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** True from a change of range or grouping until its report is shown. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Why the chosen range cannot be shown or read, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A curl line a new user can paste to send a first request. */
    public ReadOnlyStringProperty firstRequestProperty() {
        return firstRequest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty firstRequestAdviceProperty() {
        return firstRequestAdvice.getReadOnlyProperty();
    }
}
