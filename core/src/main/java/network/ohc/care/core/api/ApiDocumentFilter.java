package network.ohc.care.core.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Makes {@code /q/openapi} a document clients can be generated from, for core and every plug in the image, at build
 * time: readable operation ids ({@link OperationIds}, from the {@code Class_method} ids SmallRye is configured to
 * make) and an explicit {@code security: []} on the operations that need no token, such as login.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {
    /** What {@code quarkus.smallrye-openapi.operation-id-strategy=class-method} makes: {@code FacilityResource_list}. */
    private static final Pattern GENERATED = Pattern.compile("[A-Z][A-Za-z0-9$]*_([A-Za-z0-9]+)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, PathItem> p : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> o : p.getValue().getOperations().entrySet()) {
                Operation op = o.getValue();
                String where = o.getKey() + " " + p.getKey();
                if (op.getOperationId() != null) {
                    Matcher m = GENERATED.matcher(op.getOperationId());
                    if (m.matches()) {
                        op.setOperationId(OperationIds.of(p.getKey(), o.getKey().name(), m.group(1)));
                    }
                    String other = seen.put(op.getOperationId(), where);
                    if (other != null) {
                        throw new IllegalStateException("OpenAPI: operations " + other + " and " + where + " would both be '"
                                + op.getOperationId() + "'; set @Operation(operationId = ...) on one of them");
                    }
                }
                if (op.getSecurity() == null) {
                    // Public (no token needed): say so, rather than leave clients to guess.
                    op.setSecurity(new ArrayList<>());
                }
            }
        }
    }
}
