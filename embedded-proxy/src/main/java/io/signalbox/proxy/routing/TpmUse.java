package io.signalbox.proxy.routing;

/**
 * One limited model's use of its tokens-per-minute limit at one instant.
 *
 * @param limit the smallest {@code tpmLimit} configured for the model, over every route
 * @param used the tokens sent to it in the last 60 seconds
 */
public record TpmUse(long limit, long used) {

    public boolean atLimit() {
        return used >= limit;
    }
}
