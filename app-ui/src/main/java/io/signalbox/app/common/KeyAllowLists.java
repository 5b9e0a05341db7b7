package io.signalbox.app.common;

import io.signalbox.persistence.config.AccessKeyConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Takes a deleted route's or router's name out of the access keys' allow-lists. An empty list means
 * "all of them", so a key whose list would become empty is refused instead of silently widened.
 */
public final class KeyAllowLists {

    private KeyAllowLists() {}

    /**
     * The keys with {@code name} taken out of the list {@code allowList} reads.
     *
     * @param kind what the name is ("route", "router"), for the message
     * @param widened what an emptied key could call, for the message
     * @throws IllegalStateException naming the key, when {@code name} is the only entry of its list
     */
    public static List<AccessKeyConfig> without(
            List<AccessKeyConfig> keys,
            String name,
            Function<AccessKeyConfig, List<String>> allowList,
            BiFunction<AccessKeyConfig, List<String>, AccessKeyConfig> withAllowList,
            String kind,
            String widened) {
        List<AccessKeyConfig> result = new ArrayList<>();
        for (AccessKeyConfig key : keys) {
            List<String> allowed = allowList.apply(key);
            if (!allowed.contains(name)) {
                result.add(key);
                continue;
            }
            List<String> rest = allowed.stream().filter(n -> !n.equals(name)).toList();
            if (rest.isEmpty()) {
                throw new IllegalStateException(
                        "The access key '"
                                + key.name()
                                + "' may call only this "
                                + kind
                                + "; give it another "
                                + kind
                                + " first, or deleting this one would let it call "
                                + widened
                                + ".");
            }
            result.add(withAllowList.apply(key, rest));
        }
        return result;
    }
}
