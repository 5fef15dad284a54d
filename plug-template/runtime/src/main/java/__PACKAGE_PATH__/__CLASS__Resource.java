package __PACKAGE__;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plug's endpoints live under /api/v1/plugs/__NAME__/ and use core's authentication. */
@Path("/api/v1/plugs/__NAME__")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plug: __NAME__", description = "__DESCRIPTION__")
public class __CLASS__Resource {
    @Inject
    __CLASS__Config config;
    @Inject
    PlugRuntime care;

    @GET
    @Path("hello")
    public Map<String, Object> hello() throws SQLException {
        long facilities = care.database("__NAME__").transaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM facility_seen")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return Map.of("plug", "__NAME__", "greeting", config.greeting(), "facilitiesSeen", facilities,
                "apiTokenSet", config.apiToken().isPresent());
    }
}
