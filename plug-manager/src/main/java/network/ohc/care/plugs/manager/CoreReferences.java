package network.ohc.care.plugs.manager;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds a plug's references to core internals: every class file's constant pool (class references, field and method
 * descriptors, generic signatures) is read for types in {@code network.ohc.care.core} and in the modules core is
 * assembled from (the bus API, engine and store, the embedded PostgreSQL). A plug may use plug-sdk, bus-contracts and
 * Quarkus/Jakarta APIs only; core's classes change without notice between core versions.
 */
final class CoreReferences {
    static final String CORE_PACKAGE = "network/ohc/care/core/";
    private static final Pattern CORE_TYPE =
            Pattern.compile("network/ohc/care/(?:core|bus/api|bus/engine|bus/store|postgres/embedded)/[A-Za-z0-9_$/]+");

    private CoreReferences() {
    }

    /** "class X references core's Y" for every class in {@code jar} referencing a core type, sorted. */
    static List<String> inJar(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.getName().endsWith(".class") || e.getName().startsWith("META-INF/")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                String cls = e.getName().substring(0, e.getName().length() - ".class".length()).replace('/', '.');
                for (String type : inClass(bytes)) {
                    out.add("class " + cls + " references core's " + type);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The core types (dotted names) a class file's constant pool names. */
    static Set<String> inClass(byte[] classFile) throws IOException {
        Set<String> types = new TreeSet<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> {
                    Matcher m = CORE_TYPE.matcher(in.readUTF());
                    while (m.find()) {
                        types.add(m.group().replace('/', '.'));
                    }
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // longs and doubles take two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return types;
    }
}
