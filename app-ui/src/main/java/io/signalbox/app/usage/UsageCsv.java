package io.signalbox.app.usage;

import io.signalbox.persistence.usage.UsagePoint;
import java.util.List;
import java.util.Locale;

/**
 * The two CSV exports (RFC 4180, a header line, CRLF line ends): the table as shown, one line per
 * group; and the series, one line per bucket and group with usage, for pivoting elsewhere. Times
 * are ISO-8601 UTC; fractions are plain decimals (0.025, not 2.5%) so spreadsheets read numbers.
 */
final class UsageCsv {

    static final String TABLE_HEADER =
            "group,requests,errors,error_rate,prompt_tokens,completion_tokens,total_tokens,"
                    + "cached_tokens,reasoning_tokens,estimated_requests,share";
    static final String SERIES_HEADER =
            "bucket_start,group,requests,errors,prompt_tokens,completion_tokens,total_tokens,"
                    + "cached_tokens,reasoning_tokens,estimated_requests";

    private UsageCsv() {}

    static String table(List<GroupRow> rows) {
        StringBuilder csv = new StringBuilder(TABLE_HEADER).append("\r\n");
        for (GroupRow row : rows) {
            csv.append(cell(row.label()))
                    .append(',')
                    .append(row.requests())
                    .append(',')
                    .append(row.errors())
                    .append(',')
                    .append(fraction(row.errorRate()))
                    .append(',')
                    .append(row.promptTokens())
                    .append(',')
                    .append(row.completionTokens())
                    .append(',')
                    .append(row.totalTokens())
                    .append(',')
                    .append(row.cachedTokens())
                    .append(',')
                    .append(row.reasoningTokens())
                    .append(',')
                    .append(row.estimatedRequests())
                    .append(',')
                    .append(fraction(row.share()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String series(UsageReport report) {
        StringBuilder csv = new StringBuilder(SERIES_HEADER).append("\r\n");
        for (UsagePoint point : report.points()) {
            csv.append(point.bucketStart())
                    .append(',')
                    .append(cell(GroupRow.label(report.groupBy(), point.group())))
                    .append(',')
                    .append(point.requests())
                    .append(',')
                    .append(point.errors())
                    .append(',')
                    .append(point.promptTokens())
                    .append(',')
                    .append(point.completionTokens())
                    .append(',')
                    .append(point.totalTokens())
                    .append(',')
                    .append(point.cachedTokens())
                    .append(',')
                    .append(point.reasoningTokens())
                    .append(',')
                    .append(point.estimatedRequests())
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * A text cell. Route names come from clients (the model a glob route accepted), so a name that
     * a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice on CSV
     * injection); quotes, commas and line breaks are quoted as RFC 4180 says.
     */
    static String cell(String text) {
        String safe = text;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",")
                || safe.contains("\"")
                || safe.contains("\n")
                || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
