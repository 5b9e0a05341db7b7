package io.signalbox.app.access;

import java.util.Locale;
import java.util.OptionalLong;

/** Token counts as people read and type them: "200,000", and "200 000" or "200_000" back. */
final class Numbers {

    private Numbers() {}

    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * A positive whole number typed with or without grouping (commas, spaces, underscores, dots
     * between groups of three), or empty when the text is not one.
     */
    static OptionalLong parsePositive(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String digits = text.strip().replaceAll("(?<=\\d)[,_ .\\u00a0\\u202f](?=\\d{3})", "");
        if (!digits.matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(digits);
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
