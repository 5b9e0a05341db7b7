package io.signalbox.app.desktop;

/** What closing the main window does. */
public enum CloseAction {
    /** Hide the window; the proxy keeps serving and the tray icon brings the window back. */
    HIDE_TO_TRAY,
    /** Stop the proxy and quit, as a window without a tray must. */
    QUIT;

    /** The setting that asks for {@link #HIDE_TO_TRAY}; "true" or "false" (the default). */
    public static final String SETTING = "window.closeToTray";

    /**
     * Hiding needs a tray to come back from; without one the window's close quits whatever the
     * setting says, or the app would run on with no way to reach it but a second launch.
     */
    public static CloseAction choose(boolean keepInTray, boolean trayShown) {
        return keepInTray && trayShown ? HIDE_TO_TRAY : QUIT;
    }
}
