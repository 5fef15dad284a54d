package network.ohc.care.plug.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a plug's descriptor ({@value #RESOURCE}) says about its code: the one place its name is written.
 *
 * @param name the plug's name
 * @param javaPackage the package holding the plug's classes ({@code package=}); classes under it belong to the plug,
 *        and its {@code @Entity} classes form the plug's persistence unit
 * @param persistenceUnit whether the plug has a Hibernate ORM persistence unit ({@code persistence-unit=true})
 */
public record PlugDescriptor(String name, Optional<String> javaPackage, boolean persistenceUnit) {
    public static final String RESOURCE = "META-INF/care-plug.properties";

    /** The descriptors of every plug on the class path, in class-path order, each name once. */
    public static List<PlugDescriptor> onClassPath(ClassLoader loader) {
        List<PlugDescriptor> out = new ArrayList<>();
        try {
            for (URL u : Collections.list(loader.getResources(RESOURCE))) {
                Properties p = new Properties();
                try (InputStream in = u.openStream()) {
                    p.load(in);
                }
                String name = p.getProperty("name", "").strip();
                if (!name.isEmpty() && out.stream().noneMatch(d -> d.name().equals(name))) {
                    String pkg = p.getProperty("package", "").strip();
                    out.add(new PlugDescriptor(name, pkg.isEmpty() ? Optional.empty() : Optional.of(pkg),
                            Boolean.parseBoolean(p.getProperty("persistence-unit", "false").strip())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plug descriptors", e);
        }
        return List.copyOf(out);
    }

    /** The plug whose package holds {@code className}, if any. */
    public static Optional<PlugDescriptor> owning(List<PlugDescriptor> plugs, String className) {
        return plugs.stream()
                .filter(d -> d.javaPackage().filter(p -> className.startsWith(p + ".")).isPresent())
                .max((a, b) -> Integer.compare(a.javaPackage().get().length(), b.javaPackage().get().length()));
    }

    /** The plug's schema, {@code plug_<name>}. */
    public String schema() {
        return PlugDatabase.schemaOf(name);
    }

    /** The plug's database role, {@code care_plug_<name>}. */
    public String role() {
        return PlugDatabase.roleOf(name);
    }
}
