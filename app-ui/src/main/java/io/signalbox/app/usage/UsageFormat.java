package io.signalbox.app.usage;

import java.util.Locale;

/** How numbers read on the usage and request screens. */
public final class UsageFormat {

    private UsageFormat() {}

    /** A count in full, with thousands separators: 12,345. */
    public static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** A fraction as a percentage with one decimal: 0.025 is 2.5%. */
    public static String percent(double fraction) {
        return String.format(Locale.ENGLISH, "%.1f%%", fraction * 100);
    }

    /** A count short enough for an axis: 950, 12.3k, 4.5M, 1.2B. */
    public static String compact(double value) {
        double magnitude = Math.abs(value);
        if (magnitude < 1_000) {
            return value == Math.rint(value)
                    ? String.valueOf((long) value)
                    : String.format(Locale.ENGLISH, "%.1f", value);
        }
        String[] units = {"k", "M", "B", "T"};
        double scaled = value;
        int unit = -1;
        while (Math.abs(scaled) >= 1_000 && unit < units.length - 1) {
            scaled /= 1_000;
            unit++;
        }
        String number =
                Math.abs(scaled) >= 100 || scaled == Math.rint(scaled)
                        ? String.valueOf(Math.round(scaled))
                        : String.format(Locale.ENGLISH, "%.1f", scaled);
        return number + units[unit];
    }
}
