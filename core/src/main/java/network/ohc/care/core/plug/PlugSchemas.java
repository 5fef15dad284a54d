package network.ohc.care.core.plug;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import network.ohc.care.plug.sdk.PlugDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Gives each plug with migrations its own schema, role and Flyway history, and migrates it at start, before
 * signals flow. The role owns the plug's schema and may read and reference core tables, never change them, so a
 * plug migration that touches core fails here even if it slipped past the build-time check.
 */
@ApplicationScoped
public class PlugSchemas {
    private static final Logger LOG = Logger.getLogger(PlugSchemas.class);
    static final String DESCRIPTOR = "META-INF/care-plug.properties";

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;
    /** Tests start from empty schemas: when core's are cleaned at start, the plugs' are too. */
    @ConfigProperty(name = "quarkus.flyway.clean-at-start", defaultValue = "false")
    boolean cleanAtStart;

    /** Names of the plugs on the class path (each plug jar carries a descriptor). */
    static List<String> plugsOnClassPath() {
        List<String> names = new ArrayList<>();
        try {
            for (URL u : Collections.list(Thread.currentThread().getContextClassLoader().getResources(DESCRIPTOR))) {
                Properties p = new Properties();
                try (InputStream in = u.openStream()) {
                    p.load(in);
                }
                String name = p.getProperty("name", "").strip();
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the plug descriptors", e);
        }
        Collections.sort(names);
        return names;
    }

    void migrate(@Observes @Priority(5) StartupEvent event) throws SQLException {
        PlugMigrations migrations = PlugMigrations.of(Thread.currentThread().getContextClassLoader());
        migrate(migrations, plugsOnClassPath().stream().filter(migrations::has).toList());
    }

    void migrate(List<String> plugs) throws SQLException {
        migrate(PlugMigrations.of(Thread.currentThread().getContextClassLoader()), plugs);
    }

    /**
     * Prepares and migrates the plugs' schemas. A schema whose migrations are those recorded after its last migrate
     * (MigratedSchemas) is left as it is without building a Flyway: a plug's main start cost.
     */
    void migrate(PlugMigrations migrations, List<String> plugs) throws SQLException {
        Map<String, String> fingerprints = new HashMap<>();
        for (String plug : plugs) {
            migrations.fingerprint(plug).ifPresent(f -> fingerprints.put(PlugDatabase.schemaOf(plug), f));
        }
        Set<String> upToDate = Set.of();
        if (!cleanAtStart && !fingerprints.isEmpty()) {
            try (Connection c = dataSource.getConnection()) {
                upToDate = MigratedSchemas.upToDate(c, fingerprints);
            }
        }
        for (String plug : plugs) {
            String schema = PlugDatabase.schemaOf(plug);
            prepare(plug);
            if (upToDate.contains(schema)) {
                LOG.infof("plug %s: schema %s is up to date", plug, schema);
                continue;
            }
            migrate(migrations, plug);
            String fingerprint = fingerprints.get(schema);
            if (fingerprint != null) {
                try (Connection c = dataSource.getConnection()) {
                    MigratedSchemas.record(c, schema, fingerprint);
                } catch (SQLException e) { // only the next start's shortcut is lost
                    LOG.warnf("plug %s: could not record its migrations' fingerprint: %s", plug, e.getMessage());
                }
            }
        }
    }

    /** Role and schema, made once; safe when several instances start together. */
    void prepare(String plug) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            prepare(c, plug);
        }
    }

    static void prepare(Connection c, String plug) throws SQLException {
        String role = PlugDatabase.roleOf(plug);
        String schema = PlugDatabase.schemaOf(plug);
        try (Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SELECT pg_advisory_xact_lock(hashtext('care-plug-schemas'))");
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE " + role
                    + " NOLOGIN; END IF; END $$");
            st.execute("GRANT " + role + " TO CURRENT_USER");
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
            st.execute("GRANT USAGE ON SCHEMA core TO " + role);
            st.execute("GRANT SELECT, REFERENCES ON ALL TABLES IN SCHEMA core TO " + role);
            st.execute("GRANT EXECUTE ON FUNCTION core.publish_plug_signal(uuid, varchar, integer, varchar, uuid, uuid, timestamptz, "
                    + "varchar, varchar, jsonb) TO " + role);
            c.commit();
        }
    }

    /** Flyway for the plug's schema, migrating as the plug's role. */
    static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String plug, String url, String user, String password) {
        return flyway(PlugMigrations.of(Thread.currentThread().getContextClassLoader()), plug, url, user, password);
    }

    /** Flyway for the plug's schema, migrating as the plug's role the migrations {@code migrations} gives it. */
    static org.flywaydb.core.api.configuration.FluentConfiguration flyway(PlugMigrations migrations, String plug, String url, String user,
            String password) {
        String schema = PlugDatabase.schemaOf(plug);
        return migrations.configure(Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(url, user, password)
                .initSql("SET ROLE " + PlugDatabase.roleOf(plug))
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false), plug);
    }

    void migrate(PlugMigrations migrations, String plug) {
        String schema = PlugDatabase.schemaOf(plug);
        Flyway flyway = flyway(migrations, plug, url, user, password.orElse(""))
                .cleanDisabled(!cleanAtStart)
                .load();
        if (cleanAtStart) {
            flyway.clean();
        }
        var result = flyway.migrate();
        if (result.migrationsExecuted == 0) {
            LOG.infof("plug %s: schema %s is up to date", plug, schema);
        } else {
            LOG.infof("plug %s: schema %s migrated to version %s (%d migration(s) applied)", plug, schema, result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }
}
