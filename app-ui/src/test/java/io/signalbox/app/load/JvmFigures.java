package io.signalbox.app.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What the JVM holds at one moment: its threads, and the heap in use once the garbage is gone.
 *
 * @param threads live threads (ThreadMXBean)
 * @param idlePoolThreads of those, threads of a Jetty pool waiting for work: a pool grows with the
 *     load it met (and on a busy machine with how long its threads waited for a CPU) and shrinks
 *     only after 60 s without work, so these say how big the pools got, not what was left behind
 * @param heapBytes the least heap in use over several full collections: one collection can leave
 *     garbage that a reference queue still held; the least is what is really reachable
 * @param signalboxInstances live instances of each class of Signalbox's own code (the load test's
 *     classes left out), from the JVM's class histogram: a call that left something of its own
 *     behind shows here as one more instance per call
 */
record JvmFigures(
        int threads, int idlePoolThreads, long heapBytes, Map<String, Long> signalboxInstances) {

    private static final int COLLECTIONS = 5;

    static JvmFigures measure() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        int idle = 0;
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            if (waitsInPool(stack)) {
                idle++;
            }
        }
        return new JvmFigures(
                ManagementFactory.getThreadMXBean().getThreadCount(),
                idle,
                least,
                liveSignalboxInstances());
    }

    /** What {@code jcmd PID GC.class_histogram} prints (after a full collection), in-process. */
    private static Map<String, Long> liveSignalboxInstances() {
        String histogram;
        try {
            histogram =
                    (String)
                            ManagementFactory.getPlatformMBeanServer()
                                    .invoke(
                                            new ObjectName(
                                                    "com.sun.management:type=DiagnosticCommand"),
                                            "gcClassHistogram",
                                            new Object[] {new String[0]},
                                            new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("no class histogram from this JVM", e);
        }
        // "   12:         3242       33969376  io.signalbox.proxy.http.Exchange (...)"
        Map<String, Long> instances = new TreeMap<>();
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4
                    && columns[0].endsWith(":")
                    && columns[3].startsWith("io.signalbox.")
                    && !columns[3].startsWith("io.signalbox.app.load.")) {
                instances.merge(columns[3], Long.parseLong(columns[1]), Long::sum);
            }
        }
        return instances;
    }

    /** The classes with more live instances here than in {@code earlier}, by how many more. */
    Map<String, Long> instancesGrownSince(JvmFigures earlier, long atLeast) {
        Map<String, Long> grown = new TreeMap<>();
        signalboxInstances.forEach(
                (type, count) -> {
                    long more = count - earlier.signalboxInstances.getOrDefault(type, 0L);
                    if (more >= atLeast) {
                        grown.put(type, more);
                    }
                });
        return grown;
    }

    /** Threads that hold or do something: the live ones less the idle pool threads. */
    int workingThreads() {
        return threads - idlePoolThreads;
    }

    double heapMegabytes() {
        return heapBytes / (1024.0 * 1024.0);
    }

    /**
     * A thread parked where a Jetty pool keeps its spare threads: Jetty's code, so a rename in a
     * later Jetty makes these count as working threads (the check then fails, it never passes
     * wrongly).
     */
    private static boolean waitsInPool(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String at = frame.getClassName() + "." + frame.getMethodName();
            if (at.equals("org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.idleJobPoll")
                    || at.equals(
                            "org.eclipse.jetty.util.thread.ReservedThreadExecutor$ReservedThread"
                                    + ".waitForTask")) {
                return true;
            }
        }
        return false;
    }

    /** CPU time the whole process used so far, in seconds. */
    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /**
     * CPU time used so far by each live thread, by id. With {@link #cpuByGroup} it gives what each
     * part of the test used during a run (threads that ended in between are missing).
     */
    static Map<Long, Long> cpuByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long nanos = threads.getThreadCpuTime(thread.getId());
            if (nanos >= 0) {
                cpu.put(thread.getId(), nanos);
            }
        }
        return cpu;
    }

    /**
     * Seconds of CPU each group of threads used since {@code before}, grouped by the start of their
     * names: {@code proxy} (Signalbox's server and upstream client), {@code upstream} (the fake
     * providers), {@code HttpClient}/{@code load-http} (the load's JDK HTTP client), the usage
     * writer and H2, and the rest.
     */
    static Map<String, Double> cpuByGroup(Map<Long, Long> before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> groups = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long nanos = threads.getThreadCpuTime(thread.getId());
            if (nanos < 0) {
                continue;
            }
            long used = nanos - before.getOrDefault(thread.getId(), 0L);
            groups.merge(group(thread.getName()), used / 1e9, Double::sum);
        }
        return groups;
    }

    private static String group(String threadName) {
        for (String prefix :
                new String[] {"proxy", "upstream", "HttpClient", "load-http", "usage-writer"}) {
            if (threadName.startsWith(prefix)) {
                return prefix.equals("load-http") ? "HttpClient" : prefix;
            }
        }
        if (threadName.startsWith("H2") || threadName.startsWith("MVStore")) {
            return "h2";
        }
        return "other";
    }

    /** Live threads by name with the numbers taken out ("proxy-123" counts as "proxy-#"). */
    static Map<String, Integer> threadsByName() {
        Map<String, Integer> byName = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName().replaceAll("[0-9]+", "#");
            byName.merge(name.length() > 40 ? name.substring(0, 40) : name, 1, Integer::sum);
        }
        return byName;
    }
}
