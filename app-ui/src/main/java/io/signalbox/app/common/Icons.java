package io.signalbox.app.common;

import org.kordamp.ikonli.javafx.FontIcon;

/** Every icon the app shows, by meaning, from Material Design Icons 2 through Ikonli. */
public final class Icons {

    public static final String ROUTES = "mdi2s-source-branch";
    public static final String PROVIDERS = "mdi2s-server-network";
    public static final String ACCESS = "mdi2k-key-variant";
    public static final String USAGE = "mdi2c-chart-areaspline";
    public static final String REQUESTS = "mdi2f-format-list-bulleted";
    public static final String SETTINGS = "mdi2c-cog-outline";
    public static final String COPY = "mdi2c-content-copy";
    public static final String LOGO = "mdi2s-swap-horizontal-bold";

    private Icons() {}

    public static FontIcon icon(String literal, int size) {
        FontIcon icon = new FontIcon(literal);
        icon.setIconSize(size);
        return icon;
    }
}
