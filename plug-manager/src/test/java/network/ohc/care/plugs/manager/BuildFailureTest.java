package network.ohc.care.plugs.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plug build step's failure reads as one line naming the plug, not as Maven's stack trace. */
class BuildFailureTest {
    @TempDir
    Path dir;

    static final String LOG = """
            [ERROR] Failed to execute goal io.quarkus:quarkus-maven-plugin:3.33.2:build (default) on project care-deployment: \
            Failed to build quarkus application: io.quarkus.builder.BuildException: Build failure: Build failed due to errors
            [ERROR] 	[error]: Build step org.example.notes.deployment.NotesProcessor#feature threw an exception: \
            java.lang.IllegalStateException: plug notes: greeting is 5 characters; max-length is 3
            [ERROR] 	at org.example.notes.deployment.NotesProcessor.feature(NotesProcessor.java:31)
            [ERROR] 	[error]: Build step io.quarkus.arc.deployment.ArcProcessor#validate threw an exception: \
            jakarta.enterprise.inject.spi.DeploymentException: Unsatisfied dependency for type Foo
            """;

    @Test
    void eachFailingStepIsOneLineNamingItsPlug() throws IOException {
        Path jar = dir.resolve("notes-deployment.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            z.putNextEntry(new ZipEntry("org/example/notes/deployment/NotesProcessor.class"));
            z.closeEntry();
        }
        BuildFailure.writeDeployments(dir, List.of());
        assertEquals(Map.of(), BuildFailure.readDeployments(dir));
        Files.writeString(dir.resolve(BuildFailure.DEPLOYMENTS), "notes\t" + jar + "\n");
        assertEquals(List.of(
                "plug notes: greeting is 5 characters; max-length is 3 (build step NotesProcessor#feature)",
                "build step io.quarkus.arc.deployment.ArcProcessor#validate: Unsatisfied dependency for type Foo"),
                BuildFailure.explain(LOG, BuildFailure.readDeployments(dir)));
    }

    @Test
    void anyOtherFailureIsItsFirstErrorLine() {
        assertEquals(List.of("the build failed: Could not resolve dependencies for project x"),
                BuildFailure.explain("[INFO] x\n[ERROR] Could not resolve dependencies for project x\n[ERROR] more\n", Map.of()));
    }
}
