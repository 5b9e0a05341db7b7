package io.signalbox.app.access;

import io.signalbox.proxy.access.KeyTokensToday;
import java.util.List;
import java.util.OptionalLong;

/**
 * One access key in the list, with what the store knows of it today.
 *
 * @param prefix the key's first characters, to tell keys apart
 * @param routes the routes it may call; empty means every route
 * @param created the day it was created, as shown ("2026-11-22")
 * @param lastUsed when a request last used it, as shown ("5 min ago", "never")
 * @param tokensToday total tokens of its requests since local midnight
 * @param dailyTokenLimit the most tokens it may use per day, if limited
 */
public record KeyRow(
        String name,
        String prefix,
        List<String> routes,
        String created,
        String lastUsed,
        long requestsToday,
        long tokensToday,
        OptionalLong dailyTokenLimit) {

    /** Where a key stands against its daily token limit, as the proxy judges it. */
    public enum LimitState {
        NONE,
        OK,
        WARNING,
        REACHED
    }

    public KeyRow {
        routes = List.copyOf(routes);
    }

    public LimitState limitState() {
        if (dailyTokenLimit.isEmpty()) {
            return LimitState.NONE;
        }
        long limit = dailyTokenLimit.getAsLong();
        if (tokensToday >= limit) {
            return LimitState.REACHED;
        }
        return tokensToday >= KeyTokensToday.warningThreshold(limit)
                ? LimitState.WARNING
                : LimitState.OK;
    }

    /** The share of the limit used today, from 0 to 1; 0 without a limit. */
    public double limitShare() {
        return dailyTokenLimit.isEmpty()
                ? 0
                : Math.min(1.0, (double) tokensToday / dailyTokenLimit.getAsLong());
    }

    /** "every route" or "chat, code". */
    public String routesText() {
        return routes.isEmpty() ? "every route" : String.join(", ", routes);
    }

    /** "1,234 of 5,000" with a limit, "1,234" without. */
    public String tokensText() {
        return dailyTokenLimit.isEmpty()
                ? Numbers.grouped(tokensToday)
                : Numbers.grouped(tokensToday)
                        + " of "
                        + Numbers.grouped(dailyTokenLimit.getAsLong());
    }
}
