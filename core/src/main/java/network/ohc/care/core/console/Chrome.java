package network.ohc.care.core.console;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** What every console page shows around its content: who is signed in, the navigation, the CSRF token for forms. */
@TemplateData
public record Chrome(boolean signedIn, String userId, String userName, boolean superuser, String csrf, String facilityId, String facilityName,
        List<NavItem> nav) {

    @TemplateData
    public record NavItem(String label, String href, boolean current) {
    }

    public static Chrome anonymous() {
        return new Chrome(false, null, null, false, "", null, null, List.of());
    }
}
