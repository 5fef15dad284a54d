package network.ohc.care.plugs.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {
    @TempDir
    Path dir;

    static ResolvedPlug plug(String name, String spec, String version, String commit, String sha) {
        PlugRequest r = new PlugRequest(name, DeploymentConfig.parseSource(spec), version, true, Map.of(), 1);
        return new ResolvedPlug(r, "org.example:care-" + name + ":" + version, "org.example:care-" + name + "-deployment:" + version,
                version, commit, null, null, null, sha, "d" + sha);
    }

    @Test
    void sameResolutionMatches() throws Exception {
        Path lock = dir.resolve("plugs.lock");
        LockFile.write(lock, List.of(plug("census", "git+file:///r/census", "v1.0.0", "abc", "111")));
        assertEquals(List.of(), LockFile.drift(lock, List.of(plug("census", "git+file:///r/census", "v1.0.0", "abc", "111"))));
    }

    @Test
    void everyDriftIsNamed() throws Exception {
        Path lock = dir.resolve("plugs.lock");
        LockFile.write(lock, List.of(plug("census", "git+file:///r/census", "v1.0.0", "abc", "111"),
                plug("old", "org.example:old", "1.0", null, "9")));
        List<String> drift = LockFile.drift(lock, List.of(plug("census", "git+file:///r/census", "v1.0.0", "def", "222"),
                plug("new", "org.example:new", "1.0", null, "8"))).stream().map(Problem::toString).toList();
        assertEquals(List.of(
                "plugs.lock: census.commit: commit differs from the lock: locked abc, now def",
                "plugs.lock: census.artifact.sha256: the artifact jar's SHA-256 (the artifact was changed or rebuilt differently) differs "
                        + "from the lock: locked 111, now 222",
                "plugs.lock: census.deployment.sha256: the deployment jar's SHA-256 (the artifact was changed or rebuilt differently) "
                        + "differs from the lock: locked d111, now d222",
                "plugs.lock: new: plug 'new' is not in the lock file",
                "plugs.lock: old: plug 'old' is locked but no longer in the deployment"), drift);
    }

    @Test
    void lockedBuildWithoutALock() throws Exception {
        assertEquals(1, LockFile.drift(dir.resolve("plugs.lock"), List.of()).size());
    }
}
