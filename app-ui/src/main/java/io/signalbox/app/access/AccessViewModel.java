package io.signalbox.app.access;

import io.signalbox.persistence.AccessKeys;
import io.signalbox.persistence.StoredAccessKey;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.usage.UsageTotal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The access key list: one row per key with its use today, the notices of keys near or at their
 * daily token limit, a new key's value (shown once), and revoking with a confirmation. Call its
 * methods on the FX thread, except {@link #readStats()}, which reads the store and may run on any.
 */
public final class AccessViewModel {

    /** What the store says about the keys at one moment: read off the FX thread, shown on it. */
    public record Stats(
            List<StoredAccessKey> keys, Map<String, UsageTotal> usageToday, Instant readAt) {

        public static final Stats NONE = new Stats(List.of(), Map.of(), Instant.EPOCH);

        public Stats {
            keys = List.copyOf(keys);
            usageToday = Map.copyOf(usageToday);
        }
    }

    private final AccessStore store;
    private final Clock clock;
    private final boolean networkBind;
    private final When when;
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final ObservableList<String> limitNotices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper createdKey = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper createdKeyName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper revokeCandidate = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper revokeQuestion = new ReadOnlyStringWrapper();
    private final Map<String, String> newPrefixes = new HashMap<>();
    private SignalboxConfig config = SignalboxConfig.empty();
    private Stats stats = Stats.NONE;

    /**
     * @param clock the time and the zone whose midnight starts "today", as the proxy's limits do
     * @param networkBind the proxy listens beyond this machine, so it needs at least one key
     */
    public AccessViewModel(AccessStore store, Clock clock, boolean networkBind) {
        this.store = store;
        this.clock = clock;
        this.networkBind = networkBind;
        this.when = new When(clock);
    }

    /** Reads the configuration and the stats now (blocking; tests and the first showing). */
    public void reload() {
        config = store.current();
        showStats(readStats());
    }

    /** The configuration changed here or elsewhere. */
    public void configChanged(SignalboxConfig changed) {
        config = changed;
        rebuild();
    }

    /** Reads the stored keys and today's usage per key; may block, call it off the FX thread. */
    public Stats readStats() {
        Instant now = clock.instant();
        Instant midnight =
                LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone()).toInstant();
        Map<String, UsageTotal> usage = new HashMap<>();
        // One millisecond past now, so a request that started this very millisecond counts.
        for (UsageTotal total : store.usageByKey(midnight, now.plusMillis(1))) {
            usage.put(total.group(), total);
        }
        return new Stats(store.storedKeys(), usage, now);
    }

    public void showStats(Stats next) {
        stats = next;
        rebuild();
    }

    private void rebuild() {
        Map<String, StoredAccessKey> stored = new HashMap<>();
        stats.keys().forEach(key -> stored.put(key.name(), key));
        List<KeyRow> rows = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (AccessKeyConfig key : config.accessKeys()) {
            StoredAccessKey known = stored.get(key.name());
            UsageTotal usage = stats.usageToday().get(key.name());
            KeyRow row =
                    new KeyRow(
                            key.name(),
                            known != null
                                    ? known.prefix()
                                    : newPrefixes.getOrDefault(key.name(), ""),
                            key.routes(),
                            known == null ? "" : when.date(known.createdAt()),
                            known == null ? "" : when.ago(known.lastUsedAt()),
                            usage == null ? 0 : usage.requests(),
                            usage == null ? 0 : usage.totalTokens(),
                            key.dailyTokenLimit());
            rows.add(row);
            limitNotice(row).ifPresent(notices::add);
        }
        if (sameNames(rows)) {
            // Row by row, so the table keeps its selection and scroll through a stats refresh.
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).equals(keys.get(i))) {
                    keys.set(i, rows.get(i));
                }
            }
        } else {
            keys.setAll(rows);
        }
        if (!notices.equals(limitNotices)) {
            limitNotices.setAll(notices);
        }
    }

    private boolean sameNames(List<KeyRow> rows) {
        if (rows.size() != keys.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).name().equals(keys.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> limitNotice(KeyRow row) {
        return switch (row.limitState()) {
            case REACHED ->
                    Optional.of(
                            "'%s' reached its daily limit (%s tokens): its requests get 429 until midnight."
                                    .formatted(row.name(), row.tokensText()));
            case WARNING ->
                    Optional.of(
                            "'%s' has used %d%% of its daily token limit (%s)."
                                    .formatted(
                                            row.name(),
                                            (long) Math.floor(row.limitShare() * 100),
                                            row.tokensText()));
            default -> Optional.empty();
        };
    }

    /**
     * A key was saved in the editor. A new key's value is kept to be shown once, until {@link
     * #dismissCreatedKey()}; only its display prefix stays afterwards.
     */
    public void keySaved(KeyEditorViewModel.Saved saved) {
        config = store.current();
        message.set(null);
        saved.newKey()
                .ifPresentOrElse(
                        key -> {
                            newPrefixes.put(saved.name(), AccessKeys.displayPrefix(key));
                            createdKeyName.set(saved.name());
                            createdKey.set(key);
                            notice.set(null);
                        },
                        () -> notice.set("Saved the access key '" + saved.name() + "'."));
        rebuild();
    }

    /** Forgets a new key's value: it cannot be shown again. */
    public void dismissCreatedKey() {
        createdKey.set(null);
        createdKeyName.set(null);
    }

    /** Asks for a confirmation before revoking {@code name}. */
    public void askRevoke(String name) {
        if (name == null) {
            return;
        }
        boolean last = config.accessKeys().size() == 1;
        revokeCandidate.set(name);
        revokeQuestion.set(
                "Revoke '"
                        + name
                        + "'? Programs using it get 401 from their next request. A revoked key"
                        + " cannot be restored; you can create a new one."
                        + (last ? lastKeyWarning() : ""));
    }

    /** Without keys the proxy's access rules change (CONTRACT section 3): say how. */
    private String lastKeyWarning() {
        return networkBind
                ? " It is the last key while Signalbox listens on the network: nobody can call"
                        + " it until you create another, and it will not start on that address"
                        + " without one."
                : " It is the last key: without keys, any program on this machine may call the"
                        + " proxy without one again.";
    }

    public void cancelRevoke() {
        revokeCandidate.set(null);
        revokeQuestion.set(null);
    }

    /** Revokes the key asked about; the proxy refuses it from the next request. */
    public boolean confirmRevoke() {
        String name = revokeCandidate.get();
        cancelRevoke();
        if (name == null) {
            return false;
        }
        // The stored configuration, not the one shown: a change from elsewhere must survive.
        config = store.current();
        List<AccessKeyConfig> rest =
                config.accessKeys().stream().filter(key -> !key.name().equals(name)).toList();
        if (rest.size() == config.accessKeys().size()) {
            message.set("The key '" + name + "' is already gone.");
            rebuild();
            return false;
        }
        try {
            config =
                    store.replace(
                            new SignalboxConfig(
                                    config.providers(), config.routes(), rest, config.routers()));
        } catch (InvalidConfigException e) {
            message.set("The key '" + name + "' was not revoked: " + e.getMessage());
            return false;
        }
        if (name.equals(createdKeyName.get())) {
            dismissCreatedKey();
        }
        message.set(null);
        notice.set("Revoked '" + name + "': its next request gets 401.");
        rebuild();
        return true;
    }

    public void clearNotice() {
        notice.set(null);
    }

    public ObservableList<KeyRow> keys() {
        return keys;
    }

    /** One line per key at 80% or more of its daily token limit. */
    public ObservableList<String> limitNotices() {
        return limitNotices;
    }

    /** The last command's failure, or null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What the last command did, or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** A new key's value while it is shown, else null. */
    public ReadOnlyStringProperty createdKeyProperty() {
        return createdKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdKeyNameProperty() {
        return createdKeyName.getReadOnlyProperty();
    }

    /** The key waiting for a revoke confirmation, or null. */
    public ReadOnlyStringProperty revokeCandidateProperty() {
        return revokeCandidate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty revokeQuestionProperty() {
        return revokeQuestion.getReadOnlyProperty();
    }
}
