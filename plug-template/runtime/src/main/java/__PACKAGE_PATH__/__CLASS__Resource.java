package __PACKAGE__;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plug's endpoints live under Plug.API (/api/v1/plugs/__NAME__, from the descriptor) and use core's authentication. */
@Path(Plug.API + "/hello")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plug: " + Plug.NAME, description = "__DESCRIPTION__")
public class __CLASS__Resource {
    @Inject
    __CLASS__Config config;
    @Inject
    PlugRuntime care;

    @GET
    public Map<String, Object> hello() {
        return Map.of("plug", care.plug(), "greeting", config.greeting(), "facilitiesSeen", __CLASS__SeenFacility.count(),
                "apiTokenSet", config.apiToken().isPresent());
    }
}
