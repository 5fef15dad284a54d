package network.ohc.care.plug.sdk;

import java.sql.Connection;
import java.sql.SQLException;
import network.ohc.care.bus.contracts.DomainSignal;

/**
 * A plug's own tables. Every plug with migrations in {@code db/plugs/<name>/} (Flyway naming: {@code V1__init.sql})
 * gets a schema {@code plug_<name>} with its own Flyway history, migrated at start. On PostgreSQL its migrations and
 * its connections run as the role {@code care_plug_<name>}, which owns the plug's schema and may read and reference
 * core tables (foreign keys are fine) but not change them.
 */
public interface PlugDatabase {

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The schema holding this plug's tables: {@code plug_<name>} ('-' becomes '_'). */
    String schema();

    /**
     * Runs {@code work} in a transaction as the plug's role, with the plug's schema first on the search path;
     * commits when it returns, rolls back when it throws. Not for use inside a {@code @Transactional} method.
     */
    <T> T transaction(Work<T> work) throws SQLException;

    /**
     * Records a signal of the plug's own (declared in its contract jar with {@code @SignalType(name = "<plug>.<event>")};
     * core's {@code care.*} types are refused) in core's outbox, inside the transaction running on {@code connection}:
     * it is delivered to subscribers after that transaction commits, and never if it rolls back.
     */
    void publish(Connection connection, DomainSignal signal) throws SQLException;

    /** The schema name for a plug: {@code plug_<name>} with '-' as '_'. */
    static String schemaOf(String plug) {
        return "plug_" + plug.replace('-', '_');
    }

    /** The database role a plug runs as: {@code care_plug_<name>} with '-' as '_'. */
    static String roleOf(String plug) {
        return "care_plug_" + plug.replace('-', '_');
    }
}
