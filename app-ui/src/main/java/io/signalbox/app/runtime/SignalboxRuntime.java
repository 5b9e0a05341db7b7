package io.signalbox.app.runtime;

import io.signalbox.app.Version;
import io.signalbox.app.discovery.ModelDiscovery;
import io.signalbox.app.launch.AdminToken;
import io.signalbox.app.launch.CommandLine;
import io.signalbox.app.launch.DataDirectory;
import io.signalbox.app.launch.InstanceLock;
import io.signalbox.app.launch.LogSetup;
import io.signalbox.app.management.ManagementService;
import io.signalbox.persistence.DataDirInUseException;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.PersistenceException;
import io.signalbox.persistence.SettingsRepository;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.ProxyServer;
import io.signalbox.proxy.ProxyUnavailableException;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.usage.BatchingUsageRecorder;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Everything Signalbox runs, with or without a window: the data dir and its lock, the database, the
 * configuration and the proxy. Started once by the launcher; closed on quit or signal.
 */
public final class SignalboxRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SignalboxRuntime.class.getName());

    public static final int DEFAULT_PORT = 8337;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final String PORT_SETTING = "proxy.port";
    public static final String BIND_SETTING = "proxy.bind";

    /** "false" keeps the windowed app's proxy stopped until started from Settings. */
    public static final String START_ON_LAUNCH_SETTING = "proxy.startOnLaunch";

    private final DataDirectory dataDir;
    private final InstanceLock lock;
    private final Database database;
    private final BatchingUsageRecorder recorder;
    private final ConfigService config;
    private final AdminToken adminToken;
    private final RunningProxy proxy;
    private final CountingUsageSink completedRequests;
    private CanaryDecisionWriter canaryDecisions;
    private CanaryActions canaries;

    private SignalboxRuntime(
            DataDirectory dataDir,
            InstanceLock lock,
            Database database,
            BatchingUsageRecorder recorder,
            ConfigService config,
            AdminToken adminToken,
            RunningProxy proxy,
            CountingUsageSink completedRequests) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.database = database;
        this.recorder = recorder;
        this.config = config;
        this.adminToken = adminToken;
        this.proxy = proxy;
        this.completedRequests = completedRequests;
    }

    /**
     * Starts everything in order and prints the ready line on {@code out} once the proxy listens.
     * On failure, whatever was started is stopped again.
     */
    public static SignalboxRuntime start(CommandLine commandLine, PrintStream out)
            throws StartupException {
        Path root = commandLine.dataDir().orElseGet(DataDirectory::defaultLocation);
        DataDirectory dataDir;
        try {
            dataDir = DataDirectory.open(root);
        } catch (IOException e) {
            throw new StartupException(
                    StartupException.BAD_INPUT, "Cannot use the data dir " + root + ": " + e, e);
        }
        InstanceLock lock;
        try {
            lock = InstanceLock.acquire(dataDir);
        } catch (InstanceLock.HeldException e) {
            throw new StartupException(StartupException.IN_USE, e.getMessage(), e);
        } catch (IOException e) {
            throw new StartupException(
                    StartupException.BAD_INPUT, "Cannot lock the data dir " + root + ": " + e, e);
        }
        Database database = null;
        BatchingUsageRecorder recorder = null;
        try {
            LogSetup.toDataDirectory(dataDir);
            AdminToken adminToken = AdminToken.loadOrCreate(dataDir);
            database = openDatabase(dataDir);
            SettingsRepository settings = database.settingsRepository();
            String bind =
                    commandLine.bind().or(() -> settings.get(BIND_SETTING)).orElse(DEFAULT_BIND);
            int port =
                    commandLine.port().isPresent()
                            ? commandLine.port().getAsInt()
                            : savedPort(settings);
            // The machine's zone: daily token limits reset at local midnight (docs/proxy.md).
            Clock clock = Clock.systemDefaultZone();
            StoredAccessPolicy access =
                    new StoredAccessPolicy(
                            database.accessKeyRepository(),
                            database.usageQueries(),
                            clock,
                            isLoopback(bind));
            recorder =
                    BatchingUsageRecorder.startDefault(
                            new RequestLogWriter(
                                    database.requestLogRepository(),
                                    database.accessKeyRepository()));
            CountingUsageSink completedRequests = new CountingUsageSink(recorder);
            ProxyServer proxy =
                    new ProxyServer(
                            ProxyOptions.defaults(bind, port),
                            RoutingTable.empty(),
                            access,
                            completedRequests,
                            clock);
            // A restart replaces this server with one sharing its routing table (listeningOn), so
            // updating this first one keeps reaching whichever server listens.
            ConfigService config =
                    new ConfigService(
                            database.configRepository(),
                            database.accessKeyRepository(),
                            changed -> {
                                access.refresh();
                                proxy.update(RoutingTables.from(changed));
                            });
            if (commandLine.importFile().isPresent()) {
                importFile(config, commandLine.importFile().get());
            }
            // After the import, which may have brought the access keys a LAN bind needs.
            requireAccessKeyOffLoopback(bind, database.accessKeyRepository().count());
            access.refresh();
            proxy.update(RoutingTables.from(config.current()));
            // After the table: a canary demoted in an earlier run stays demoted (ADR 0015).
            CanaryActions.restoreDemotions(database.canaryDecisions(), proxy.canaries());
            CanaryDecisionWriter canaryDecisions =
                    new CanaryDecisionWriter(database.canaryDecisions());
            proxy.canaries().decisionsTo(canaryDecisions);
            CanaryActions canaries =
                    new CanaryActions(config, database.canaryDecisions(), proxy, Clock.systemUTC());
            proxy.enableManagement(
                    new ManagementService(
                                    config,
                                    new ModelDiscovery(
                                            database.discoveryRepository(), config::current),
                                    database.usageQueries(),
                                    proxy,
                                    Clock.systemUTC(),
                                    Version.current())
                            .withCanaries(canaries),
                    adminToken::matches);
            // The setting only holds back a window's proxy: headless, the proxy is the point.
            boolean startNow =
                    commandLine.headless()
                            || !settings.get(START_ON_LAUNCH_SETTING)
                                    .orElse("true")
                                    .equals("false");
            if (startNow) {
                try {
                    proxy.start();
                } catch (ProxyUnavailableException e) {
                    throw new StartupException(StartupException.IN_USE, e.getMessage(), e);
                }
                try {
                    lock.describeSelf(Optional.of(proxy.baseUrl()));
                } catch (IOException | RuntimeException e) {
                    // Listening already: stop it, or its threads would keep a half-started process.
                    proxy.close();
                    throw e;
                }
                LOG.info(
                        "Signalbox proxy listening on "
                                + proxy.baseUrl()
                                + ", data dir "
                                + dataDir.root());
                out.println("Signalbox proxy listening on " + proxy.baseUrl());
            } else {
                LOG.info("Proxy not started (" + START_ON_LAUNCH_SETTING + " is false)");
                out.println("Signalbox proxy not started: start it from Settings");
            }
            out.flush();
            SignalboxRuntime runtime =
                    new SignalboxRuntime(
                            dataDir,
                            lock,
                            database,
                            recorder,
                            config,
                            adminToken,
                            new RunningProxy(
                                    proxy, port, lock, access, database.accessKeyRepository()),
                            completedRequests);
            runtime.canaryDecisions = canaryDecisions;
            runtime.canaries = canaries;
            return runtime;
        } catch (StartupException e) {
            closeQuietly(recorder, database, lock);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(recorder, database, lock);
            throw new StartupException(
                    StartupException.BAD_INPUT, "Signalbox cannot start: " + e.getMessage(), e);
        }
    }

    private static Database openDatabase(DataDirectory dataDir) throws StartupException {
        try {
            return Database.open(dataDir.root());
        } catch (DataDirInUseException e) {
            throw new StartupException(StartupException.IN_USE, e.getMessage(), e);
        } catch (PersistenceException e) {
            throw new StartupException(
                    StartupException.BAD_INPUT, "Cannot open the database: " + e.getMessage(), e);
        }
    }

    private static void importFile(ConfigService config, Path file) throws StartupException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new StartupException(
                    StartupException.BAD_INPUT, "--import: no such file " + file);
        } catch (IOException e) {
            throw new StartupException(
                    StartupException.BAD_INPUT,
                    "--import: cannot read " + file + ": " + e.getMessage());
        }
        try {
            config.importJson(json);
        } catch (InvalidConfigException e) {
            throw new StartupException(
                    StartupException.BAD_INPUT,
                    "--import " + file + " was not applied; nothing changed. " + e.getMessage());
        }
    }

    private static int savedPort(SettingsRepository settings) {
        return settings.get(PORT_SETTING)
                .flatMap(
                        value -> {
                            try {
                                return Optional.of(Integer.parseInt(value));
                            } catch (NumberFormatException e) {
                                return Optional.empty();
                            }
                        })
                .orElse(DEFAULT_PORT);
    }

    public static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Off loopback anyone on the network could use the proxy, so it needs a key (CONTRACT 1). */
    static void requireAccessKeyOffLoopback(String bind, long accessKeys) throws StartupException {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new StartupException(
                    StartupException.BAD_INPUT, "--bind: unknown address '" + bind + "'");
        }
        if (!address.isLoopbackAddress() && accessKeys == 0) {
            throw new StartupException(
                    StartupException.BAD_INPUT,
                    "Refusing to listen on "
                            + bind
                            + " without an access key: anyone on the network could use your"
                            + " providers. Create an access key first, or bind to 127.0.0.1.");
        }
    }

    private static void closeQuietly(
            BatchingUsageRecorder recorder, Database database, InstanceLock lock) {
        if (recorder != null) {
            recorder.close();
        }
        if (database != null) {
            database.close();
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warning("Could not release the data dir lock: " + e);
        }
    }

    public DataDirectory dataDir() {
        return dataDir;
    }

    public Database database() {
        return database;
    }

    public ConfigService config() {
        return config;
    }

    public AdminToken adminToken() {
        return adminToken;
    }

    /** The server listening now (a restart from Settings replaces it). */
    public ProxyServer proxy() {
        return proxy.current();
    }

    /** Stops, starts and moves the proxy, for the Settings screen. */
    public RunningProxy proxyControl() {
        return proxy;
    }

    /** Canary reports, promote and roll back, for the route editor. */
    public CanaryActions canaries() {
        return canaries;
    }

    /** How many requests the proxy has finished since start, for a requests-per-second figure. */
    public long completedRequests() {
        return completedRequests.completed();
    }

    /**
     * Stops the proxy (requests in flight finish within the grace period), writes the usage still
     * queued, then closes the database.
     */
    @Override
    public void close() {
        LOG.info("Signalbox stopping");
        proxy.stop();
        canaryDecisions.close();
        closeQuietly(recorder, database, lock);
        LOG.info("Signalbox stopped");
    }
}
