package network.ohc.care.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import network.ohc.care.bench.support.BenchLoad;
import network.ohc.care.bench.support.CpuMeter;
import network.ohc.care.bench.support.JitWarmup;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.core.signal.SignalEmitter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One benchmark run in this process: (1) the baseline, plain INSERT + COMMIT of the same JSON; (2) signals
 * committed through the outbox and delivered to the active subscribers; (3) commit-to-handler latency at a
 * paced 1,000 signals/s. Prints one line per figure, prefixed "RESULT", for the driver script.
 */
@ApplicationScoped
public class BenchRunner {
    @Inject
    SignalEmitter emitter;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "bench.signals", defaultValue = "20000")
    int signals;
    @ConfigProperty(name = "bench.threads", defaultValue = "4")
    int threads;
    @ConfigProperty(name = "bench.subscribers", defaultValue = "1")
    int subscribers;
    @ConfigProperty(name = "bench.per-transaction", defaultValue = "1")
    int perTransaction;
    @ConfigProperty(name = "bench.latency-seconds", defaultValue = "10")
    int latencySeconds;
    @ConfigProperty(name = "bench.rate", defaultValue = "1000")
    int rate;
    /**
     * Transactions through each measured path per warm-up round, so that neither is timed while the JIT compiles it:
     * as many as the measured run's default (smaller rounds left C2 compiling for up to a third of the measured run).
     */
    @ConfigProperty(name = "bench.warmup", defaultValue = "20000")
    int warmup;
    /** At most this many warm-up rounds ({@link JitWarmup}: until a round leaves the JIT nearly idle). */
    @ConfigProperty(name = "bench.warmup-rounds", defaultValue = "10")
    int warmupRounds;

    /** {@code throughput} (the comparison with the baseline and the peer) or {@code soak} ({@link SoakRunner}). */
    @ConfigProperty(name = "bench.mode", defaultValue = "throughput")
    String mode;
    @Inject
    SoakRunner soak;

    void start(@Observes @Priority(1000) StartupEvent event) {
        Thread t = new Thread(() -> {
            int code = 0;
            try {
                if ("soak".equals(mode)) {
                    soak.run();
                } else if ("breakdown".equals(mode)) {
                    breakdown();
                } else {
                    run();
                }
            } catch (Exception e) {
                e.printStackTrace();
                code = 1;
            }
            Quarkus.asyncExit(code);
        }, "bench");
        t.start();
    }

    void run() throws Exception {
        String label = subscribers + " subscriber" + (subscribers == 1 ? "" : "s");
        // Warm-up: both paths, the outbox's until every subscriber has had every signal; rounds until the JIT is quiet.
        String payload = json.writeValueAsString(signal()); // the baseline's row, in warm-up and measured runs alike
        JitWarmup jit = new JitWarmup();
        int rounds = jit.warm(warmupRounds, () -> {
            BenchLoad.baseline(db, payload, warmup, threads, perTransaction);
            careRound(warmup);
        });
        System.out.printf("RESULT warmup_rounds[%s] %d%n", label, rounds);

        // Baseline: the same payload, inserted and committed the same way, without the outbox machinery.
        CpuMeter cpu = new CpuMeter(db);
        // Right before each measured path, that path again until the JIT is quiet: switching between the two paths in
        // one JVM deoptimizes shared call sites (type checks that fail), and the recompilation of the path (seen: 1.1 s of
        // compiling Narayana's begin and callInOurTx) would otherwise be timed as part of it.
        jit.warm(4, () -> BenchLoad.baseline(db, payload, warmup / 4, threads, perTransaction));
        long compiled = jit.compileMillis();
        cpu.start();
        double baseline = BenchLoad.baseline(db, payload, signals, threads, perTransaction);
        CpuMeter.Spent baselineCpu = cpu.stop();
        System.out.printf("RESULT baseline_insert_commit_per_s %.0f%n", baseline);
        System.out.printf("RESULT baseline_cpu_jvm_us_per_signal %.1f%n", baselineCpu.jvmNanos() / 1e3 / signals);
        System.out.printf("RESULT baseline_cpu_db_us_per_signal %.1f%n", baselineCpu.dbNanos() / 1e3 / signals);
        System.out.printf("RESULT baseline_jit_ms %d%n", jit.compileMillis() - compiled);
        jit.warm(4, () -> careRound(warmup / 4));
        long firstPosition = BenchState.SEEN.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        compiled = jit.compileMillis();

        // Throughput: commit through the outbox; delivered when every active subscriber has seen every signal.
        long before = totalDelivered();
        System.err.printf("%s measured run starts%n", java.time.LocalTime.now());
        cpu.start();
        long started = System.nanoTime();
        double committed = perTransaction * BenchLoad.timed(threads, signals / perTransaction, careOp);
        long expected = before + (long) signals * subscribers;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (totalDelivered() < expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        if (totalDelivered() < expected) {
            List<Long> missing = new ArrayList<>();
            for (long p = firstPosition; p < firstPosition + signals; p++) {
                if (!BenchState.SEEN.contains(p)) {
                    missing.add(p);
                }
            }
            System.out.println("RESULT-ERROR undelivered positions " + missing);
            throw new IllegalStateException("not every signal was delivered");
        }
        CpuMeter.Spent careCpu = cpu.stop(); // up to a few ms of polling for the last delivery included
        System.err.printf("%s measured run ends%n", java.time.LocalTime.now());
        double delivered = signals / ((BenchState.lastDeliveryNanos - started) / 1e9);
        System.out.printf("RESULT committed_per_s[%s] %.0f%n", label, committed);
        System.out.printf("RESULT delivered_per_s[%s] %.0f%n", label, delivered);
        System.out.printf("RESULT committed_vs_baseline[%s] %.2f%n", label, committed / baseline);
        System.out.printf("RESULT cpu_jvm_us_per_signal[%s] %.1f%n", label, careCpu.jvmNanos() / 1e3 / signals);
        System.out.printf("RESULT cpu_db_us_per_signal[%s] %.1f%n", label, careCpu.dbNanos() / 1e3 / signals);
        System.out.printf("RESULT jit_ms[%s] %d%n", label, jit.compileMillis() - compiled);

        // Latency at a steady rate, one signal per transaction: from the commit's return on the writer's thread to the
        // handler, per subscriber.
        BenchState.LATENCIES.clear();
        BenchState.HANDLED.clear();
        BenchState.recordHandled = true;
        int sent = BenchLoad.paced(rate, latencySeconds, () -> {
            FacilityUpdated s = signal();
            QuarkusTransaction.requiringNew().run(() -> emitter.emit(s));
            BenchState.COMMITTED_AT.put(s.envelope().signalId(), System.nanoTime());
        });
        long want = (long) sent * subscribers;
        deadline = System.nanoTime() + 60_000_000_000L;
        while (BenchState.HANDLED.size() < want && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        BenchState.recordHandled = false;
        List<Long> lat = new ArrayList<>();
        int early = 0;
        for (BenchState.Handled h : BenchState.HANDLED) {
            Long committedAt = BenchState.COMMITTED_AT.get(h.signal());
            if (committedAt != null) {
                long l = h.at() - committedAt;
                if (l < 0) {
                    early++;
                }
                lat.add(Math.max(0, l));
            }
        }
        lat.sort(Long::compare);
        double achieved = sent / (double) latencySeconds;
        System.out.printf("RESULT paced_rate_per_s[%s] %.0f%n", label, achieved);
        System.out.printf("RESULT latency_samples[%s] %d%n", label, lat.size());
        System.out.printf("RESULT latency_before_commit_returned[%s] %d%n", label, early);
        System.out.printf("RESULT latency_p50_ms[%s] %.2f%n", label, BenchLoad.percentileMillis(lat, 0.50));
        System.out.printf("RESULT latency_p99_ms[%s] %.2f%n", label, BenchLoad.percentileMillis(lat, 0.99));
    }

    /**
     * Where a signal's commit costs more than the baseline's (bench.mode=breakdown, BENCH_MODE=breakdown): the baseline,
     * the outbox row alone in plain JDBC, the baseline's row in a JTA transaction, and a signal through the outbox,
     * alternately, {@code rounds} times, in this process.
     */
    void breakdown() throws Exception {
        String payload = json.writeValueAsString(signal());
        String outboxInsert = """
                INSERT INTO core.signal_outbox (seq, tx_id, signal_id, type, schema_version, aggregate_type, aggregate_id,
                    facility_id, occurred_at, actor, correlation_id, payload)
                OVERRIDING SYSTEM VALUE
                SELECT nextval('core.signal_outbox_seq_seq'), x.id, ?, ?, ?, ?, ?, ?, cast(? AS timestamptz), ?, ?, cast(? AS jsonb)
                FROM (SELECT pg_current_xact_id() AS id OFFSET 0) x
                RETURNING seq""";
        CpuMeter cpu = new CpuMeter(db);
        for (int round = 0; round < 2; round++) {
            cpu.start();
            System.out.printf("RESULT breakdown_baseline_per_s %.0f%n", BenchLoad.baseline(db, payload, signals, threads, 1));
            System.out.printf("RESULT breakdown_baseline_cpu_us_jvm_db_total %s%n", cpu.stop().perUnitMicros(signals));
            cpu.start();
            System.out.printf("RESULT breakdown_outbox_row_plain_jdbc_per_s %.0f%n", BenchLoad.timed(threads, signals, () -> {
                FacilityUpdated s = signal();
                try (java.sql.Connection c = db.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(outboxInsert)) {
                    c.setAutoCommit(false);
                    network.ohc.care.bus.api.SignalOutbox.bind(ps, s.envelope(), json.writeValueAsString(s));
                    ps.executeQuery().close();
                    c.commit();
                }
            }));
            System.out.printf("RESULT breakdown_outbox_row_plain_jdbc_cpu_us_jvm_db_total %s%n", cpu.stop().perUnitMicros(signals));
            cpu.start();
            System.out.printf("RESULT breakdown_baseline_row_in_jta_per_s %.0f%n", BenchLoad.timed(threads, signals,
                    () -> QuarkusTransaction.requiringNew().run(() -> {
                        try (java.sql.Connection c = db.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO public.bench_baseline (payload) VALUES (cast(? AS jsonb))")) {
                            ps.setString(1, payload);
                            ps.executeUpdate();
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    })));
            System.out.printf("RESULT breakdown_baseline_row_in_jta_cpu_us_jvm_db_total %s%n", cpu.stop().perUnitMicros(signals));
            cpu.start();
            System.out.printf("RESULT breakdown_signal_through_outbox_per_s %.0f%n", BenchLoad.timed(threads, signals,
                    () -> QuarkusTransaction.requiringNew().run(() -> emitter.emit(signal()))));
            System.out.printf("RESULT breakdown_signal_through_outbox_cpu_us_jvm_db_total %s%n", cpu.stop().perUnitMicros(signals));
        }
    }

    /**
     * One transaction of {@code perTransaction} signals. One instance for warm-up and measured runs alike: a lambda of
     * another call site is another class, and the JIT deoptimizes the shared call sites it reaches (type checks).
     */
    private final BenchLoad.Op careOp = () -> QuarkusTransaction.requiringNew().run(() -> {
        for (int i = 0; i < perTransaction; i++) {
            emitter.emit(signal());
        }
    });

    /** {@code transactions} untimed through the outbox, until every subscriber had every signal. */
    private void careRound(int transactions) throws Exception {
        long before = totalDelivered();
        BenchLoad.timed(threads, transactions / perTransaction, careOp);
        long warmed = before + (long) (transactions / perTransaction) * perTransaction * subscribers;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (totalDelivered() < warmed && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private long totalDelivered() {
        long sum = 0;
        for (AtomicLong a : BenchState.DELIVERED) {
            sum += a.get();
        }
        return sum;
    }

    private FacilityUpdated signal() {
        return BenchLoad.signal(emitter);
    }
}
