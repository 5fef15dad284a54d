package network.ohc.care.core.plug;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.staff.Access;
import network.ohc.care.plug.sdk.PlugDatabase;
import network.ohc.care.plug.sdk.PlugRuntime;

/** Core's side of the plug SDK. */
@ApplicationScoped
public class CorePlugRuntime implements PlugRuntime {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Access access;

    @Override
    public PlugDatabase database(String plug) {
        return new RoleDatabase(plug);
    }

    @Override
    public void requireRole(UUID facilityId, Set<FacilityRole> roles, String what) {
        if (access.superuser()) {
            return;
        }
        Set<FacilityRole> held = access.rolesIn(facilityId);
        if (held.isEmpty()) {
            throw ProblemException.notFound(what);
        }
        if (held.stream().noneMatch(roles::contains)) {
            throw ProblemException.forbidden("your roles here " + held + " are not among " + roles);
        }
    }

    /** Transactions as the plug's role: SET LOCAL ends with the transaction, so the pooled connection comes back clean. */
    final class RoleDatabase implements PlugDatabase {
        private final String plug;

        RoleDatabase(String plug) {
            this.plug = plug;
        }

        @Override
        public String schema() {
            return PlugDatabase.schemaOf(plug);
        }

        @Override
        public <T> T transaction(Work<T> work) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET LOCAL ROLE " + PlugDatabase.roleOf(plug));
                        st.execute("SET LOCAL search_path TO " + schema());
                    }
                    T out = work.run(c);
                    c.commit();
                    return out;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            }
        }
    }
}
