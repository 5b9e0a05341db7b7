package io.signalbox.app.settings;

import io.signalbox.app.common.BackgroundWork;
import io.signalbox.app.runtime.ConfigService;
import io.signalbox.app.runtime.RunningProxy;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.Theme;
import io.signalbox.persistence.SettingsRepository;
import io.signalbox.persistence.config.ConfigProblem;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.proxy.ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings screen's state and commands: the proxy's address (applied by a restart), its start
 * on launch, the theme, the data folder, and the configuration's export and import. Files come in
 * as paths, so tests drive export and import without dialogs.
 */
public final class SettingsViewModel {

    static final String LOOPBACK = SignalboxRuntime.DEFAULT_BIND;
    static final String LAN = "0.0.0.0";

    /** Why LAN needs a key; shown whenever LAN is chosen, and again when it is refused. */
    static final String LAN_REASON =
            "On the network, anyone who can reach this computer could send requests through your"
                    + " providers' keys. Every client then needs an access key.";

    /** Opens a folder in the desktop's file manager; may block, so it runs off the FX thread. */
    @FunctionalInterface
    public interface FolderOpener {
        void open(Path folder) throws IOException;
    }

    private final RunningProxy proxy;
    private final SettingsRepository settings;
    private final ConfigService config;
    private final LongSupplier accessKeyCount;
    private final Path dataDir;
    private final FolderOpener folders;
    private final BackgroundWork work;
    private final Runnable proxyChanged;
    private final ObjectProperty<Theme> theme;

    private final StringProperty port = new SimpleStringProperty("");
    private final BooleanProperty lan = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper addressError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper addressNotice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper baseUrl = new ReadOnlyStringWrapper("");
    private final BooleanProperty startOnLaunch = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper folderError = new ReadOnlyStringWrapper("");
    private final BooleanProperty includeSecrets = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper transferNotice = new ReadOnlyStringWrapper("");
    private final ObservableList<String> transferProblems = FXCollections.observableArrayList();

    /**
     * @param accessKeyCount how many access keys are stored (LAN needs one)
     * @param proxyChanged tells the status bar to read the proxy's state again
     * @param theme the window's theme, shared with the sidebar's switch
     */
    public SettingsViewModel(
            RunningProxy proxy,
            SettingsRepository settings,
            ConfigService config,
            LongSupplier accessKeyCount,
            Path dataDir,
            FolderOpener folders,
            BackgroundWork work,
            Runnable proxyChanged,
            ObjectProperty<Theme> theme) {
        this.proxy = proxy;
        this.settings = settings;
        this.config = config;
        this.accessKeyCount = accessKeyCount;
        this.dataDir = dataDir;
        this.folders = folders;
        this.work = work;
        this.proxyChanged = proxyChanged;
        this.theme = theme;
        ProxyServer now = proxy.current();
        lan.set(!SignalboxRuntime.isLoopback(now.host()));
        port.set(now.isRunning() ? Integer.toString(now.port()) : savedPort());
        startOnLaunch.set(
                !"false"
                        .equals(
                                settings.get(SignalboxRuntime.START_ON_LAUNCH_SETTING)
                                        .orElse("true")));
        startOnLaunch.addListener(
                (obs, old, on) ->
                        settings.put(
                                SignalboxRuntime.START_ON_LAUNCH_SETTING, Boolean.toString(on)));
        lan.addListener((obs, old, on) -> addressError.set(""));
        port.addListener((obs, old, text) -> addressError.set(""));
        readProxy();
    }

    private String savedPort() {
        return settings.get(SignalboxRuntime.PORT_SETTING)
                .orElse(Integer.toString(SignalboxRuntime.DEFAULT_PORT));
    }

    /** The port typed, or the reason it is not one: 1 to 65535 (a saved 0 would wander). */
    static PortCheck checkPort(String text) {
        String trimmed = text == null ? "" : text.strip();
        int value;
        try {
            value = Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            return new PortCheck(0, "The port is a whole number from 1 to 65535.");
        }
        if (value < 1 || value > 65535) {
            return new PortCheck(0, "The port is a whole number from 1 to 65535.");
        }
        return new PortCheck(value, "");
    }

    record PortCheck(int port, String error) {
        boolean ok() {
            return error.isEmpty();
        }
    }

