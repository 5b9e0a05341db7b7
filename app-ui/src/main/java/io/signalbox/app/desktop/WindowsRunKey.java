package io.signalbox.app.desktop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code Signalbox} value under {@code HKCU\Software\Microsoft\Windows\CurrentVersion\Run},
 * which Windows starts at the user's login, written with the system's own {@code reg.exe} (no
 * native library needed).
 */
final class WindowsRunKey implements LoginItem {

    private static final String KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    private static final String VALUE = "Signalbox";

    private final List<String> command;

    WindowsRunKey(List<String> command) {
        this.command = List.copyOf(command);
    }

    @Override
    public boolean isEnabled() throws IOException {
        return reg("query", KEY, "/v", VALUE) == 0;
    }

    @Override
    public void enable() throws IOException {
        int code = reg("add", KEY, "/v", VALUE, "/t", "REG_SZ", "/d", commandLine(command), "/f");
        if (code != 0) {
            throw new IOException("reg add " + KEY + " exited with " + code);
        }
    }

    @Override
    public void disable() throws IOException {
        if (isEnabled()) {
            int code = reg("delete", KEY, "/v", VALUE, "/f");
            if (code != 0) {
                throw new IOException("reg delete " + KEY + " exited with " + code);
            }
        }
    }

    @Override
    public String location() {
        return KEY + "\\" + VALUE;
    }

    /** Each argument in double quotes, as the Run key's command line is parsed by CreateProcess. */
    static String commandLine(List<String> command) {
        return command.stream()
                .map(argument -> "\"" + argument.replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(" "));
    }

    private static int reg(String... args) throws IOException {
        List<String> full = new ArrayList<>(List.of("reg"));
        full.addAll(List.of(args));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            process.getInputStream().readAllBytes();
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running reg " + args[0], e);
        } finally {
            process.getInputStream().close();
        }
    }
}
