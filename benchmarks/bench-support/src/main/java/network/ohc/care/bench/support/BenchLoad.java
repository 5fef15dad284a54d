package network.ohc.care.bench.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.core.signal.SignalEmitter;

/**
 * What the benchmark applications (bus, kafka-export) measure the same way: the plain INSERT+COMMIT baseline,
 * transactions spread over threads, a writer paced at a fixed rate, percentiles, and the signal they write.
 */
public final class BenchLoad {
    private BenchLoad() {
    }

    public interface Op {
        void run() throws Exception;
    }

    /** Runs {@code transactions} calls of {@code op} on {@code threads} threads; returns calls per second. */
    public static double timed(int threads, int transactions, Op op) throws Exception {
        AtomicLong left = new AtomicLong(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            fs.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    op.run();
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return transactions / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * The baseline: {@code signals} inserts of {@code payload} into a plain jsonb table, {@code perTransaction} per
     * commit, on {@code threads} threads, without the outbox machinery; returns rows per second.
     */
    public static double baseline(DataSource db, String payload, int signals, int threads, int perTransaction) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS public.bench_baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL)");
            st.execute("TRUNCATE public.bench_baseline");
        }
        int transactions = signals / perTransaction;
        return perTransaction * timed(threads, transactions, () -> {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO public.bench_baseline (payload) VALUES (cast(? AS jsonb))")) {
                c.setAutoCommit(false);
                for (int i = 0; i < perTransaction; i++) {
                    ps.setString(1, payload);
                    ps.executeUpdate();
                }
                c.commit();
            }
        });
    }

    /** Calls {@code op} {@code rate} times a second for {@code seconds}, on this thread; returns how many calls ran. */
    public static int paced(int rate, int seconds, Op op) throws Exception {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long end = next + seconds * 1_000_000_000L;
        int sent = 0;
        while (System.nanoTime() < end) {
            op.run();
            sent++;
            next += interval;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        return sent;
    }

    /** The {@code p} quantile (0..1) of nanosecond samples sorted ascending, in milliseconds; NaN without samples. */
    public static double percentileMillis(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        return sortedNanos.get(Math.min(sortedNanos.size() - 1, (int) Math.ceil(p * sortedNanos.size()) - 1)) / 1e6;
    }

    private static final UUID[] AGGREGATES = new UUID[100];

    static {
        for (int i = 0; i < AGGREGATES.length; i++) {
            AGGREGATES[i] = UUID.randomUUID();
        }
    }

    /** The benchmark's signal: a facility update of one of 100 facilities, picked at random. */
    public static FacilityUpdated signal(SignalEmitter emitter) {
        UUID id = AGGREGATES[ThreadLocalRandom.current().nextInt(AGGREGATES.length)];
        return new FacilityUpdated(emitter.envelope(FacilityUpdated.class, "Facility", id, id), id, "Benchmark District Hospital",
                "HOSPITAL", "Ernakulam", "Kerala", true);
    }
}
