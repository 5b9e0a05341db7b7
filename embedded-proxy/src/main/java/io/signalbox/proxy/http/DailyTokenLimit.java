package io.signalbox.proxy.http;

import io.signalbox.proxy.access.TokenAllowance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/** What a caller near or over its access key's daily token limit is told. */
final class DailyTokenLimit {

    private DailyTokenLimit() {}

    /** Near the limit: the answer says how many tokens are left, and is served as usual. */
    static void warn(HttpFields.Mutable headers, TokenAllowance allowance) {
        headers.put(ResponseHeaders.KEY_TOKENS_REMAINING, String.valueOf(allowance.remaining()));
    }

    /**
     * Over the limit: a 429 at once, no upstream called, with {@code Retry-After} until the day
     * ends. The request is still logged (it names its route), so the owner sees refused calls.
     */
    static ForwardResult refuse(
            Exchange exchange, TokenAllowance allowance, ClientChannel client, Instant now) {
        long seconds =
                Math.max(1, (Duration.between(now, allowance.resetsAt()).toMillis() + 999) / 1000);
        ResponseHeaders.unserved(client.headers(), exchange, 0);
        client.headers().put(HttpHeader.RETRY_AFTER, String.valueOf(seconds));
        client.headers().put(ResponseHeaders.KEY_TOKENS_REMAINING, "0");
        String message =
                String.format(
                        Locale.ROOT,
                        "The access key '%s' has used its daily limit of %,d tokens (%,d used"
                                + " today). Requests with it are refused until the day ends, in %s"
                                + " (see Retry-After); the owner of this Signalbox can raise the"
                                + " limit.",
                        exchange.caller().keyName().orElse(""),
                        allowance.limit(),
                        allowance.used(),
                        readable(seconds));
        OpenAiErrors.finish(
                client, 429, message, "insufficient_quota", "daily_token_limit_reached");
        return ForwardResult.failed(429, List.of(), message);
    }

    /** "5 h 12 min", "12 min", "40 s". */
    static String readable(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : seconds + " s";
    }
}
