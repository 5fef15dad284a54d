package network.ohc.care.core.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Optional;
import network.ohc.care.core.common.Audited;

/** A person who signs in: doctors, nurses, staff and administrators. Superusers act in every facility. */
@Entity
@Table(name = "staff_user")
public class StaffUser extends Audited {
    @Column(nullable = false)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    public boolean superuser;

    public boolean active = true;

    /** Raised to end every token issued so far; access tokens carry the value they were issued with. */
    @Column(name = "token_generation", nullable = false)
    public int tokenGeneration;

    @Version
    public long version;

    public static Optional<StaffUser> findByUsername(String username) {
        return find("lower(username) = ?1", username.toLowerCase()).firstResultOptional();
    }
}
