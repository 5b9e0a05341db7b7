package io.signalbox.app.usage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which palette colour each group wears, the same in the chart, the share bars and the table. A
 * group keeps its colour while it stays on the chart, even when the ranking changes under live
 * updates, so colours do not jump between groups as requests arrive.
 */
final class GroupColors {

    /** The colour of the {@link UsageFrame#OTHER} layer and of groups without a layer. */
    static final int OTHER = -1;

    private final int palette;
    private final Map<String, Integer> colors = new HashMap<>();

    GroupColors(int palette) {
        this.palette = palette;
    }

    /**
     * Gives each of {@code shown} a colour: its previous one when no other shown group holds it,
     * else the first free one. Groups no longer shown give theirs up.
     */
    void assign(List<String> shown) {
        Map<String, Integer> next = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (String group : shown) {
            Integer previous = colors.get(group);
            if (previous != null && taken.add(previous)) {
                next.put(group, previous);
            }
        }
        for (String group : shown) {
            if (!next.containsKey(group) && !group.equals(UsageFrame.OTHER)) {
                int free = 0;
                while (taken.contains(free) && free < palette) {
                    free++;
                }
                int color = free < palette ? free : Math.floorMod(group.hashCode(), palette);
                taken.add(color);
                next.put(group, color);
            }
        }
        next.remove(UsageFrame.OTHER);
        colors.clear();
        colors.putAll(next);
    }

    /** The group's colour index, or {@link #OTHER}. */
    int of(String group) {
        return colors.getOrDefault(group, OTHER);
    }

    void clear() {
        colors.clear();
    }
}
