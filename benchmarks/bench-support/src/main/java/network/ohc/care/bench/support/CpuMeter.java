package network.ohc.care.bench.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * CPU time spent between {@link #start} and {@link #stop}: by this JVM (all its threads) and by the PostgreSQL
 * backends serving its database (from /proc/&lt;pid&gt;/stat; the server's shared processes, such as the WAL writer,
 * are left out as other databases use them too). CPU per unit of work hardly changes when other processes share the
 * machine, where throughput does.
 */
public final class CpuMeter {
    /** CPU time in nanoseconds: this JVM's, and its database backends'. */
    public record Spent(long jvmNanos, long dbNanos) {
        /** Microseconds per unit for {@code units} units: JVM, database, total. */
        public String perUnitMicros(long units) {
            return String.format("%.1f %.1f %.1f", jvmNanos / 1e3 / units, dbNanos / 1e3 / units, (jvmNanos + dbNanos) / 1e3 / units);
        }
    }

    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicks();

    private final DataSource db;
    private long jvmAtStart;
    private Map<Long, Long> backendsAtStart = Map.of();

    public CpuMeter(DataSource db) {
        this.db = db;
    }

    public void start() throws Exception {
        backendsAtStart = backendTicks();
        jvmAtStart = jvmNanos();
    }

    public Spent stop() throws Exception {
        long jvm = jvmNanos() - jvmAtStart;
        long ticks = 0;
        for (Map.Entry<Long, Long> e : backendTicks().entrySet()) {
            // A backend that started meanwhile counts from its start; one that ended meanwhile is not seen (rare: pooled).
            ticks += e.getValue() - backendsAtStart.getOrDefault(e.getKey(), 0L);
        }
        return new Spent(jvm, ticks * NANOS_PER_TICK);
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User + system clock ticks of each backend connected to this database now. */
    private Map<Long, Long> backendTicks() throws Exception {
        Map<Long, Long> out = new HashMap<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            while (rs.next()) {
                long pid = rs.getLong(1);
                Long ticks = ticks(pid);
                if (ticks != null) {
                    out.put(pid, ticks);
                }
            }
        }
        return out;
    }

    /** utime + stime of {@code pid}, or null if it is gone or not readable (a database on another host). */
    static Long ticks(long pid) {
        try {
            return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Fields 14 and 15 of /proc/&lt;pid&gt;/stat; the command name (field 2) may hold spaces, so fields count from its ')'. */
    static long parseTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (Exception e) {
            return 100; // Linux's usual USER_HZ
        }
    }
}
