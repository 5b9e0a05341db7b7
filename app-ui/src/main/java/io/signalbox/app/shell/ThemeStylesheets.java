package io.signalbox.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Applies a {@link Theme}: AtlantaFX's Primer pair (ADR 0005) as the user agent stylesheet. */
final class ThemeStylesheets {

    private static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    private static final String DARK = new PrimerDark().getUserAgentStylesheet();

    private ThemeStylesheets() {}

    /** For every window of the app: JavaFX keeps one user agent stylesheet per application. */
    static void apply(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? DARK : LIGHT);
    }
}
