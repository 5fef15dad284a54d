package network.ohc.care.core.plug;

import io.quarkus.security.Authenticated;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plugs in this image, as fixed by {@code ./care build}. */
@Path("/api/v1/plugs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plugs", description = "The plugs built into this image, their versions, health and configuration (secrets redacted).")
public class PlugsResource {
    @Inject
    InstalledPlugs installed;
    @Inject
    Config config;
    @Inject
    SmallRyeHealthReporter health;

    /**
     * {@code health} is DOWN when any of the plug's health checks (named {@code plug-NAME} or {@code plug-NAME-…}) is
     * down, UP when all are up, and NO_CHECKS when the plug declares none.
     */
    public record PlugView(String name, String version, String source, String commit, String artifact, String description,
            String health, Map<String, String> config) {
    }

    @GET
    public List<PlugView> list() {
        JsonObject payload = health.getHealth().getPayload();
        List<PlugView> out = new ArrayList<>();
        for (InstalledPlugs.Plug p : installed.plugs()) {
            out.add(new PlugView(p.name(), p.version(), p.source(), p.commit(), p.artifact(), p.description(),
                    healthOf(p.name(), payload), InstalledPlugs.effectiveConfig(p, config)));
        }
        return out;
    }

    static String healthOf(String plug, JsonObject payload) {
        String status = "NO_CHECKS";
        for (JsonValue v : payload.getJsonArray("checks")) {
            JsonObject check = v.asJsonObject();
            String name = check.getString("name", "");
            if (name.equals("plug-" + plug) || name.startsWith("plug-" + plug + "-")) {
                if (!"UP".equals(check.getString("status", ""))) {
                    return "DOWN";
                }
                status = "UP";
            }
        }
        return status;
    }
}
