package network.ohc.care.core.boot;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import network.ohc.care.core.staff.UserService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure the superuser {@code admin} exists. Its password comes from {@code CARE_ADMIN_PASSWORD}; without
 * one, a random password is generated and printed once, at the start that creates the account.
 */
@ApplicationScoped
public class AdminBootstrap {
    public static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    UserService users;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "care.admin.password")
    Optional<String> password;

    void onStart(@Observes @Priority(10) StartupEvent event) throws SQLException {
        // Every start but a fresh database's first: one query over JDBC. Hibernate's first session (and the bootstrap
        // lock, which another instance's demo data may hold) only when the account is missing.
        if (adminExists()) {
            return;
        }
        String generated = QuarkusTransaction.requiringNew().call(this::ensureAdmin);
        if (generated != null) {
            String line = "=".repeat(64);
            System.out.println(line);
            System.out.println(" Created superuser 'admin' with password: " + generated);
            System.out.println(" It is shown only this once. Set CARE_ADMIN_PASSWORD to choose it.");
            System.out.println(line);
        }
    }

    /** Whether admin exists, read without a transaction or an ORM session. */
    boolean adminExists() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select exists (select 1 from core.staff_user where username = ?)")) {
            ps.setString(1, ADMIN);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Creates admin if missing; returns the generated password, or null. */
    String ensureAdmin() {
        // Instances starting together on one database take turns here.
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('care.bootstrap'))").getSingleResult();
        // SQL, not a query of the entity: parsing the first HQL query cost ~5 % of every start.
        Object exists = Panache.getEntityManager().createNativeQuery("select exists (select 1 from core.staff_user where username = ?1)")
                .setParameter(1, ADMIN).getSingleResult();
        if (Boolean.TRUE.equals(exists)) {
            return null;
        }
        String pw = password.filter(p -> !p.isBlank()).orElse(null);
        boolean generated = pw == null;
        if (generated) {
            pw = randomPassword(20);
        } else if (pw.length() < 10) {
            throw new IllegalStateException("CARE_ADMIN_PASSWORD must be at least 10 characters");
        }
        users.createUnchecked(ADMIN, pw, "Administrator", true);
        if (!generated) {
            LOG.info("Created superuser 'admin' with the password from CARE_ADMIN_PASSWORD");
        }
        return generated ? pw : null;
    }

    static String randomPassword(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
