package io.signalbox.app.requests;

import io.signalbox.app.usage.UsageFormat;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.TokenUsage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a request's columns read in the table and in the trace's facts. */
final class RequestFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    /** Shown where a request has no value: no key needed, no target served. */
    static final String NONE = "–";

    private RequestFormat() {}

    static String time(Instant instant, ZoneId zone) {
        return TIME.withZone(zone).format(instant);
    }

    static String fullTime(Instant instant, ZoneId zone) {
        return FULL.withZone(zone).format(instant);
    }

    static String key(RequestRecord request) {
        return request.accessKeyName().orElse(NONE);
    }

    /** The target that served the request, or a dash when none did. */
    static String target(RequestRecord request) {
        if (request.provider().isEmpty()) {
            return NONE;
        }
        return AttemptTrace.target(request.provider().get(), request.model().orElse("?"));
    }

    /** 812 ms, 4.3 s, 2 min 5 s. */
    static String latency(long millis) {
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ENGLISH, "%.1f s", millis / 1000.0);
        }
        return millis / 60_000 + " min " + (millis % 60_000) / 1000 + " s";
    }

    /** Total tokens, with "~" in front when Signalbox estimated them. */
    static String tokens(RequestRecord request) {
        TokenUsage usage = request.usage();
        return (usage.estimated() ? "~" : "") + UsageFormat.count(usage.totalTokens());
    }

    /** Prompt + completion = total, and where the numbers came from. */
    static String tokenDetail(RequestRecord request) {
        TokenUsage usage = request.usage();
        StringBuilder text =
                new StringBuilder()
                        .append(UsageFormat.count(usage.promptTokens()))
                        .append(" prompt + ")
                        .append(UsageFormat.count(usage.completionTokens()))
                        .append(" completion = ")
                        .append(UsageFormat.count(usage.totalTokens()));
        if (usage.cachedTokens() > 0) {
            text.append(", ").append(UsageFormat.count(usage.cachedTokens())).append(" cached");
        }
        if (usage.reasoningTokens() > 0) {
            text.append(", ")
                    .append(UsageFormat.count(usage.reasoningTokens()))
                    .append(" reasoning");
        }
        text.append(
                usage.estimated()
                        ? " (estimated: the upstream reported no usage)"
                        : " (as the upstream reported)");
        return text.toString();
    }

    /** {@code 2xx}, {@code 4xx} or {@code 5xx}: the status's colour in the table. */
    static String statusClass(int status) {
        return (status / 100) + "xx";
    }
}
