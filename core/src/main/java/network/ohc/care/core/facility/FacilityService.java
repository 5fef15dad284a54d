package network.ohc.care.core.facility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityCreated;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.common.Filters;
import network.ohc.care.core.common.PageResult;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.signal.SignalEmitter;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.Permission;

@ApplicationScoped
public class FacilityService {
    @Inject
    Access access;
    @Inject
    SignalEmitter signals;

    @Transactional
    public Facility create(FacilityDtos.CreateFacility in) {
        access.requireSuperuser();
        Facility f = new Facility();
        f.name = in.name().strip();
        f.kind = in.kind();
        f.address = in.address();
        f.district = in.district();
        f.state = in.state();
        f.persistAndFlush();
        signals.emit(new FacilityCreated(signals.envelope(FacilityCreated.class, "Facility", f.id, f.id), f.id, f.name,
                f.kind.name(), f.district, f.state, f.active));
        return f;
    }

    @Transactional
    public Facility update(UUID id, FacilityDtos.UpdateFacility in) {
        Facility f = find(id, Permission.MANAGE_FACILITY);
        if (in.name() != null) {
            f.name = in.name().strip();
        }
        if (in.kind() != null) {
            f.kind = in.kind();
        }
        if (in.address() != null) {
            f.address = in.address();
        }
        if (in.district() != null) {
            f.district = in.district();
        }
        if (in.state() != null) {
            f.state = in.state();
        }
        if (in.active() != null) {
            f.active = in.active();
        }
        f.persistAndFlush();
        signals.emit(new FacilityUpdated(signals.envelope(FacilityUpdated.class, "Facility", f.id, f.id), f.id, f.name,
                f.kind.name(), f.district, f.state, f.active));
        return f;
    }

    /** The facility if the user may do {@code permission} there; 404 if it does not exist or is not theirs. */
    @Transactional
    public Facility find(UUID id, Permission permission) {
        Facility f = Facility.findById(id);
        if (f == null) {
            throw ProblemException.notFound("facility");
        }
        access.require(id, permission, "facility");
        return f;
    }

    @Transactional
    public PageResult<Facility> list(String name, FacilityKind kind, String district, String state, Boolean active, Paging paging) {
        Filters filters = new Filters()
                .add("lower(name) like :name escape '\\'", "name", name == null ? null : Filters.likePattern(name))
                .add("kind = :kind", "kind", kind)
                .add("lower(district) = :district", "district", district == null ? null : district.toLowerCase())
                .add("lower(state) = :state", "state", state == null ? null : state.toLowerCase())
                .add("active = :active", "active", active);
        if (!access.superuser()) {
            filters.always("id in :mine", "mine", access.facilities().isEmpty() ? java.util.Set.of(new UUID(0, 0)) : access.facilities());
        }
        return paging.apply(Facility.find(filters.query("name, id"), filters.params()));
    }
}
