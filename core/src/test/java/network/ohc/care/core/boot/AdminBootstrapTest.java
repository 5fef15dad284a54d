package network.ohc.care.core.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminBootstrapTest {
    @Inject
    AdminBootstrap bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aStartWithTheAdminPresentOnlyReadsIt() throws Exception {
        assertTrue(bootstrap.adminExists());
        assertFalse(QuarkusTransaction.isActive());
        // Another instance holds the bootstrap lock (creating its admin or demo data): a start whose admin exists goes
        // on without it, as it needs neither the lock nor a transaction (nor an ORM session) to see that.
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            st.execute("select pg_advisory_lock(hashtext('care.bootstrap'))");
            try {
                CompletableFuture<Void> start = CompletableFuture.runAsync(() -> {
                    try {
                        bootstrap.onStart(null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                start.get(20, TimeUnit.SECONDS);
            } finally {
                st.execute("select pg_advisory_unlock(hashtext('care.bootstrap'))");
            }
        }
    }

    @Test
    void theLockedPathStillFindsAnExistingAdmin() {
        assertNull(QuarkusTransaction.requiringNew().call(bootstrap::ensureAdmin), "no second admin, no password printed");
    }
}
