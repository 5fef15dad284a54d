package network.ohc.care.plugs.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each mistake a deployer can make in plug-config.properties gets exactly one message with file, line, key and a fix. */
class DeploymentConfigTest {
    static final String F = "plug-config.properties";

    static DeploymentConfig check(String text) {
        return DeploymentConfig.check(LocatedProperties.parse(F, text));
    }

    static List<String> messages(String text) {
        return check(text).problems().stream().map(Problem::toString).toList();
    }

    /** Exactly one problem, and it reads {@code expected}. */
    static void one(String text, String expected) {
        List<String> m = messages(text);
        assertEquals(List.of(expected), m);
    }

    @Test
    void aGoodFileHasNoProblems() {
        DeploymentConfig c = check("""
                # the deployment
                plugs=census, webhooks,my-plugin
                repository.internal.url=https://maven.example.org/releases
                plug.my-plugin.source=git+https://github.com/octo/my_plugin.git
                plug.my-plugin.version=v1.0.0
                plug.my-plugin.config.service-api-key=${MY_PLUGIN_API_KEY}
                plug.my-plugin.config.value-1-max=10
                plug.census.source=org.example.care:care-census
                plug.census.version=1.2.0
                plug.webhooks.source=path:plugs/webhooks
                plug.webhooks.enabled=false
                """);
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("census", "webhooks", "my-plugin"), List.copyOf(c.plugs().keySet()));
        assertEquals(List.of("census", "my-plugin"), c.enabled().stream().map(PlugRequest::name).toList());
        assertEquals("${MY_PLUGIN_API_KEY}", c.plugs().get("my-plugin").config().get("service-api-key").value());
        assertEquals(7, c.plugs().get("my-plugin").config().get("value-1-max").line());
        assertEquals("https://maven.example.org/releases", c.repositories().get(0).url());
    }

    @Test
    void noPlugsIsCoreOnly() {
        assertEquals(List.of(), messages("plugs=\n"));
        assertEquals(List.of(), messages("# nothing\n"));
    }

    @Test
    void misspeltAttributeSuggestsTheRightOne() {
        one("""
                plugs=census
                plug.census.source=org.example:census
                plug.census.verison=1.2.0
                """, F + ":3: plug.census.verison: unknown setting 'verison'; did you mean 'version'?");
    }

    @Test
    void misspeltTopLevelKey() {
        List<String> m = messages("""
                plug=census
                plugs=
                """);
        assertEquals(1, m.size());
        assertTrue(m.get(0).startsWith(F + ":1: plug: unknown setting; did you mean 'plugs'?"), m.get(0));
    }

    @Test
    void keyGivenTwice() {
        one("""
                plugs=census
                plug.census.source=org.example:census
                plug.census.version=1.2.0
                plug.census.version=1.3.0
                """, F + ":4: plug.census.version: given twice (first on line 3)");
    }

    @Test
    void settingForAPlugNotListed() {
        one("""
                plugs=census
                plug.census.source=org.example:census
                plug.census.version=1.2.0
                plug.sensus.enabled=true
                """, F + ":4: plug.sensus.enabled: plug 'sensus' is not listed in 'plugs' (line 1); did you mean 'census'?");
    }

    @Test
    void plugListedTwice() {
        one("""
                plugs=census,census
                plug.census.source=org.example:census
                plug.census.version=1.2.0
                """, F + ":1: plugs: plug 'census' is listed twice");
    }

    @Test
    void invalidPlugName() {
        one("plugs=Census_1\n", F + ":1: plugs: 'Census_1' is not a valid plug name: lower-case letters, digits and '-', starting with a letter");
    }

    @Test
    void emptyNameInTheList() {
        one("""
                plugs=census,,
                plug.census.source=path:x
                """.replace(",,", ","), F + ":1: plugs: an empty plug name (two commas, or a trailing comma)");
    }

    @Test
    void missingSource() {
        one("""
                plugs=census
                plug.census.version=1.2.0
                """, F + ":1: plug.census.source: plug 'census' needs a source: group:artifact, git+https://…, git+file://… or path:dir");
    }

    @Test
    void sourceThatIsNoSource() {
        one("""
                plugs=census
                plug.census.source=https://github.com/x/census
                plug.census.version=1.2.0
                """, F + ":2: plug.census.source: 'https://github.com/x/census' is not a source: use group:artifact (Maven), git+https://… or "
                + "git+file://… (git, with a tag or commit as version), or path:dir (a local folder)");
    }

    @Test
    void mavenSourceWithoutVersion() {
        one("""
                plugs=census
                plug.census.source=org.example:census
                """, F + ":2: plug.census.version: plug 'census' needs a version: a Maven version such as 1.2.0");
    }

    @Test
    void gitSourceWithoutVersion() {
        one("""
                plugs=hooks
                plug.hooks.source=git+https://github.com/x/hooks.git
                """, F + ":2: plug.hooks.version: plug 'hooks' needs a version: a git tag or commit");
    }

    @Test
    void pathSourceNeedsNoVersion() {
        assertEquals(List.of(), messages("plugs=hooks\nplug.hooks.source=path:plugs/hooks\n"));
    }

    @Test
    void versionWithSpaces() {
        one("""
                plugs=census
                plug.census.source=org.example:census
                plug.census.version=1.2 final
                """, F + ":3: plug.census.version: '1.2 final' is not a version, tag or commit");
    }

    @Test
    void enabledNotABoolean() {
        one("""
                plugs=census
                plug.census.source=path:census
                plug.census.enabled=yes
                """, F + ":3: plug.census.enabled: 'yes' is not true or false");
    }

    @Test
    void repositoryUrlThatIsNoUrl() {
        one("""
                repository.internal.url=maven.example.org
                """, F + ":1: repository.internal.url: 'maven.example.org' is not a repository URL: use https://…, http://… or file:/…");
    }

    @Test
    void repositoryUnknownSetting() {
        one("repository.internal.uri=https://maven.example.org\n", F + ":1: repository.internal.uri: unknown setting 'uri'; valid: url");
    }

    @Test
    void invalidConfigKey() {
        one("""
                plugs=census
                plug.census.source=path:census
                plug.census.config.Max_Beds=10
                """, F + ":3: plug.census.config.Max_Beds: 'Max_Beds' is not a valid config key: lower-case letters, digits, '.' and '-'");
    }

    @Test
    void lineWithoutValue() {
        one("""
                plugs=census
                plug.census.source
                """.replace("plug.census.source\n", "plug.census.source=path:x\nplug.census.enabled\n"),
                F + ":3: plug.census.enabled: missing '=' and a value");
    }

    @Test
    void everyMistakeIsReportedNotJustTheFirst() {
        List<String> m = messages("""
                plugs=census,webhooks
                plug.census.verison=1
                plug.census.source=org.example:census
                plug.webhooks.enabled=maybe
                """);
        // verison (line 2, and not also "census has no version"); webhooks enabled=maybe; webhooks has no source
        assertEquals(3, m.size(), m.toString());
        assertTrue(m.contains(F + ":2: plug.census.verison: unknown setting 'verison'; did you mean 'version'?"), m.toString());
        assertTrue(m.contains(F + ":4: plug.webhooks.enabled: 'maybe' is not true or false"), m.toString());
    }

    @Test
    void continuationLinesAndColonSeparator() {
        DeploymentConfig c = check("""
                plugs: census, \\
                       webhooks
                plug.census.source=path:census
                plug.webhooks.source=path:webhooks
                """);
        assertEquals(List.of(), c.problems());
        assertEquals(2, c.plugs().size());
    }

    @Test
    void unclosedReferenceIsRefusedWithItsColumn() {
        one("""
                plugs=webhooks
                plug.webhooks.source=path:plugs/webhooks
                plug.webhooks.config.endpoint.a.secret=${REGISTRY_SECRET
                """, F + ":3: plug.webhooks.config.endpoint.a.secret: unclosed '${' at character 1 of the value: write ${NAME} or ${NAME:default}");
        one("""
                plugs=webhooks
                plug.webhooks.source=path:plugs/webhooks
                plug.webhooks.config.endpoint.a.url=https://${HOST:x}/care/${PATH
                """, F + ":3: plug.webhooks.config.endpoint.a.url: unclosed '${' at character 24 of the value: write ${NAME} or ${NAME:default}");
        one("""
                plugs=webhooks
                plug.webhooks.source=path:plugs/webhooks
                plug.webhooks.config.endpoint.a.secret=${}
                """, F + ":3: plug.webhooks.config.endpoint.a.secret: '${}' names no variable: write ${NAME} or ${NAME:default}");
    }

    @Test
    void closedAndNestedReferencesAreFine() {
        assertEquals(List.of(), messages("""
                plugs=webhooks
                plug.webhooks.source=path:plugs/webhooks
                plug.webhooks.config.endpoint.a.secret=${SECRET:${FALLBACK_SECRET}}
                plug.webhooks.config.endpoint.a.url=https://example.org/a}b$c
                """));
    }

    @Test
    void credentialsInAGitUrlAreRefusedAndNeverRepeated() {
        for (String url : List.of("git+https://alice:s3cret-pw@git.example.org/care/plug.git", "git+https://ghp_t0kenvalue@github.com/o/p.git",
                "git+ssh://alice:s3cret-pw@git.example.org/care/plug.git")) {
            List<String> m = messages("plugs=p\nplug.p.source=" + url + "\nplug.p.version=v1\n");
            assertEquals(1, m.size(), m.toString());
            assertTrue(m.get(0).startsWith(F + ":2: plug.p.source: '"), m.get(0));
            assertTrue(m.get(0).contains("***@") && m.get(0).contains("credential helper") && m.get(0).contains("plugs.lock"), m.get(0));
            assertFalse(m.get(0).contains("s3cret") || m.get(0).contains("t0ken") || m.get(0).contains("alice"), m.get(0));
        }
        // ssh with a user name and no password is how git over ssh logs in: no secret there.
        assertEquals(List.of(), messages("plugs=p\nplug.p.source=git+ssh://git@git.example.org/care/plug.git\nplug.p.version=v1\n"));
    }

    @Test
    void credentialsInARepositoryUrlPointToSettingsXml() {
        List<String> m = messages("plugs=\nrepository.internal.url=https://deployer:s3cret@maven.example.org/releases\n");
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).startsWith(F + ":2: repository.internal.url: 'https://***@maven.example.org/releases' holds credentials"), m.get(0));
        assertTrue(m.get(0).contains("settings.xml"), m.get(0));
        assertFalse(m.get(0).contains("s3cret"), m.get(0));
    }

    @Test
    void unicodeEscapesAreReadAsJavaReadsThem() {
        DeploymentConfig c = check("plugs=census\nplug.census.source=path:plugs/census\nplug.census.config.ward-label=Stati\\u00f3n\n");
        assertEquals(List.of(), c.problems());
        assertEquals("Statión", c.plugs().get("census").config().get("ward-label").value());
        one("plugs=census\nplug.census.source=path:plugs/census\nplug.census.config.ward-label=bad\\u00g1\n",
                F + ":3: plug.census.config.ward-label: a \\u escape needs four hex digits, as in \\u00e9");
    }
}
