package io.signalbox.app.desktop;

import io.signalbox.app.launch.DataDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An entry in {@code $XDG_CONFIG_HOME/autostart} (default {@code ~/.config/autostart}), which
 * GNOME, KDE, Xfce and the other desktops following the XDG Autostart spec start at login.
 */
final class LinuxAutostart implements LoginItem {

    static final String FILE_NAME = "signalbox.desktop";

    private final Path entry;
    private final List<String> command;

    LinuxAutostart(Path configHome, List<String> command) {
        this.entry = configHome.resolve("autostart").resolve(FILE_NAME);
        this.command = List.copyOf(command);
    }

    /** The XDG spec: a relative or empty XDG_CONFIG_HOME is ignored for ~/.config. */
    static LinuxAutostart inConfigHome(Map<String, String> env, Path home, List<String> command) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path configHome =
                xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                        ? Path.of(xdg)
                        : home.resolve(".config");
        return new LinuxAutostart(configHome, command);
    }

    @Override
    public boolean isEnabled() {
        return Files.isRegularFile(entry);
    }

    @Override
    public void enable() throws IOException {
        Files.createDirectories(entry.getParent());
        String text =
                """
                [Desktop Entry]
                Type=Application
                Name=Signalbox
                Comment=Starts the Signalbox LLM router at login
                Exec=%s
                Icon=signalbox
                Terminal=false
                X-GNOME-Autostart-enabled=true
                """
                        .formatted(execLine(command));
        DataDirectory.writeOwnerOnly(entry, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(entry);
    }

    @Override
    public String location() {
        return entry.toString();
    }

    /**
     * The Exec key's quoting (Desktop Entry spec, "The Exec key"): an argument with a space or a
     * reserved character is double-quoted, and inside the quotes {@code " ` $ \} get a backslash; a
     * literal {@code %} is written {@code %%}.
     */
    static String execLine(List<String> command) {
        return command.stream().map(LinuxAutostart::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String argument) {
        String escapedPercent = argument.replace("%", "%%");
        if (!escapedPercent.isEmpty() && escapedPercent.matches("[A-Za-z0-9_./=:,@+%-]+")) {
            return escapedPercent;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : escapedPercent.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
