package network.ohc.care.core.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.FacilityRoleGrant;
import network.ohc.care.core.staff.StaffDtos;
import network.ohc.care.core.staff.StaffUser;
import network.ohc.care.core.staff.UserService;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Users: superusers list, create, edit and deactivate them; facility admins create ordinary users (then grant roles on
 * their facility's Manage page); everyone edits their own name and password. The API's /api/v1/users rules apply.
 */
@Path("/console/admin/users")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UserPages {
    @Inject
    @Location("console/users")
    Template list;
    @Inject
    @Location("console/user")
    Template one;
    @Inject
    ConsoleChrome chrome;
    @Inject
    FormActions forms;
    @Inject
    UserService users;
    @Inject
    Access access;
    @Inject
    Validator validator;

    @io.quarkus.qute.TemplateData
    record UserRow(String id, String username, String fullName, boolean superuser, boolean active) {
        static UserRow of(StaffUser u) {
            return new UserRow(u.id.toString(), u.username, u.fullName, u.superuser, u.active);
        }
    }

    @io.quarkus.qute.TemplateData
    record RoleRow(String facilityId, String facility, String role) {
    }

    /** Who may open the users page: superusers and admins of some facility (the API's rule for creating users). */
    static boolean maySeeUsers(Access access) {
        return access.superuser() || access.facilities().stream().anyMatch(f -> access.rolesIn(f).contains(FacilityRole.ADMIN));
    }

    @GET
    public Response page(@QueryParam("username") String username, @QueryParam("created") String created) {
        return forms.page(200, () -> render(username, created, Map.of("username", "", "fullName", ""), FormErrors.none()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm String fullName,
            @RestForm String superuser, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return forms.submit(csrf, () -> {
            StaffUser u = users.create(Forms.valid(validator, new StaffDtos.CreateUser(Forms.text(username), password == null ? "" : password,
                    Forms.text(fullName), superuser != null)));
            return access.superuser() ? ConsoleSession.ROOT + "/admin/users/" + u.id
                    : ConsoleSession.ROOT + "/admin/users?created=" + java.net.URLEncoder.encode(u.username, java.nio.charset.StandardCharsets.UTF_8);
        }, e -> render(null, null, Map.of("username", nz(username), "fullName", nz(fullName)), e));
    }

    @GET
    @Path("{user}")
    public Response user(@PathParam("user") UUID id, @QueryParam("saved") String saved) {
        return forms.page(200, () -> renderUser(id, null, saved != null, FormErrors.none()));
    }

    /** A blank password field keeps the password; the active box is sent only by superusers editing someone else. */
    @POST
    @Path("{user}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("user") UUID id, @RestForm String fullName, @RestForm String password,
            @RestForm String currentPassword, @RestForm String active, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        return forms.submit(csrf, () -> {
            boolean self = access.user().id.equals(id);
            Boolean activeChange = access.superuser() && !self ? Boolean.valueOf(active != null) : null;
            users.update(id, Forms.valid(validator, new StaffDtos.UpdateUser(fullName == null ? "" : fullName.strip(),
                    Forms.text(password) == null ? null : password, activeChange, Forms.text(currentPassword) == null ? null : currentPassword)));
            return ConsoleSession.ROOT + "/admin/users/" + id + "?saved=1";
        }, e -> renderUser(id, fullName, false, e));
    }

    private String render(String username, String created, Map<String, String> typed, FormErrors errors) {
        Chrome c = chrome.of(null, ConsoleSession.ROOT + "/admin/users");
        if (!maySeeUsers(access)) {
            throw ProblemException.forbidden("only superusers and facility admins manage users");
        }
        List<UserRow> rows = access.superuser()
                ? users.list(Forms.text(username), Paging.of(0, Paging.MAX_SIZE)).items().stream().map(UserRow::of).toList()
                : List.of();
        return list.data("chrome", c).data("users", rows).data("username", nz(username)).data("created", created)
                .data("v", typed).data("errors", errors).render();
    }

    private String renderUser(UUID id, String typedName, boolean saved, FormErrors errors) {
        Chrome c = chrome.of(null, "");
        StaffUser u = users.get(id);
        List<RoleRow> roles = FacilityRoleGrant.activeFor(u.id).stream().map(g -> {
            Facility f = Facility.findById(g.facilityId);
            return new RoleRow(g.facilityId.toString(), f == null ? g.facilityId.toString() : f.name, Views.label(g.role));
        }).toList();
        boolean self = access.user().id.equals(id);
        return one.data("chrome", c).data("user", UserRow.of(u)).data("fullName", typedName == null ? u.fullName : typedName)
                .data("roles", roles).data("self", self).data("canSetActive", access.superuser() && !self).data("saved", saved)
                .data("errors", errors).render();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
