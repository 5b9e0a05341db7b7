package io.signalbox.app.desktop;

import java.awt.AWTException;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.net.URL;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The system tray icon, where the desktop has a tray (Windows, macOS's menu bar, KDE, Xfce, GNOME
 * with an AppIndicator extension): open the window, start or stop the proxy, quit. AWT calls its
 * actions on the AWT event thread, so each action hands over to the thread it needs itself.
 */
public final class TrayMenu implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrayMenu.class.getName());

    /** What the menu does; each runs on the AWT event thread. */
    public interface Actions {
        void openWindow();

        void startProxy();

        void stopProxy();

        void quit();
    }

    private final TrayIcon icon;

    private TrayMenu(TrayIcon icon) {
        this.icon = icon;
    }

    /** Whether this desktop has a tray; false without AWT, headless, or with no tray at all. */
    public static boolean isSupported() {
        try {
            return SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Puts the icon in the tray; empty where there is no tray or it refused the icon, and the app
     * then simply has none.
     *
     * @param proxyRunning read each time the menu opens, to offer Start or Stop
     */
    public static Optional<TrayMenu> install(Actions actions, BooleanSupplier proxyRunning) {
        if (!isSupported()) {
            return Optional.empty();
        }
        try {
            URL image = TrayMenu.class.getResource("/io/signalbox/app/icons/signalbox-64.png");
            Image picture = Toolkit.getDefaultToolkit().getImage(image);
            PopupMenu menu = new PopupMenu();
            MenuItem open = new MenuItem("Open Signalbox");
            open.addActionListener(event -> actions.openWindow());
            MenuItem startOrStop = new MenuItem();
            startOrStop.addActionListener(
                    event -> {
                        if (proxyRunning.getAsBoolean()) {
                            actions.stopProxy();
                        } else {
                            actions.startProxy();
                        }
                    });
            MenuItem quit = new MenuItem("Quit Signalbox");
            quit.addActionListener(event -> actions.quit());
            menu.add(open);
            menu.add(startOrStop);
            menu.addSeparator();
            menu.add(quit);
            TrayIcon icon = new TrayIcon(picture, "Signalbox", menu);
            icon.setImageAutoSize(true);
            icon.addActionListener(event -> actions.openWindow());
            TrayMenu tray = new TrayMenu(icon);
            // AWT menus have no "about to open" event: the label follows the proxy on each hover
            // and click of the icon, which precede the menu.
            Runnable label =
                    () ->
                            startOrStop.setLabel(
                                    proxyRunning.getAsBoolean()
                                            ? "Stop the proxy"
                                            : "Start the proxy");
            label.run();
            icon.addMouseListener(
                    new java.awt.event.MouseAdapter() {
                        @Override
                        public void mousePressed(java.awt.event.MouseEvent e) {
                            label.run();
                        }

                        @Override
                        public void mouseEntered(java.awt.event.MouseEvent e) {
                            label.run();
                        }
                    });
            SystemTray.getSystemTray().add(icon);
            return Optional.of(tray);
        } catch (AWTException | RuntimeException | LinkageError e) {
            LOG.info("No tray icon: " + e);
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            SystemTray.getSystemTray().remove(icon);
        } catch (RuntimeException | LinkageError e) {
            LOG.fine("Removing the tray icon: " + e);
        }
    }
}
