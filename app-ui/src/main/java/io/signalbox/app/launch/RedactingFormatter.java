package io.signalbox.app.launch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * One line per record, with anything shaped like a credential masked: bearer tokens, {@code sk-...}
 * keys and {@code key=value} pairs whose name says key, token, secret or password. This is the last
 * line of defence; code should not log secrets in the first place.
 */
public final class RedactingFormatter extends Formatter {

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    private static final Pattern SK_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_\\-]{6,}");
    private static final Pattern NAMED_SECRET =
            Pattern.compile(
                    "(?i)((?:api[_-]?key|token|secret|password|authorization)[\"']?\\s*[:=]\\s*[\"']?)"
                            + "(?:bearer\\s+)?[^\\s\"',;&}]+");

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = NAMED_SECRET.matcher(text).replaceAll("$1[redacted]");
        masked = BEARER.matcher(masked).replaceAll("$1[redacted]");
        return SK_KEY.matcher(masked).replaceAll("sk-[redacted]");
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder();
        line.append(Instant.ofEpochMilli(record.getMillis()))
                .append(' ')
                .append(record.getLevel().getName())
                .append(' ')
                .append(record.getLoggerName())
                .append(": ")
                .append(redact(formatMessage(record)))
                .append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(redact(trace.toString()));
        }
        return line.toString();
    }
}
