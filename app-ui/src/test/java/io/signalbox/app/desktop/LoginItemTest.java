package io.signalbox.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start at login, written for real into a temp home and config folder. */
class LoginItemTest {

    @TempDir Path temp;

    private static final List<String> COMMAND =
            List.of("/opt/signalbox/bin/Signalbox", "--data-dir", "/home/me/my data/sb");

    @Test
    void linuxWritesAnAutostartEntryUnderXdgConfigHomeAndRemovesIt() throws Exception {
        Path config = temp.resolve("config");
        LoginItem item =
                LoginItem.forPlatform(
                        "Linux", Map.of("XDG_CONFIG_HOME", config.toString()), temp, COMMAND);
        Path entry = config.resolve("autostart/signalbox.desktop");
        assertThat(item.location()).isEqualTo(entry.toString());
        assertThat(item.isEnabled()).isFalse();

        item.enable();

        assertThat(item.isEnabled()).isTrue();
        String text = Files.readString(entry, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("[Desktop Entry]\n")
                .contains("Type=Application\n")
                .contains("Exec=/opt/signalbox/bin/Signalbox --data-dir \"/home/me/my data/sb\"\n")
                .contains("X-GNOME-Autostart-enabled=true\n");

        item.disable();

        assertThat(entry).doesNotExist();
        assertThat(item.isEnabled()).isFalse();
        item.disable(); // removing what is not there is fine
    }

    @Test
    void linuxUsesDotConfigWhenXdgConfigHomeIsUnsetOrRelative() throws Exception {
        Path home = temp.resolve("home");
        LoginItem unset = LoginItem.forPlatform("Linux", Map.of(), home, COMMAND);
        LoginItem relative =
                LoginItem.forPlatform(
                        "Linux", Map.of("XDG_CONFIG_HOME", "relative/dir"), home, COMMAND);

        unset.enable();

        assertThat(home.resolve(".config/autostart/signalbox.desktop")).isRegularFile();
        assertThat(relative.location()).isEqualTo(unset.location());
        assertThat(relative.isEnabled()).isTrue();
    }

    @Test
    void theExecLineQuotesWhatTheDesktopEntrySpecReserves() {
        assertThat(LinuxAutostart.execLine(List.of("/a/b", "--x", "plain")))
                .isEqualTo("/a/b --x plain");
        assertThat(LinuxAutostart.execLine(List.of("/my apps/sb", "a\"b", "$HOME", "back\\slash")))
                .isEqualTo("\"/my apps/sb\" \"a\\\"b\" \"\\$HOME\" \"back\\\\slash\"");
        assertThat(LinuxAutostart.execLine(List.of("100%"))).isEqualTo("100%%");
    }

    @Test
    void macOsWritesALaunchAgentThatRunsAtLoad() throws Exception {
        LoginItem item =
                LoginItem.forPlatform(
                        "Mac OS X",
                        Map.of(),
                        temp,
                        List.of("/Applications/Signalbox.app/Contents/MacOS/Signalbox", "a&b"));
        Path plist = temp.resolve("Library/LaunchAgents/io.signalbox.app.plist");

        item.enable();

        assertThat(item.isEnabled()).isTrue();
        assertThat(Files.readString(plist))
                .contains("<key>Label</key>\n  <string>io.signalbox.app</string>")
                .contains("<string>/Applications/Signalbox.app/Contents/MacOS/Signalbox</string>")
                .contains("<string>a&amp;b</string>")
                .contains("<key>RunAtLoad</key>\n  <true/>");
        item.disable();
        assertThat(plist).doesNotExist();
    }

    @Test
    void windowsUsesTheRunKeyWithEachArgumentQuoted() {
        LoginItem item =
                LoginItem.forPlatform(
                        "Windows 11",
                        Map.of(),
                        temp,
                        List.of("C:\\Program Files\\Signalbox\\Signalbox.exe", "--data-dir", "D"));
        assertThat(item).isInstanceOf(WindowsRunKey.class);
        assertThat(item.location())
                .isEqualTo("HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Signalbox");
        assertThat(
                        WindowsRunKey.commandLine(
                                List.of("C:\\Program Files\\Signalbox\\Signalbox.exe", "--x")))
                .isEqualTo("\"C:\\Program Files\\Signalbox\\Signalbox.exe\" \"--x\"");
    }

    @Test
    void theLaunchCommandIsTheInstalledLauncherElseTheScriptWithThisDataDir() {
        Path data = Path.of("/data/sb");
        assertThat(
                        LaunchCommand.of(
                                java.util.Optional.of("/opt/signalbox/bin/Signalbox"),
                                java.util.Optional.of("/src/signalbox"),
                                data))
                .contains(List.of("/opt/signalbox/bin/Signalbox", "--data-dir", "/data/sb"));
        assertThat(
                        LaunchCommand.of(
                                java.util.Optional.empty(),
                                java.util.Optional.of("/src/signalbox"),
                                data))
                .contains(List.of("/src/signalbox", "--data-dir", "/data/sb"));
        assertThat(LaunchCommand.of(java.util.Optional.empty(), java.util.Optional.empty(), data))
                .isEmpty();
        assertThat(LoginItem.forThisPlatform(java.util.Optional.empty())).isEmpty();
    }

    @Test
    void closingHidesToTheTrayOnlyWhenAskedAndATrayIsShown() {
        assertThat(CloseAction.choose(true, true)).isEqualTo(CloseAction.HIDE_TO_TRAY);
        assertThat(CloseAction.choose(true, false)).isEqualTo(CloseAction.QUIT);
        assertThat(CloseAction.choose(false, true)).isEqualTo(CloseAction.QUIT);
        assertThat(CloseAction.choose(false, false)).isEqualTo(CloseAction.QUIT);
    }
}
