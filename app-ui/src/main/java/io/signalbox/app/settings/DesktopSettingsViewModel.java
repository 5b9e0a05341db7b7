package io.signalbox.app.settings;

import io.signalbox.app.desktop.CloseAction;
import io.signalbox.app.desktop.LoginItem;
import io.signalbox.persistence.SettingsRepository;
import java.io.IOException;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The Settings screen's desktop section: whether closing the window keeps the proxy running in the
 * tray (saved in the store), and whether Signalbox starts at login (the platform's own entry is the
 * truth, so it is read from there, never remembered apart).
 */
public final class DesktopSettingsViewModel {

    static final String NO_TRAY =
            "This desktop shows no tray icons, so closing the window quits Signalbox.";
    static final String NO_LAUNCHER =
            "Start at login needs the installed app or ./signalbox (the command to start is"
                    + " unknown).";

    private final Optional<LoginItem> loginItem;
    private final boolean trayAvailable;
    private final BooleanProperty keepInTray = new SimpleBooleanProperty();
    private final BooleanProperty startAtLogin = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper loginError = new ReadOnlyStringWrapper("");
    private boolean reverting;

    /**
     * @param loginItem empty when the command that would start Signalbox is unknown
     * @param trayAvailable whether this desktop has a tray to keep the proxy in
     */
    public DesktopSettingsViewModel(
            SettingsRepository settings, Optional<LoginItem> loginItem, boolean trayAvailable) {
        this.loginItem = loginItem;
        this.trayAvailable = trayAvailable;
        keepInTray.set(settings.get(CloseAction.SETTING).orElse("false").equals("true"));
        keepInTray.addListener(
                (obs, old, on) -> settings.put(CloseAction.SETTING, Boolean.toString(on)));
        loginItem.ifPresent(
                item -> {
                    try {
                        startAtLogin.set(item.isEnabled());
                    } catch (IOException e) {
                        loginError.set("Could not read " + item.location() + ": " + e.getMessage());
                    }
                });
        startAtLogin.addListener((obs, old, on) -> applyStartAtLogin(on));
    }

    private void applyStartAtLogin(boolean on) {
        if (reverting || loginItem.isEmpty()) {
            return;
        }
        LoginItem item = loginItem.get();
        loginError.set("");
        try {
            if (on) {
                item.enable();
            } else {
                item.disable();
            }
        } catch (IOException | RuntimeException e) {
            loginError.set(
                    "Could not "
                            + (on ? "write " : "remove ")
                            + item.location()
                            + ": "
                            + e.getMessage());
            reverting = true;
            try {
                startAtLogin.set(!on);
            } finally {
                reverting = false;
            }
        }
    }

    public BooleanProperty keepInTrayProperty() {
        return keepInTray;
    }

    public boolean trayAvailable() {
        return trayAvailable;
    }

    public BooleanProperty startAtLoginProperty() {
        return startAtLogin;
    }

    public boolean loginAvailable() {
        return loginItem.isPresent();
    }

    /** Where the start-at-login entry is written, for the screen to say. */
    public String loginLocation() {
        return loginItem.map(LoginItem::location).orElse("");
    }

    public ReadOnlyStringProperty loginErrorProperty() {
        return loginError.getReadOnlyProperty();
    }
}
