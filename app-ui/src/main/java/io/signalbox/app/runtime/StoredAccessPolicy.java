package io.signalbox.app.runtime;

import io.signalbox.persistence.AccessKeyRepository;
import io.signalbox.persistence.AccessKeys;
import io.signalbox.persistence.StoredAccessKey;
import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.UsageQueries;
import io.signalbox.persistence.usage.UsageTotal;
import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.access.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proxy's access rules on top of the stored access keys (hashes only). Known keys are cached by
 * hash so a request costs no database read; {@link #refresh()} after every configuration change
 * makes a revocation take effect on the next request. Unknown keys are not cached, so random
 * guesses cannot fill memory. Today's tokens per key, which the proxy's daily token limits start
 * from, come from the request log's usage totals.
 */
public final class StoredAccessPolicy implements AccessPolicy {

    private final AccessKeyRepository keys;
    private final UsageQueries usage;
    private final Clock clock;
    private volatile boolean loopbackBind;
    private final Map<String, Caller> knownByHash = new ConcurrentHashMap<>();
    private volatile long keyCount;

    public StoredAccessPolicy(
            AccessKeyRepository keys, UsageQueries usage, Clock clock, boolean loopbackBind) {
        this.keys = keys;
        this.usage = usage;
        this.clock = clock;
        this.loopbackBind = loopbackBind;
        refresh();
    }

    /** The proxy moved to another bind address (a restart from the Settings screen). */
    public void bindChanged(boolean loopback) {
        this.loopbackBind = loopback;
    }

    /** Forgets cached keys and counts again; call after the stored keys changed. */
    public void refresh() {
        knownByHash.clear();
        keyCount = keys.count();
    }

    @Override
    public boolean keysRequired() {
        return !loopbackBind || keyCount > 0;
    }

    @Override
    public boolean answersFromMemory(String presentedKey) {
        return keyCount == 0 || knownByHash.containsKey(AccessKeys.hash(presentedKey));
    }

    @Override
    public Optional<Caller> authenticate(String presentedKey) {
        if (keyCount == 0) {
            // No key exists, so no presented key (often a client's placeholder) can match one.
            return Optional.empty();
        }
        String hash = AccessKeys.hash(presentedKey);
        Caller cached = knownByHash.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Caller> caller = keys.findByKey(presentedKey).map(StoredAccessPolicy::caller);
        caller.ifPresent(found -> knownByHash.put(hash, found));
        return caller;
    }

    private static Caller caller(StoredAccessKey key) {
        return new Caller(
                Optional.of(key.name()),
                key.allowsAllRoutes() ? Set.of() : Set.copyOf(key.routes()),
                key.dailyTokenLimit(),
                Set.copyOf(key.routers()));
    }

    @Override
    public Map<String, Long> tokensUsedSince(Instant since) {
        Instant now = clock.instant();
        Map<String, Long> tokens = new HashMap<>();
        if (!since.isBefore(now)) {
            return tokens;
        }
        for (UsageTotal total : usage.totals(since, now.plusMillis(1), GroupBy.KEY)) {
            // "" holds the requests made without a key; no key has that name.
            if (!total.group().isEmpty()) {
                tokens.put(total.group(), total.totalTokens());
            }
        }
        return tokens;
    }
}
