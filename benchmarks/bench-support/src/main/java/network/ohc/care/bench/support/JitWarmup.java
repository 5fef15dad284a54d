package network.ohc.care.bench.support;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Warm-up until the JIT is quiet: a fixed number of transactions leaves C2 compiling the measured path while it is
 * timed (seen: about 5 s of compilation in the first 6 s of a 10-subscriber run after 2,000 warm-up transactions), and
 * the compiler threads' CPU then counts against the path.
 */
public final class JitWarmup {
    /** A round is quiet when compilation took at most this share of its wall time. */
    static final double QUIET_SHARE = 0.05;

    private final LongSupplier compileMillis;

    public JitWarmup() {
        this(JitWarmup::totalCompileMillis);
    }

    /** {@code compileMillis}: the JIT's total compilation time so far, in ms. */
    JitWarmup(LongSupplier compileMillis) {
        this.compileMillis = compileMillis;
    }

    /** Runs {@code round} until one is quiet, or {@code maxRounds} ran; returns the rounds run. */
    public int warm(int maxRounds, BenchLoad.Op round) throws Exception {
        for (int i = 1; ; i++) {
            long compiled = compileMillis();
            long t0 = System.nanoTime();
            round.run();
            long spent = compileMillis() - compiled;
            long wall = (System.nanoTime() - t0) / 1_000_000;
            System.err.printf("%s warm-up round %d: %d ms, JIT compiling %d ms%n", java.time.LocalTime.now(), i, wall, spent);
            if (quiet(spent, wall) || i >= maxRounds) {
                return i;
            }
        }
    }

    static boolean quiet(long compileMillis, long wallMillis) {
        return compileMillis <= QUIET_SHARE * wallMillis;
    }

    /** The JIT's total compilation time so far (all compiler threads), in ms. */
    public long compileMillis() {
        return compileMillis.getAsLong();
    }

    private static long totalCompileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
