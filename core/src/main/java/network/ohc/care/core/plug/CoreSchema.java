package network.ohc.care.core.plug;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Migrates core's schema at start, the first of Care's start-up work (before the plugs' schemas, the admin and the
 * signal bus), in place of Quarkus' Flyway ({@code quarkus.flyway.active=false} in core's configuration, which also
 * keeps Quarkus from building a Flyway at every start). Nothing before it needs the schema: Hibernate ORM only
 * checks the server's version at boot, and the plugs' datasources open no connection before their schemas exist.
 * <p>
 * As for the plugs' schemas ({@link PlugSchemas}), a start whose {@code db/core} files and schema history are those
 * recorded after the last migrate builds no Flyway; anything else goes to Flyway. It reads Quarkus' own keys:
 * {@code quarkus.flyway.migrate-at-start}, {@code clean-at-start} and {@code clean-disabled}.
 */
@ApplicationScoped
public class CoreSchema {
    private static final Logger LOG = Logger.getLogger(CoreSchema.class);
    static final String SCHEMA = "core";
    static final String LOCATION = "db/core";

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.flyway.migrate-at-start", defaultValue = "true")
    boolean migrateAtStart;
    @ConfigProperty(name = "quarkus.flyway.clean-at-start", defaultValue = "false")
    boolean cleanAtStart;
    @ConfigProperty(name = "quarkus.flyway.clean-disabled", defaultValue = "false")
    boolean cleanDisabled;

    void migrate(@Observes @Priority(1) StartupEvent event) throws SQLException {
        migrate();
    }

    /** True when Flyway ran (clean or migrate), false when the shortcut left the schema as it was. */
    boolean migrate() throws SQLException {
        if (!migrateAtStart && !cleanAtStart) {
            return false;
        }
        Optional<String> fingerprint = MigrationFingerprint.of(Thread.currentThread().getContextClassLoader(), LOCATION);
        if (migrateAtStart && !cleanAtStart && fingerprint.isPresent()) {
            try (Connection c = dataSource.getConnection()) {
                if (MigratedSchemas.upToDate(c, Map.of(SCHEMA, fingerprint.get())).contains(SCHEMA)) {
                    PlugRolesCallback.prepareAll(c); // what the callback does after a migrate: a plug may be new
                    LOG.infof("core: schema %s is up to date", SCHEMA);
                    return false;
                }
            }
        }
        Flyway flyway = flyway(dataSource).cleanDisabled(cleanDisabled).load();
        if (cleanAtStart) {
            flyway.clean();
        }
        if (migrateAtStart) {
            var result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.infof("core: schema %s migrated to version %s (%d migration(s) applied)", SCHEMA, result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
            if (fingerprint.isPresent()) {
                try (Connection c = dataSource.getConnection()) {
                    MigratedSchemas.record(c, SCHEMA, fingerprint.get());
                } catch (SQLException e) { // only the next start's shortcut is lost
                    LOG.warnf("core: could not record its migrations' fingerprint: %s", e.getMessage());
                }
            }
        }
        return true;
    }

    /** Core's Flyway, as Quarkus' was configured: schema core, made if missing, then the plugs' roles and schemas. */
    static org.flywaydb.core.api.configuration.FluentConfiguration flyway(javax.sql.DataSource dataSource) {
        return Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations("classpath:" + LOCATION)
                .callbacks(new PlugRolesCallback());
    }
}
