package io.signalbox.proxy.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens each access key used today, counted in memory as requests finish, so that a daily
 * token limit costs a request no store read. Seeded from the store when the proxy starts and when
 * the configuration changes ({@link #seed}), so a restart keeps the day's count.
 *
 * <p>The day is the local day in the zone of the clock given (the desktop app passes the machine's
 * zone): a limit resets at local midnight, the way the person who set it reads "per day". A request
 * counts toward the day it started in, as the request log sums it. The limit is checked when a
 * request starts: a request in flight when the key crosses it finishes, so a day's total may end a
 * little above the limit.
 */
public final class KeyTokensToday {

    /**
     * From this share of its limit on, a key's answers carry a warning and the log says so once.
     */
    public static final int WARNING_PERCENT = 80;

    private static final Logger LOG = LoggerFactory.getLogger(KeyTokensToday.class);

    /** One day's counts; replaced whole when the day rolls over. */
    private record Day(
            LocalDate date, Map<String, AtomicLong> used, Set<String> warned, Set<String> refused) {

        static Day of(LocalDate date) {
            return new Day(
                    date,
                    new ConcurrentHashMap<>(),
                    ConcurrentHashMap.newKeySet(),
                    ConcurrentHashMap.newKeySet());
        }
    }

    private final Clock clock;
    private final ZoneId zone;
    private final AtomicReference<Day> day;

    /**
     * @param clock gives the time and, through its zone, where days begin
     */
    public KeyTokensToday(Clock clock) {
        this.clock = clock;
        this.zone = clock.getZone();
        this.day = new AtomicReference<>(Day.of(LocalDate.ofInstant(clock.instant(), zone)));
    }

    /**
     * The tokens from which a key with {@code limit} is warned: {@value #WARNING_PERCENT}% of it,
     * rounded up, computed without overflow whatever the limit.
     */
    public static long warningThreshold(long limit) {
        int spare = 100 - WARNING_PERCENT;
        return limit - (limit / 100 * spare + limit % 100 * spare / 100);
    }

    /** The start of the day {@code now} is in: the {@code since} of a seed. */
    public Instant startOfDay(Instant now) {
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    /** When the day {@code now} is in ends (daylight saving time included). */
    public Instant endOfDay(Instant now) {
        return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * Takes the store's counts of the day {@code readAt} is in. A key keeps the larger of its count
     * here and the store's: requests counted here may not be written yet, and the store may hold
     * requests this proxy has not seen (an earlier run of the same day).
     */
    public void seed(Map<String, Long> storedTokens, Instant readAt) {
        Day current = dayOf(LocalDate.ofInstant(readAt, zone));
        if (current == null) {
            return; // read before midnight, applied after it: yesterday's counts no longer matter
        }
        storedTokens.forEach(
                (key, tokens) ->
                        current.used()
                                .computeIfAbsent(key, unused -> new AtomicLong())
                                .accumulateAndGet(tokens, Math::max));
    }

    /** Counts the tokens of a finished request of {@code key} that started at {@code startedAt}. */
    public void add(String key, Instant startedAt, long tokens) {
        if (tokens <= 0) {
            return;
        }
        Day target = dayOf(LocalDate.ofInstant(startedAt, zone));
        if (target != null) {
            target.used().computeIfAbsent(key, unused -> new AtomicLong()).addAndGet(tokens);
        }
    }

    /** The tokens {@code key} used today so far. */
    public long usedToday(String key) {
        Day today = dayOf(LocalDate.ofInstant(clock.instant(), zone));
        AtomicLong used = today == null ? null : today.used().get(key);
        return used == null ? 0 : used.get();
    }

    /** Every key's tokens today, by name. */
    public Map<String, Long> snapshot() {
        Day today = dayOf(LocalDate.ofInstant(clock.instant(), zone));
        Map<String, Long> copy = new HashMap<>();
        if (today != null) {
            today.used().forEach((key, used) -> copy.put(key, used.get()));
        }
        return copy;
    }

    /**
     * Where {@code caller} stands at {@code now}, before its request is served. Logs the first
     * warning and the first refusal of each key each day.
     */
    public TokenAllowance allowance(Caller caller, Instant now) {
        Instant resetsAt = endOfDay(now);
        if (caller.keyName().isEmpty() || caller.dailyTokenLimit().isEmpty()) {
            return new TokenAllowance(TokenAllowance.State.UNLIMITED, 0, 0, resetsAt);
        }
        String key = caller.keyName().get();
        long limit = caller.dailyTokenLimit().getAsLong();
        Day today = dayOf(LocalDate.ofInstant(now, zone));
        AtomicLong counted = today == null ? null : today.used().get(key);
        long used = counted == null ? 0 : counted.get();
        if (used >= limit) {
            if (today != null && today.refused().add(key)) {
                LOG.warn(
                        "Access key {} reached its daily limit of {} tokens ({} used today);"
                                + " its requests are refused until {}",
                        key,
                        limit,
                        used,
                        resetsAt.atZone(zone).toLocalDateTime());
            }
            return new TokenAllowance(TokenAllowance.State.EXHAUSTED, used, limit, resetsAt);
        }
        if (used >= warningThreshold(limit)) {
            if (today != null && today.warned().add(key)) {
                LOG.warn(
                        "Access key {} has used {}% of its daily limit ({} of {} tokens)",
                        key, (long) Math.floor(100.0 * used / limit), used, limit);
            }
            return new TokenAllowance(TokenAllowance.State.WARNING, used, limit, resetsAt);
        }
        return new TokenAllowance(TokenAllowance.State.WITHIN, used, limit, resetsAt);
    }

    /**
     * The counts of {@code date}: today's, a fresh day when {@code date} is later (the day rolled
     * over), or null for an earlier day, which no longer counts.
     */
    private Day dayOf(LocalDate date) {
        while (true) {
            Day current = day.get();
            if (current.date().equals(date)) {
                return current;
            }
            if (date.isBefore(current.date())) {
                return null;
            }
            Day next = Day.of(date);
            if (day.compareAndSet(current, next)) {
                return next;
            }
        }
    }
}
