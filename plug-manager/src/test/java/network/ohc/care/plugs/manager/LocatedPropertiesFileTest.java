package network.ohc.care.plugs.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plug-config.properties as bytes on disk: UTF-8 (with or without a byte order mark) is read, anything else is one located problem. */
class LocatedPropertiesFileTest {
    static final String TEXT = "plugs=census\nplug.census.source=path:plugs/census\nplug.census.config.ward-label=Estación Médica\n";

    @TempDir
    Path dir;

    Path write(byte[] bytes) throws Exception {
        Path f = dir.resolve("plug-config.properties");
        Files.write(f, bytes);
        return f;
    }

    @Test
    void utf8IsRead() throws Exception {
        LocatedProperties p = LocatedProperties.read(write(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), p.problems());
        assertEquals("Estación Médica", p.get("plug.census.config.ward-label").value());
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        LocatedProperties p = LocatedProperties.read(write(withBom));
        assertEquals(List.of(), p.problems());
        assertEquals(List.of("plugs", "plug.census.source", "plug.census.config.ward-label"), List.copyOf(p.entries().keySet()));
    }

    @Test
    void iso88591IsOneProblemWithLineAndColumn() throws Exception {
        LocatedProperties p = LocatedProperties.read(write(TEXT.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(1, p.problems().size());
        assertEquals("plug-config.properties:3: the file is not UTF-8 (byte 0xF3 at column 37); save it as UTF-8, e.g. "
                + "iconv -f ISO-8859-1 -t UTF-8 plug-config.properties > plug-config.properties.utf8 && mv plug-config.properties.utf8 "
                + "plug-config.properties", p.problems().get(0).toString());
        // The check reports it as it reports every other mistake, and nothing more.
        assertEquals(1, DeploymentConfig.check(p).problems().size());
    }

    @Test
    void theCheckCommandExitsWithTheLineNotAStackTrace() throws Exception {
        Path f = write(TEXT.getBytes(StandardCharsets.ISO_8859_1));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        int code;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = Main.run(new String[] {"check", "--config", f.toString()});
        } finally {
            System.setErr(old);
        }
        assertEquals(2, code);
        String out = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, out.lines().filter(l -> l.strip().startsWith("plug-config.properties:3: the file is not UTF-8")).count(), out);
        assertEquals(0, out.lines().filter(l -> l.contains("Exception") || l.strip().startsWith("at ")).count(), out);
    }
}
