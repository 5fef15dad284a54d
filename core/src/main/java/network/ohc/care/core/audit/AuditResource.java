package network.ohc.care.core.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.core.api.Params;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.common.PageResult;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.staff.Access;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read or changed which patient or encounter: superusers see all, a facility's admins see their facilities'.")
public class AuditResource {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Access access;

    public record AuditEntry(long id, Instant at, UUID userId, String username, String action, String recordType, UUID recordId,
            UUID patientId, UUID facilityId, String clientAddress, String outcome, int status, String plug, String query) {
    }

    @GET
    public PageResult<AuditEntry> list(@QueryParam("patientId") String patientId, @QueryParam("userId") String userId,
            @QueryParam("facilityId") String facilityId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) throws SQLException {
        Paging paging = Paging.of(Params.integer("page", page), Params.integer("size", size));
        UUID patient = Params.uuid("patientId", patientId);
        UUID user = Params.uuid("userId", userId);
        UUID facility = Params.uuid("facilityId", facilityId);
        Instant since = Params.instant("from", from);
        Instant until = Params.instant("to", to);
        if (since != null && until != null && until.isBefore(since)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (!access.superuser()) {
            Set<UUID> administered = new HashSet<>();
            for (UUID f : access.facilities()) {
                if (access.rolesIn(f).contains(FacilityRole.ADMIN)) {
                    administered.add(f);
                }
            }
            if (administered.isEmpty()) {
                throw ProblemException.forbidden("only superusers and facility admins may read the audit");
            }
            if (facility != null && !administered.contains(facility)) {
                throw ProblemException.forbidden("you are not an admin of this facility");
            }
            where.append(" AND facility_id = ANY (?)");
            args.add(administered.toArray(UUID[]::new));
        }
        add(where, args, "patient_id = ?", patient);
        add(where, args, "user_id = ?", user);
        add(where, args, "facility_id = ?", facility);
        add(where, args, "at >= ?", since == null ? null : Timestamp.from(since));
        add(where, args, "at < ?", until == null ? null : Timestamp.from(until));
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = prepare(c, "SELECT count(*) FROM core.patient_access_audit" + where, args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<AuditEntry> items = new ArrayList<>();
            String sql = "SELECT id, at, user_id, username, action, record_type, record_id, patient_id, facility_id, client_address,"
                    + " outcome, status, plug, query FROM core.patient_access_audit" + where + " ORDER BY at DESC, id DESC LIMIT "
                    + paging.size() + " OFFSET " + (long) paging.page() * paging.size();
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getObject(8, UUID.class),
                            rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11), rs.getInt(12), rs.getString(13),
                            rs.getString(14)));
                }
            }
            return new PageResult<>(items, paging.page(), paging.size(), total);
        }
    }

    private static void add(StringBuilder where, List<Object> args, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            args.add(value);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof UUID[] ids) {
                ps.setArray(i + 1, c.createArrayOf("uuid", ids));
            } else if (arg instanceof UUID) {
                ps.setObject(i + 1, arg, Types.OTHER);
            } else {
                ps.setObject(i + 1, arg);
            }
        }
        return ps;
    }
}
