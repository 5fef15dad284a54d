package network.ohc.care.plug.sdk;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The configuration of each plug's Hibernate ORM persistence unit, derived from the plug descriptors on the class
 * path, so that no plug (and no deployer) writes it. Read at build (the unit and its datasource are fixed into the
 * image) and at run time (the same values). For a plug with {@code persistence-unit=true} and {@code package=P}:
 * <ul>
 * <li>a datasource named after the plug, on the same database and login as core's (it follows
 * {@code quarkus.datasource.jdbc.url}, also when the embedded PostgreSQL sets it at start), whose connections switch to
 * the plug's role and schema when opened ({@code SET ROLE care_plug_x; SET search_path TO plug_x});</li>
 * <li>a persistence unit named after the plug on that datasource, holding the entities of package {@code P} only.</li>
 * </ul>
 * Core's own unit is limited to core's package in core's configuration, so neither sees the other's entities. The
 * ordinal is below every file's (100), so a deployment may still override any of these keys.
 */
public final class PlugPersistenceConfig implements ConfigSource {
    private volatile Map<String, String> values;

    @Override
    public Map<String, String> getProperties() {
        return values();
    }

    @Override
    public Set<String> getPropertyNames() {
        return values().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values().get(propertyName);
    }

    @Override
    public String getName() {
        return "care plug persistence units (from META-INF/care-plug.properties)";
    }

    @Override
    public int getOrdinal() {
        return 90;
    }

    private Map<String, String> values() {
        Map<String, String> v = values;
        if (v == null) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            v = Collections.unmodifiableMap(of(PlugDescriptor.onClassPath(loader == null ? getClass().getClassLoader() : loader)));
            values = v;
        }
        return v;
    }

    /** The keys for these plugs. */
    static Map<String, String> of(List<PlugDescriptor> plugs) {
        Map<String, String> out = new TreeMap<>();
        for (PlugDescriptor plug : plugs) {
            if (!plug.persistenceUnit()) {
                continue;
            }
            String pkg = plug.javaPackage().orElseThrow(() -> new IllegalStateException(
                    "plug " + plug.name() + ": persistence-unit=true needs package=<the package of its entities> in " + PlugDescriptor.RESOURCE));
            String ds = "quarkus.datasource.\"" + plug.name() + "\".";
            out.put(ds + "db-kind", "postgresql");
            out.put(ds + "jdbc.url", "${quarkus.datasource.jdbc.url}");
            out.put(ds + "username", "${quarkus.datasource.username}");
            out.put(ds + "password", "${quarkus.datasource.password:}");
            out.put(ds + "jdbc.new-connection-sql", "SET ROLE " + plug.role() + "; SET search_path TO " + plug.schema());
            out.put(ds + "jdbc.max-size", "${care.plugs.datasource.max-size:8}");
            out.put(ds + "jdbc.acquisition-timeout", "${quarkus.datasource.jdbc.acquisition-timeout:5S}");
            String pu = "quarkus.hibernate-orm.\"" + plug.name() + "\".";
            out.put(pu + "datasource", plug.name());
            out.put(pu + "packages", pkg);
            out.put(pu + "database.default-schema", plug.schema());
            out.put(pu + "schema-management.strategy", "none");
            // The role is made at start (before signals flow), after Hibernate boots: nothing may connect before that.
            out.put(pu + "database.version-check.enabled", "false");
            // The plug's migrations are run by core (PlugSchemas), as the plug's role; Quarkus' Flyway stays off here.
            out.put("quarkus.flyway.\"" + plug.name() + "\".active", "false");
        }
        return out;
    }
}
