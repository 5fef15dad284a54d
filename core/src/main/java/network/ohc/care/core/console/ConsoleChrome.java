package network.ohc.care.core.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.staff.Access;

/** Builds the page chrome and refuses pages to visitors without a session. */
@RequestScoped
public class ConsoleChrome {
    @Inject
    ConsoleSession session;
    @Inject
    Access access;
    @Inject
    ConsoleNav extraNav;

    /** Throws {@link NotSignedIn} unless the request has a live session. */
    public void requireSession() {
        if (!session.signedIn()) {
            throw new NotSignedIn();
        }
    }

    public Chrome of(Facility facility, String currentHref) {
        requireSession();
        List<Chrome.NavItem> nav = new ArrayList<>();
        nav.add(item("Facilities", ConsoleSession.ROOT, currentHref));
        if (facility != null) {
            String base = ConsoleSession.ROOT + "/facilities/" + facility.id;
            nav.add(item("Wards & beds", base, currentHref));
            nav.add(item("Patients", base + "/patients", currentHref));
            if (access.can(facility.id, network.ohc.care.core.staff.Permission.MANAGE_FACILITY)) {
                nav.add(item("Manage", base + "/manage", currentHref));
            }
            nav.addAll(extraNav.forFacility(facility.id, currentHref));
        }
        if (UserPages.maySeeUsers(access)) {
            nav.add(item("Users", ConsoleSession.ROOT + "/admin/users", currentHref));
        }
        if (access.superuser()) {
            nav.add(item("Plugs", ConsoleSession.ROOT + "/deploy/plugs", currentHref));
            nav.add(item("Signal delivery", ConsoleSession.ROOT + "/deploy/bus", currentHref));
        }
        return new Chrome(true, access.user().id.toString(), access.user().fullName, access.superuser(), session.csrf(),
                facility == null ? null : facility.id.toString(), facility == null ? null : facility.name, nav);
    }

    private static Chrome.NavItem item(String label, String href, String current) {
        return new Chrome.NavItem(label, href, href.equals(current));
    }

    /** The visitor has no (live) session: send them to sign in. */
    public static class NotSignedIn extends RuntimeException {
        public NotSignedIn() {
            super(null, null, false, false);
        }
    }
}
