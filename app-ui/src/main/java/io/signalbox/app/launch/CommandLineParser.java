package io.signalbox.app.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Parses {@code ./signalbox} arguments; accepts {@code --opt value} and {@code --opt=value}. */
public final class CommandLineParser {

    public static final String USAGE =
            """
            Usage: signalbox [--headless] [--data-dir DIR] [--port N] [--bind ADDR] [--import FILE]
                   signalbox --version

              --headless       serve the proxy with no window
              --data-dir DIR   where the database, admin token and logs live
              --port N         proxy port (0 picks a free one); default 8337 or the saved setting
              --bind ADDR      listen address; default 127.0.0.1 or the saved setting
              --import FILE    replace the whole configuration with FILE before serving
              --version        print the version and exit
            """;

    private CommandLineParser() {}

    public static CommandLine parse(List<String> args) throws UsageException {
        boolean headless = false;
        boolean version = false;
        boolean help = false;
        Optional<Path> dataDir = Optional.empty();
        OptionalInt port = OptionalInt.empty();
        Optional<String> bind = Optional.empty();
        Optional<Path> importFile = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (name) {
                case "--headless" -> headless = flag(name, inlineValue);
                case "--version", "-V" -> version = flag(name, inlineValue);
                case "--help", "-h" -> help = flag(name, inlineValue);
                case "--data-dir" -> {
                    String value = inlineValue != null ? inlineValue : next(args, ++i, name);
                    dataDir = Optional.of(path(name, value));
                }
                case "--port" ->
                        port =
                                OptionalInt.of(
                                        port(
                                                inlineValue != null
                                                        ? inlineValue
                                                        : next(args, ++i, name)));
                case "--bind" -> {
                    String value = inlineValue != null ? inlineValue : next(args, ++i, name);
                    if (value.isBlank()) {
                        throw new UsageException("--bind needs an address, e.g. 127.0.0.1");
                    }
                    bind = Optional.of(value.strip());
                }
                case "--import" -> {
                    String value = inlineValue != null ? inlineValue : next(args, ++i, name);
                    importFile = Optional.of(path(name, value));
                }
                default -> throw new UsageException("Unknown option '" + arg + "'");
            }
        }
        return new CommandLine(headless, version, help, dataDir, port, bind, importFile);
    }

    private static boolean flag(String name, String inlineValue) throws UsageException {
        if (inlineValue != null) {
            throw new UsageException(name + " takes no value");
        }
        return true;
    }

    private static String next(List<String> args, int i, String name) throws UsageException {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        return args.get(i);
    }

    private static Path path(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " needs a path");
        }
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw new UsageException(name + ": not a valid path");
        }
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--port must be a number from 0 to 65535, not '" + value + "'");
        }
    }
}
