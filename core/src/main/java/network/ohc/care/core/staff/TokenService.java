package network.ohc.care.core.staff;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues signed JWT access tokens (RS256) with an expiry. */
@ApplicationScoped
public class TokenService {
    public static final String USER = "user";
    public static final String SUPERUSER = "superuser";

    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "care")
    String issuer;

    @ConfigProperty(name = "care.auth.token-lifetime", defaultValue = "PT8H")
    Duration lifetime;

    public StaffDtos.Token issue(StaffUser user) {
        Set<String> groups = new HashSet<>();
        groups.add(USER);
        if (user.superuser) {
            groups.add(SUPERUSER);
        }
        String token = Jwt.issuer(issuer)
                .subject(user.id.toString())
                .upn(user.username)
                .groups(groups)
                .claim("name", user.fullName)
                .expiresIn(lifetime)
                .sign();
        return new StaffDtos.Token(token, "Bearer", lifetime.toSeconds());
    }
}
