package io.signalbox.app.common;

import java.util.Set;
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
    public static final String REQUEST_RATE = "mdi2s-speedometer";
    public static final String ADD = "mdi2p-plus";
    public static final String REMOVE = "mdi2d-delete-outline";
    public static final String SAVE = "mdi2c-content-save-outline";
    public static final String REVERT = "mdi2u-undo-variant";
    public static final String DISCOVER = "mdi2r-refresh";
    public static final String CANCEL = "mdi2c-close";
    public static final String TEST = "mdi2p-play-circle-outline";
    public static final String CREATE_ROUTE = "mdi2s-source-branch-plus";
    public static final String REVEAL = "mdi2e-eye-outline";
    public static final String CONCEAL = "mdi2e-eye-off-outline";
    public static final String SEARCH = "mdi2m-magnify";
    public static final String SELECT_ALL = "mdi2c-check-all";
    public static final String SELECT_NONE = "mdi2c-checkbox-blank-outline";
    public static final String LOCAL_SERVER = "mdi2l-laptop";
    public static final String CLOUD = "mdi2c-cloud-outline";
    public static final String WARNING = "mdi2a-alert-circle-outline";

    private Icons() {}

    /** The sizes app.css has a style class for. */
    private static final Set<Integer> SIZES = Set.of(14, 16, 18, 20, 22, 36, 40, 48);

    /**
     * The icon at {@code size} logical pixels (one of 14, 16, 18, 20, 22, 36, 40, 48). AtlantaFX's
     * stylesheet gives every icon 18px and wins over a size set in code, and Ikonli keeps its own
     * inline style, so the size comes from a style class of app.css ({@code icon-16}).
     */
    public static FontIcon icon(String literal, int size) {
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("No icon size class for " + size + " in app.css");
        }
        FontIcon icon = new FontIcon(literal);
        icon.setIconSize(size);
        icon.getStyleClass().add("icon-" + size);
        return icon;
    }
}
