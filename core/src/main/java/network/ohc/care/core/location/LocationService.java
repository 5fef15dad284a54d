package network.ohc.care.core.location;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.bus.contracts.BedStatusChanged;
import network.ohc.care.bus.contracts.LocationCreated;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.bus.contracts.LocationUpdated;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.common.Filters;
import network.ohc.care.core.common.PageResult;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.facility.FacilityService;
import network.ohc.care.core.signal.SignalEmitter;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.Permission;

@ApplicationScoped
public class LocationService {
    @Inject
    Access access;
    @Inject
    FacilityService facilities;
    @Inject
    SignalEmitter signals;

    @Transactional
    public Location create(UUID facilityId, LocationDtos.CreateLocation in) {
        Facility facility = facilities.find(facilityId, Permission.MANAGE_FACILITY);
        if (!facility.active) {
            throw ProblemException.unprocessable("facilityId", "the facility is not active");
        }
        Location l = new Location();
        l.facilityId = facilityId;
        l.kind = in.kind();
        l.name = in.name().strip();
        if (in.kind() == LocationKind.WARD) {
            if (in.parentId() != null) {
                throw ProblemException.unprocessable("parentId", "a ward has no parent");
            }
        } else {
            if (in.parentId() == null) {
                throw ProblemException.unprocessable("parentId", "a " + in.kind().name().toLowerCase() + " needs a parent");
            }
            Location parent = Location.findById(in.parentId());
            if (parent == null || !parent.facilityId.equals(facilityId)) {
                throw ProblemException.unprocessable("parentId", "no such location in this facility");
            }
            boolean fits = in.kind() == LocationKind.ROOM ? parent.kind == LocationKind.WARD : parent.kind != LocationKind.BED;
            if (!fits) {
                throw ProblemException.unprocessable("parentId", "a " + in.kind().name().toLowerCase() + " cannot be placed in a "
                        + parent.kind.name().toLowerCase());
            }
            if (!parent.active) {
                throw ProblemException.unprocessable("parentId", "the parent location is not active");
            }
            l.parentId = parent.id;
        }
        if (in.kind() == LocationKind.BED) {
            BedStatus status = in.status() == null ? BedStatus.FREE : in.status();
            if (status == BedStatus.OCCUPIED) {
                throw ProblemException.unprocessable("status", "a bed becomes occupied only by an admission");
            }
            l.bedStatus = status;
        } else if (in.status() != null) {
            throw ProblemException.unprocessable("status", "only beds have a status");
        }
        l.persistAndFlush();
        signals.emit(new LocationCreated(signals.envelope(LocationCreated.class, "Location", l.id, facilityId), l.id, l.parentId,
                l.kind, l.name, l.bedStatus));
        return l;
    }

    @Transactional
    public Location update(UUID facilityId, UUID id, LocationDtos.UpdateLocation in) {
        facilities.find(facilityId, Permission.READ);
        boolean manages = in.name() != null || in.active() != null;
        access.require(facilityId, manages ? Permission.MANAGE_FACILITY : Permission.SET_BED_STATUS, "location");
        if (in.status() != null) {
            access.require(facilityId, Permission.SET_BED_STATUS, "location");
        }
        Location l = Location.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (l == null || !l.facilityId.equals(facilityId)) {
            throw ProblemException.notFound("location");
        }
        boolean changed = false;
        if (in.name() != null && !in.name().strip().equals(l.name)) {
            l.name = in.name().strip();
            changed = true;
        }
        if (in.active() != null && in.active() != l.active) {
            if (!in.active()) {
                if (l.bedStatus == BedStatus.OCCUPIED) {
                    throw ProblemException.conflict("active", "an occupied bed cannot be deactivated");
                }
                if (Location.count("parentId = ?1 and active = true", l.id) > 0) {
                    throw ProblemException.conflict("active", "deactivate the locations inside it first");
                }
            }
            l.active = in.active();
            changed = true;
        }
        if (in.status() != null) {
            setBedStatus(l, in.status());
        }
        if (changed) {
            l.persistAndFlush();
            signals.emit(new LocationUpdated(signals.envelope(LocationUpdated.class, "Location", l.id, facilityId), l.id,
                    l.parentId, l.kind, l.name, l.active));
        }
        return l;
    }

    private void setBedStatus(Location l, BedStatus status) {
        if (l.kind != LocationKind.BED) {
            throw ProblemException.unprocessable("status", "only beds have a status");
        }
        if (status == l.bedStatus) {
            return;
        }
        if (status == BedStatus.OCCUPIED) {
            throw ProblemException.unprocessable("status", "a bed becomes occupied only by an admission");
        }
        if (l.bedStatus == BedStatus.OCCUPIED) {
            throw ProblemException.conflict("status", "the bed is occupied; transfer or discharge the patient first");
        }
        if (!l.active && status == BedStatus.FREE) {
            throw ProblemException.unprocessable("status", "an inactive bed cannot be made free");
        }
        BedStatus previous = l.bedStatus;
        l.bedStatus = status;
        l.persistAndFlush();
        signals.emit(new BedStatusChanged(signals.envelope(BedStatusChanged.class, "Location", l.id, l.facilityId), l.id,
                l.wardId(), previous, status, null));
    }

    @Transactional
    public Location get(UUID facilityId, UUID id) {
        facilities.find(facilityId, Permission.READ);
        Location l = Location.findById(id);
        if (l == null || !l.facilityId.equals(facilityId)) {
            throw ProblemException.notFound("location");
        }
        return l;
    }

    @Transactional
    public PageResult<Location> list(UUID facilityId, LocationKind kind, UUID parentId, BedStatus status, Boolean active,
            String name, Paging paging) {
        facilities.find(facilityId, Permission.READ);
        Filters filters = new Filters()
                .always("facilityId = :facility", "facility", facilityId)
                .add("kind = :kind", "kind", kind)
                .add("parentId = :parent", "parent", parentId)
                .add("bedStatus = :status", "status", status)
                .add("active = :active", "active", active)
                .add("lower(name) like :name escape '\\'", "name", name == null ? null : Filters.likePattern(name));
        return paging.apply(Location.find(filters.query("kind, name, id"), filters.params()));
    }
}
