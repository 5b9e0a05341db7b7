package io.signalbox.app.desktop;

import io.signalbox.app.launch.DataDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A LaunchAgent property list in {@code ~/Library/LaunchAgents}, which launchd loads (and, with
 * {@code RunAtLoad}, starts) at the user's login.
 */
final class MacLaunchAgent implements LoginItem {

    static final String LABEL = "io.signalbox.app";

    private final Path plist;
    private final List<String> command;

    MacLaunchAgent(Path home, List<String> command) {
        this.plist = home.resolve("Library").resolve("LaunchAgents").resolve(LABEL + ".plist");
        this.command = List.copyOf(command);
    }

    @Override
    public boolean isEnabled() {
        return Files.isRegularFile(plist);
    }

    @Override
    public void enable() throws IOException {
        Files.createDirectories(plist.getParent());
        String arguments =
                command.stream()
                        .map(argument -> "    <string>" + xml(argument) + "</string>")
                        .collect(Collectors.joining("\n"));
        String text =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" \
                "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Label</key>
                  <string>%s</string>
                  <key>ProgramArguments</key>
                  <array>
                %s
                  </array>
                  <key>RunAtLoad</key>
                  <true/>
                </dict>
                </plist>
                """
                        .formatted(LABEL, arguments);
        DataDirectory.writeOwnerOnly(plist, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(plist);
    }

    @Override
    public String location() {
        return plist.toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
