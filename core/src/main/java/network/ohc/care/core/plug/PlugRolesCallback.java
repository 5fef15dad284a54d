package network.ohc.care.core.plug;

import java.sql.Connection;
import java.sql.SQLException;
import network.ohc.care.plug.sdk.PlugDescriptor;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Makes each plug's role and schema right after core's migrations at start (configured as a callback of core's
 * Flyway, {@code quarkus.flyway.callbacks}), so they exist before any plug datasource opens a connection: Quarkus runs
 * the migrations before it starts the persistence units, and a plug unit's connections begin with {@code SET ROLE}.
 */
public class PlugRolesCallback implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection c = context.getConnection();
        try {
            boolean auto = c.getAutoCommit();
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                PlugMigrations migrations = PlugMigrations.of(loader); // the deployment's list, read once for all plugs
                for (PlugDescriptor plug : PlugDescriptor.onClassPath(loader)) {
                    if (plug.persistenceUnit() || migrations.has(plug.name())) {
                        PlugSchemas.prepare(c, plug.name());
                    }
                }
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the plugs' roles and schemas: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "care-plug-roles";
    }
}
