package io.signalbox.app.shell;

import java.util.Locale;
import java.util.Optional;

/** The app's two looks (ADR 0005), and how the choice is kept in the settings. */
public enum Theme {
    LIGHT,
    DARK;

    /** The settings key under which the choice is kept. */
    public static final String SETTING = "ui.theme";

    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The saved choice; light when none was saved or the value is unknown. */
    public static Theme fromSetting(Optional<String> value) {
        return value.filter("dark"::equals).map(dark -> DARK).orElse(LIGHT);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
