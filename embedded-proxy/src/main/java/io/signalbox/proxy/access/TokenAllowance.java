package io.signalbox.proxy.access;

import java.time.Instant;

/**
 * Where a caller stands against its daily token limit when a request starts.
 *
 * @param used the tokens the key used today before this request
 * @param limit the key's daily limit; 0 when it has none
 * @param resetsAt when the day ends and the count starts again from zero
 */
public record TokenAllowance(State state, long used, long limit, Instant resetsAt) {

    /** How close the key is to its limit. */
    public enum State {
        /** No limit, or no key. */
        UNLIMITED,
        /** Below {@link KeyTokensToday#WARNING_PERCENT} of the limit. */
        WITHIN,
        /** At or above the warning share, below the limit: served, with a warning. */
        WARNING,
        /** At or above the limit: refused until the day ends. */
        EXHAUSTED
    }

    /** Tokens left today; 0 once the limit is reached. */
    public long remaining() {
        return Math.max(0, limit - used);
    }
}
