package io.signalbox.app.shell;

import java.util.Locale;

/**
 * Turns samples of the proxy's finished-request count into requests per second over the time
 * between two samples (about a second, but a busy UI thread may sample late).
 */
final class RequestRate {

    private long lastCount = -1;
    private long lastNanos;

    /** The rate since the previous sample; 0 for the first one. */
    double sample(long count, long nanos) {
        double rate = 0;
        if (lastCount >= 0 && nanos > lastNanos) {
            rate = Math.max(0, count - lastCount) / ((nanos - lastNanos) / 1e9);
        }
        lastCount = count;
        lastNanos = nanos;
        return rate;
    }

    /** "0 req/s", "2.5 req/s", "140 req/s": a decimal only where it still means something. */
    static String format(double rate) {
        if (rate == 0) {
            return "0 req/s";
        }
        if (rate < 10) {
            return String.format(Locale.ROOT, "%.1f req/s", rate);
        }
        return String.format(Locale.ROOT, "%.0f req/s", rate);
    }
}
