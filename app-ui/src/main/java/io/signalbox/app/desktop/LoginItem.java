package io.signalbox.app.desktop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Starting Signalbox when the user logs in, with each platform's own mechanism: an XDG autostart
 * entry on Linux, a {@code Run} registry value on Windows, a LaunchAgent on macOS.
 */
public interface LoginItem {

    /** Whether Signalbox starts at login now (read from the platform, not remembered). */
    boolean isEnabled() throws IOException;

    void enable() throws IOException;

    void disable() throws IOException;

    /** Where the entry lives, for the Settings screen ("~/.config/autostart/signalbox.desktop"). */
    String location();

    /**
     * The mechanism of this OS, starting {@code command}; empty when the command that started this
     * app is unknown (then there is nothing to put in the entry).
     */
    static Optional<LoginItem> forThisPlatform(Optional<List<String>> command) {
        return command.map(
                c ->
                        forPlatform(
                                System.getProperty("os.name", ""),
                                System.getenv(),
                                Path.of(System.getProperty("user.home")),
                                c));
    }

    static LoginItem forPlatform(
            String osName, Map<String, String> env, Path home, List<String> command) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return new WindowsRunKey(command);
        }
        if (os.contains("mac")) {
            return new MacLaunchAgent(home, command);
        }
        return LinuxAutostart.inConfigHome(env, home, command);
    }
}