    /**
     * Moves the proxy to the chosen port and address: refused with the reason for a bad port or for
     * LAN without an access key; saved only once the proxy listens there.
     */
    public void applyAddress() {
        addressNotice.set("");
        PortCheck check = checkPort(port.get());
        if (!check.ok()) {
            addressError.set(check.error());
            return;
        }
        String bind = lan.get() ? LAN : LOOPBACK;
        if (lan.get() && accessKeyCount.getAsLong() == 0) {
            // The reason itself shows under the choice whenever LAN is chosen.
            addressError.set(
                    "Not applied: there is no access key yet, so anyone on the network could use"
                            + " your providers' keys. Create one on the Access screen first.");
            return;
        }
        addressError.set("");
        ProxyServer now = proxy.current();
        if (now.isRunning() && now.host().equals(bind) && now.port() == check.port()) {
            addressNotice.set("Already listening on " + now.baseUrl());
            return;
        }
        run(
                () -> proxy.moveTo(bind, check.port()),
                () -> {
                    settings.put(SignalboxRuntime.PORT_SETTING, Integer.toString(check.port()));
                    settings.put(SignalboxRuntime.BIND_SETTING, bind);
                    addressNotice.set(
                            running.get()
                                    ? "Listening on " + baseUrl.get()
                                    : "Saved; the proxy will listen there when started.");
                });
    }

    public void startProxy() {
        addressNotice.set("");
        run(proxy::start, () -> addressNotice.set("Listening on " + baseUrl.get()));
    }

    public void stopProxy() {
        addressNotice.set("");
        run(proxy::stop, () -> addressNotice.set("Stopped."));
    }

    /**
     * Proxy changes can wait for requests in flight (up to the stop grace), so off the FX thread.
     */
    private void run(ProxyCommand command, Runnable succeeded) {
        busy.set(true);
        work.start(
                () -> {
                    command.run();
                    return Boolean.TRUE;
                },
                done -> {
                    busy.set(false);
                    readProxy();
                    succeeded.run();
                },
                failed -> {
                    busy.set(false);
                    readProxy();
                    addressError.set(failed.getMessage());
                });
    }

    @FunctionalInterface
    private interface ProxyCommand {
        void run() throws Exception;
    }

    private void readProxy() {
        ProxyServer now = proxy.current();
        running.set(now.isRunning());
        baseUrl.set(now.isRunning() ? now.baseUrl() : "");
        proxyChanged.run();
    }

    public void openDataFolder() {
        folderError.set("");
        work.start(
                () -> {
                    folders.open(dataDir);
                    return Boolean.TRUE;
                },
                done -> {},
                failed -> folderError.set("Could not open the folder: " + failed.getMessage()));
    }

    /** Writes the configuration to {@code file} (CONTRACT section 2); keys only when chosen. */
    public void exportTo(Path file) {
        transferProblems.clear();
        transferNotice.set("");
        try {
            Files.writeString(
                    file, config.exportJson(includeSecrets.get()), StandardCharsets.UTF_8);
            transferNotice.set(
                    "Exported to "
                            + file
                            + (includeSecrets.get()
                                    ? " with provider and access keys: keep it private."
                                    : " without keys."));
        } catch (IOException e) {
            transferProblems.add("Could not write " + file + ": " + e.getMessage());
        }
    }

    /** Replaces the whole configuration with {@code file}, all or nothing. */
    public void importFrom(Path file) {
        transferProblems.clear();
        transferNotice.set("");
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            transferProblems.add("Could not read " + file + ": " + e.getMessage());
            return;
        }
        try {
            SignalboxConfig stored = config.importJson(json);
            transferNotice.set(
                    "Imported "
                            + count(stored.providers(), "provider")
                            + ", "
                            + count(stored.routes(), "route")
                            + " and "
                            + count(stored.accessKeys(), "access key")
                            + ".");
        } catch (InvalidConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                transferProblems.add(
                        (problem.path().isEmpty() ? "" : problem.path() + ": ")
                                + problem.message());
            }
        } catch (RuntimeException e) {
            transferProblems.add("Not imported: " + e.getMessage());
        }
    }

    private static String count(List<?> items, String noun) {
        return items.size() + " " + noun + (items.size() == 1 ? "" : "s");
    }

    public StringProperty portProperty() {
        return port;
    }

    public BooleanProperty lanProperty() {
        return lan;
    }

    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressNoticeProperty() {
        return addressNotice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseUrlProperty() {
        return baseUrl.getReadOnlyProperty();
    }

    public BooleanProperty startOnLaunchProperty() {
        return startOnLaunch;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public String dataDir() {
        return dataDir.toString();
    }

    public ReadOnlyStringProperty folderErrorProperty() {
        return folderError.getReadOnlyProperty();
    }

    public BooleanProperty includeSecretsProperty() {
        return includeSecrets;
    }

    public ReadOnlyStringProperty transferNoticeProperty() {
        return transferNotice.getReadOnlyProperty();
    }

    public ObservableList<String> transferProblems() {
        return FXCollections.unmodifiableObservableList(transferProblems);
    }
}
