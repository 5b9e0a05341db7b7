package io.signalbox.proxy.access;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Decides who may call the proxy (CONTRACT section 3). Implemented outside this module on top of
 * the stored access keys, which are kept as hashes only.
 */
public interface AccessPolicy {

    /** No key is needed: no access key exists and the proxy listens on loopback only. */
    boolean keysRequired();

    /** The caller a presented key belongs to; empty for an unknown or revoked key. */
    Optional<Caller> authenticate(String presentedKey);

    /**
     * Whether {@link #authenticate} answers for this key from memory. When it would have to read a
     * store, the proxy calls it from a worker thread instead of the network thread.
     */
    default boolean answersFromMemory(String presentedKey) {
        return true;
    }

    /**
     * The tokens each access key used since {@code since}, by key name, as the store has them. The
     * proxy counts tokens in memory as requests finish and reads this only when it starts and when
     * the configuration changes (never per request), so a restart keeps the day's count. It may
     * block.
     */
    default Map<String, Long> tokensUsedSince(Instant since) {
        return Map.of();
    }

    /** Everyone may call every route: for tests and a fresh, loopback-only install. */
    AccessPolicy OPEN =
            new AccessPolicy() {
                @Override
                public boolean keysRequired() {
                    return false;
                }

                @Override
                public Optional<Caller> authenticate(String presentedKey) {
                    return Optional.empty();
                }
            };
}
