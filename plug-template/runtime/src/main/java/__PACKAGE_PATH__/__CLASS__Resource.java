package __PACKAGE__;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The plug's endpoints live under /api/v1/plugs/__NAME__/ and use core's authentication. */
@Path("/api/v1/plugs/__NAME__")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class __CLASS__Resource {
    @Inject
    __CLASS__Config config;

    @GET
    @Path("hello")
    public Map<String, String> hello() {
        return Map.of("plug", "__NAME__", "greeting", config.greeting());
    }
}
