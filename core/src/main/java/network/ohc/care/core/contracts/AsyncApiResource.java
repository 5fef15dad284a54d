package network.ohc.care.core.contracts;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import network.ohc.care.bus.contracts.asyncapi.AsyncApiDocument;
import network.ohc.care.bus.contracts.cloudevents.CloudEvents;
import network.ohc.care.bus.contracts.cloudevents.KafkaTopics;
import network.ohc.care.bus.contracts.schema.Json;
import network.ohc.care.bus.contracts.schema.SchemaResources;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The AsyncAPI 3.0 document of this image's signals, with their JSON Schemas: core's, and those of every plug whose
 * contract jar is in the image. Public, like {@code /q/openapi}: it is the published contract (also in the source
 * repository), holds no data and no secrets, and integrators' code generators fetch it without a staff login.
 */
@Path("/api/v1/bus/asyncapi")
@PermitAll
@ApplicationScoped
@Tag(name = "Signal bus")
public class AsyncApiResource {
    @Inject
    CloudEventsConfig cloudEvents;
    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;
    // The kafka-export plug's topic naming (its keys, read here without depending on the plug).
    @ConfigProperty(name = "plug.kafka-export.config.topic", defaultValue = KafkaTopics.DEFAULT_TOPIC)
    String kafkaTopic;
    @ConfigProperty(name = "plug.kafka-export.config.topic-per-type", defaultValue = "false")
    boolean kafkaTopicPerType;
    @ConfigProperty(name = "plug.kafka-export.config.topic-prefix")
    java.util.Optional<String> kafkaTopicPrefix;

    private volatile String document;

    void check(@Observes StartupEvent event) {
        String problem = CloudEvents.sourceProblem(cloudEvents.source());
        if (problem != null) {
            throw new IllegalStateException("care.cloudevents.source: '" + cloudEvents.source() + "' " + problem
                    + " (give a URI naming this deployment, e.g. https://care.example.org)");
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "AsyncAPI 3.0 document of the signals",
            description = "The channels (in process, Kafka topics, webhooks) and every signal type and version in this image, "
                    + "with its JSON Schema.")
    @APIResponse(responseCode = "200", description = "The AsyncAPI 3.0 document (JSON)")
    @APIResponse(responseCode = "406", description = "The request does not accept application/json")
    public String asyncApi() {
        String doc = document;
        if (doc == null) {
            // Built once: the schemas are resources of the image, fixed at build time.
            doc = Json.write(AsyncApiDocument.build(SchemaResources.load(Thread.currentThread().getContextClassLoader()),
                    new AsyncApiDocument.Options(version, cloudEvents.source(), kafkaTopicPerType
                            ? KafkaTopics.perType(kafkaTopicPrefix.orElse("")) : KafkaTopics.single(kafkaTopic))));
            document = doc;
        }
        return doc;
    }
}
