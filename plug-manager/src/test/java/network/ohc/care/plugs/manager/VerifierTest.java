package network.ohc.care.plugs.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the manager refuses once it has the plugs' descriptors, before anything is built. */
class VerifierTest {
    static final String F = "plug-config.properties";

    @TempDir
    Path dir;

    /** A plug runtime jar as a plug's build makes it: descriptor, extension marker, and its pom. */
    Path jar(String artifact, String descriptor, String pomDependencies) throws IOException {
        Path jar = dir.resolve(artifact + ".jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(z, PlugDescriptor.PATH, descriptor);
            put(z, "META-INF/quarkus-extension.properties", "deployment-artifact=org.example:" + artifact + "-deployment:1.0.0\n");
            put(z, "META-INF/maven/org.example/" + artifact + "/pom.xml", """
                    <project><groupId>org.example</groupId><artifactId>%s</artifactId><version>1.0.0</version>
                    <properties><jackson.version>2.0.0</jackson.version></properties>
                    <dependencies>%s</dependencies></project>
                    """.formatted(artifact, pomDependencies));
        }
        return jar;
    }

    /** A plug's contract jar (as Maven resolves {@code coords}): census' declares census.ward-occupancy-changed, v1 and v2. */
    Path contractJar(String coords) {
        Path jar = dir.resolve(coords.replace(':', '_') + ".jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(z, "META-INF/care/schemas/index.txt", coords.contains("census") ? "census.ward-occupancy-changed.v1.schema.json\n"
                    + "census.ward-occupancy-changed.v2.schema.json\n" : "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return jar;
    }

    static final String CENSUS_CONTRACTS = "contracts=org.example:care-census-contracts:1.0.0\n";

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    /** The plugs as listed in a plug-config.properties text, resolved to the given descriptors. */
    List<String> verify(String config, Map<String, String> descriptors, Map<String, String> poms, List<String> orderOut)
            throws IOException {
        DeploymentConfig dc = DeploymentConfig.check(LocatedProperties.parse(F, config));
        assertEquals(List.of(), dc.problems());
        List<ResolvedPlug> resolved = new ArrayList<>();
        for (PlugRequest r : dc.enabled()) {
            Path jar = jar("care-" + r.name(), descriptors.get(r.name()), poms.getOrDefault(r.name(), ""));
            PlugDescriptor d = PlugDescriptor.read(jar);
            resolved.add(new ResolvedPlug(r, "org.example:care-" + r.name() + ":" + d.version(), d.deploymentArtifact(), d.version(),
                    null, jar, jar, d, "a", "b"));
        }
        Verifier v = new Verifier(F, "0.1.0-SNAPSHOT", Map.of("com.fasterxml.jackson.core:jackson-databind", "2.19.2"),
                "1.2.0").signalTypes(java.util.Set.of("care.patient.registered", "care.facility.created"))
                .plugSignalTypes(Main.plugSignalTypes(resolved, this::contractJar));
        List<ResolvedPlug> ordered = v.verify(resolved, dc.plugs());
        if (orderOut != null) {
            ordered.forEach(p -> orderOut.add(p.request().name()));
        }
        return v.problems().stream().map(Problem::toString).toList();
    }

    static String descriptor(String name, String extra) {
        return "name=" + name + "\nversion=1.0.0\ncore=[0.1,1)\n" + extra;
    }

    static final String CENSUS = """
            plugs=census
            plug.census.source=path:census
            """;

    @Test
    void aPlugWrittenForAnotherMajorSdkIsRefused() throws IOException {
        assertEquals(List.of(), verify(CENSUS, Map.of("census", descriptor("census", "sdk=[1.0,2)\n")), Map.of(), null));
        assertEquals(List.of(F + ":2: plug.census.version: census 1.0.0 is written for plug SDK [2.0,3), but this Care has plug SDK "
                + "1.2.0; pick a version of the plug made for it"),
                verify(CENSUS, Map.of("census", descriptor("census", "sdk=[2.0,3)\n")), Map.of(), null));
        assertEquals(List.of(F + ":2: plug.census.source: the plug's descriptor is broken: descriptor sdk range 'one' is not a version "
                + "range such as [1.0,2)"), verify(CENSUS, Map.of("census", descriptor("census", "sdk=one\n")), Map.of(), null));
    }

    @Test
    void aMatchingPlugPasses() throws IOException {
        assertEquals(List.of(), verify(CENSUS + "plug.census.config.interval=PT5M\n",
                Map.of("census", descriptor("census", "config.interval.type=duration\n")), Map.of(), null));
    }

    @Test
    void configKeyTheSchemaDoesNotKnow() throws IOException {
        assertEquals(List.of(F + ":3: plug.census.config.intervall: the plug has no setting 'intervall'; did you mean 'interval'?"),
                verify(CENSUS + "plug.census.config.intervall=PT5M\n",
                        Map.of("census", descriptor("census", "config.interval.type=duration\n")), Map.of(), null));
    }

    @Test
    void valueOfTheWrongType() throws IOException {
        assertEquals(List.of(F + ":3: plug.census.config.max-beds: 'ten' must be a whole number (int)"),
                verify(CENSUS + "plug.census.config.max-beds=ten\n",
                        Map.of("census", descriptor("census", "config.max-beds.type=int\n")), Map.of(), null));
    }

    @Test
    void environmentExpressionsAreCheckedAtStartInstead() throws IOException {
        assertEquals(List.of(), verify(CENSUS + "plug.census.config.max-beds=${MAX_BEDS}\n",
                Map.of("census", descriptor("census", "config.max-beds.type=int\n")), Map.of(), null));
    }

    static final String KAFKA = """
            plugs=kafka-export,census
            plug.census.source=path:census
            plug.kafka-export.source=path:kafka-export
            """;
    static final Map<String, String> KAFKA_DESCRIPTORS = Map.of("census", descriptor("census", CENSUS_CONTRACTS), "kafka-export",
            descriptor("kafka-export", """
                    config.bootstrap-servers.type=host-ports
                    config.types.type=signal-types
                    config.sasl.mechanism.type=string
                    config.sasl.password.type=secret
                    config.sasl.password.required-with=sasl.mechanism
                    """));

    @Test
    void signalTypesComeFromTheSchemaIndexOfCoresContractJar() throws IOException {
        Path jar = dir.resolve("care-bus-contracts.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(z, "META-INF/care/schemas/index.txt", "care.facility.created.v1.schema.json\ncare.facility.created.v2.schema.json\n"
                    + "care.encounter.patient-admitted.v1.schema.json\n");
        }
        assertEquals(java.util.Set.of("care.facility.created", "care.encounter.patient-admitted"), Main.signalTypes(jar));
        assertEquals(java.util.Set.of(), Main.signalTypes(dir.resolve("absent.jar")));
    }

    @Test
    void kafkaSettingsThatFitPass() throws IOException {
        assertEquals(List.of(), verify(KAFKA + """
                plug.kafka-export.config.bootstrap-servers=kafka-1.example.org:9092, 10.0.0.7:9093,[::1]:9094
                plug.kafka-export.config.types=care.patient.registered, census.ward-occupancy-changed
                plug.kafka-export.config.sasl.mechanism=SCRAM-SHA-512
                plug.kafka-export.config.sasl.password=${KAFKA_PASSWORD}
                """, KAFKA_DESCRIPTORS, Map.of(), null));
    }

    @Test
    void aPlugsTypeIsTakenWhenThePlugsContractJarDeclaresItAndThePlugIsInTheBuild() throws IOException {
        assertEquals(List.of(), verify(KAFKA + "plug.kafka-export.config.types=census.ward-occupancy-changed\n", KAFKA_DESCRIPTORS,
                Map.of(), null));
        assertEquals(List.of(F + ":4: plug.kafka-export.config.types: unknown signal type 'census.ward-occupancy-chnaged': the contract "
                + "jar of census declares census.ward-occupancy-changed; did you mean 'census.ward-occupancy-changed'?"),
                verify(KAFKA + "plug.kafka-export.config.types=care.patient.registered,census.ward-occupancy-chnaged\n",
                        KAFKA_DESCRIPTORS, Map.of(), null));
        assertEquals(List.of(F + ":4: plug.kafka-export.config.types: unknown signal type 'labs.result-ready'; valid: "
                + "care.facility.created, care.patient.registered, census.ward-occupancy-changed"),
                verify(KAFKA + "plug.kafka-export.config.types=labs.result-ready\n", KAFKA_DESCRIPTORS, Map.of(), null));
    }

    @Test
    void aPlugsTypeIsRefusedWhenThePlugIsDisabledOrDeclaresNoContracts() throws IOException {
        assertEquals(List.of(F + ":5: plug.kafka-export.config.types: 'census.ward-occupancy-changed' would be a signal type of the "
                + "plug census, which is disabled (plug.census.enabled=false)"),
                verify(KAFKA + "plug.census.enabled=false\nplug.kafka-export.config.types=census.ward-occupancy-changed\n",
                        KAFKA_DESCRIPTORS, Map.of(), null));
        Map<String, String> noContracts = new java.util.HashMap<>(KAFKA_DESCRIPTORS);
        noContracts.put("census", descriptor("census", ""));
        assertEquals(List.of(F + ":4: plug.kafka-export.config.types: unknown signal type 'census.ward-occupancy-changed': census "
                + "declares no signal types (its descriptor names no contract jar, key contracts)"),
                verify(KAFKA + "plug.kafka-export.config.types=census.ward-occupancy-changed\n", noContracts, Map.of(), null));
        Map<String, String> broken = new java.util.HashMap<>(KAFKA_DESCRIPTORS);
        broken.put("census", descriptor("census", "contracts=care-census-contracts\n"));
        assertEquals(F + ":2: plug.census.source: the plug's descriptor is broken: descriptor contracts 'care-census-contracts' is "
                + "not groupId:artifactId:version", verify(KAFKA + "plug.kafka-export.config.types=*\n", broken, Map.of(), null).get(0));
    }

    @Test
    void malformedBootstrapList() throws IOException {
        assertEquals(List.of(F + ":4: plug.kafka-export.config.bootstrap-servers: 'kafka-1:9092;kafka-2' must be host:port[,host:port...]; "
                + "'kafka-1:9092;kafka-2' is not host:port (host-ports)"),
                verify(KAFKA + "plug.kafka-export.config.bootstrap-servers=kafka-1:9092;kafka-2\n", KAFKA_DESCRIPTORS, Map.of(), null));
        assertEquals(List.of(F + ":4: plug.kafka-export.config.bootstrap-servers: 'k:9092,k:99999' must be host:port[,host:port...]; "
                + "'k:99999' is not host:port (host-ports)"),
                verify(KAFKA + "plug.kafka-export.config.bootstrap-servers=k:9092,k:99999\n", KAFKA_DESCRIPTORS, Map.of(), null));
    }

    @Test
    void aCoreOnlyTypeListRefusesAPlugsTypeAndTyposButTakesCoresAndStar() throws IOException {
        Map<String, String> descriptors = Map.of("census", descriptor("census", CENSUS_CONTRACTS), "kafka-export",
                descriptor("kafka-export", "config.types.type=core-signal-types\n"));
        assertEquals(List.of(F + ":4: plug.kafka-export.config.types: 'census.ward-occupancy-changed' is a plug's signal type; "
                + "kafka-export takes core's signal types only"),
                verify(KAFKA + "plug.kafka-export.config.types=care.patient.registered,census.ward-occupancy-changed\n", descriptors,
                        Map.of(), null));
        assertEquals(List.of(F + ":4: plug.kafka-export.config.types: unknown signal type 'care.patient.registred'; "
                + "did you mean 'care.patient.registered'?"),
                verify(KAFKA + "plug.kafka-export.config.types=care.patient.registred\n", descriptors, Map.of(), null));
        assertEquals(List.of(), verify(KAFKA + "plug.kafka-export.config.types=care.patient.registered, care.facility.created\n",
                descriptors, Map.of(), null));
        assertEquals(List.of(), verify(KAFKA + "plug.kafka-export.config.types=*\n", descriptors, Map.of(), null));
    }

    @Test
    void unknownSignalType() throws IOException {
        assertEquals(List.of(F + ":4: plug.kafka-export.config.types: unknown signal type 'care.patient.registred'; "
                + "did you mean 'care.patient.registered'?"),
                verify(KAFKA + "plug.kafka-export.config.types=care.facility.created,care.patient.registred\n", KAFKA_DESCRIPTORS,
                        Map.of(), null));
    }

    @Test
    void secretMissingBesideTheSettingThatNeedsIt() throws IOException {
        assertEquals(List.of(F + ":5: plug.kafka-export.config.sasl.password: required with sasl.mechanism and not set; "
                + "use ${ENV_VAR} so the secret stays out of the file"),
                verify(KAFKA + "plug.kafka-export.config.bootstrap-servers=k:9092\nplug.kafka-export.config.sasl.mechanism=PLAIN\n",
                        KAFKA_DESCRIPTORS, Map.of(), null));
    }

    @Test
    void requiredConfigMissing() throws IOException {
        assertEquals(List.of(F + ":2: plug.census.config.api-key: required by census and not set (the key of the national registry); "
                + "use ${ENV_VAR} so the secret stays out of the file"),
                verify(CENSUS, Map.of("census", descriptor("census", """
                        config.api-key.type=secret
                        config.api-key.required=true
                        config.api-key.description=the key of the national registry
                        """)), Map.of(), null));
    }

    @Test
    void coreRangeNotSatisfied() throws IOException {
        assertEquals(List.of(F + ":2: plug.census.version: census 1.0.0 needs core [2.0,3), but this core is 0.1.0-SNAPSHOT; "
                + "pick a version of the plug made for it"),
                verify(CENSUS, Map.of("census", "name=census\nversion=1.0.0\ncore=[2.0,3)\n"), Map.of(), null));
    }

    @Test
    void artifactIsAnotherPlug() throws IOException {
        assertEquals(List.of(F + ":2: plug.census.source: this artifact is the plug 'webhooks', not 'census'"),
                verify(CENSUS, Map.of("census", descriptor("webhooks", "")), Map.of(), null));
    }

    @Test
    void samePlugListedUnderTwoNames() throws IOException {
        assertEquals(List.of(F + ":3: plug.beds.source: this artifact is the plug 'census', not 'beds'",
                F + ":3: plug.beds.source: plugs 'census' and 'beds' are the same plug ('census'); list it once"),
                verify(CENSUS.replace("plugs=census", "plugs=census,beds") + "plug.beds.source=path:census2\n",
                        Map.of("census", descriptor("census", ""), "beds", descriptor("census", "")), Map.of(), null));
    }

    @Test
    void requiredPlugMissing() throws IOException {
        assertEquals(List.of(F + ":2: plugs: census needs the plug 'webhooks' [1.0,2), which is not in this deployment: add it to 'plugs'"),
                verify(CENSUS, Map.of("census", descriptor("census", "requires=webhooks@[1.0,2)\n")), Map.of(), null));
    }

    @Test
    void requiredPlugDisabled() throws IOException {
        assertEquals(List.of(F + ":2: plugs: census needs the plug 'webhooks', which is disabled (plug.webhooks.enabled=false)"),
                verify("""
                        plugs=census,webhooks
                        plug.census.source=path:census
                        plug.webhooks.source=path:webhooks
                        plug.webhooks.enabled=false
                        """, Map.of("census", descriptor("census", "requires=webhooks\n")), Map.of(), null));
    }

    @Test
    void requiredPlugAtTheWrongVersion() throws IOException {
        assertEquals(List.of(F + ":3: plug.webhooks.version: census needs webhooks [2.0,3), but 1.0.0 is configured"),
                verify("""
                        plugs=census,webhooks
                        plug.census.source=path:census
                        plug.webhooks.source=path:webhooks
                        """, Map.of("census", descriptor("census", "requires=webhooks@[2.0,3)\n"),
                        "webhooks", descriptor("webhooks", "")), Map.of(), null));
    }

    @Test
    void requiredPlugsComeFirst() throws IOException {
        List<String> order = new ArrayList<>();
        assertEquals(List.of(), verify("""
                plugs=census,webhooks
                plug.census.source=path:census
                plug.webhooks.source=path:webhooks
                """, Map.of("census", descriptor("census", "requires=webhooks\n"), "webhooks", descriptor("webhooks", "")), Map.of(),
                order));
        assertEquals(List.of("webhooks", "census"), order);
    }

    @Test
    void requirementCycle() throws IOException {
        List<String> m = verify("""
                plugs=census,webhooks
                plug.census.source=path:census
                plug.webhooks.source=path:webhooks
                """, Map.of("census", descriptor("census", "requires=webhooks\n"), "webhooks", descriptor("webhooks", "requires=census\n")),
                Map.of(), null);
        assertEquals(List.of(F + ":2: plugs: plugs require each other in a cycle: census -> webhooks -> census"), m);
    }

    @Test
    void libraryPinnedAtAnotherVersionThanCore() throws IOException {
        String dep = "<dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId>"
                + "<version>${jackson.version}</version></dependency>";
        assertEquals(List.of(F + ":2: plug.census.version: census pins com.fasterxml.jackson.core:jackson-databind:2.0.0 but core uses "
                + "2.19.2; the plug must use core's version"),
                verify(CENSUS, Map.of("census", descriptor("census", "")), Map.of("census", dep), null));
    }

    @Test
    void twoPlugsPinningOneLibraryDifferently() throws IOException {
        String a = "<dependency><groupId>org.x</groupId><artifactId>lib</artifactId><version>1.0</version></dependency>";
        String b = "<dependency><groupId>org.x</groupId><artifactId>lib</artifactId><version>2.0</version></dependency>";
        assertEquals(List.of(F + ":3: plug.webhooks.version: webhooks pins org.x:lib:2.0 but census pins 1.0"),
                verify("""
                        plugs=census,webhooks
                        plug.census.source=path:census
                        plug.webhooks.source=path:webhooks
                        """, Map.of("census", descriptor("census", ""), "webhooks", descriptor("webhooks", "")),
                        Map.of("census", a, "webhooks", b), null));
    }

    @Test
    void patternKeysMatchOneNameSegment() throws IOException {
        String d = descriptor("census", "config.endpoint.*.url.type=url\nconfig.endpoint.*.secret.type=secret\n");
        assertEquals(List.of(), verify(CENSUS + "plug.census.config.endpoint.ward-display.url=https://ward.example.org/hook\n"
                + "plug.census.config.endpoint.ward-display.secret=${WARD_SECRET}\n", Map.of("census", d), Map.of(), null));
        assertEquals(List.of(F + ":3: plug.census.config.endpoint.ward.url: 'ftp://x' must be an http:// or https:// URL (url)",
                F + ":4: plug.census.config.endpoint.ward.uri: the plug has no setting 'endpoint.ward.uri'; did you mean 'endpoint.ward.url'?"),
                verify(CENSUS + "plug.census.config.endpoint.ward.url=ftp://x\nplug.census.config.endpoint.ward.uri=https://x\n",
                        Map.of("census", d), Map.of(), null));
    }

    @Test
    void brokenDescriptor() throws IOException {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("census", "name=census\nversion=1.0.0\ncore=one\nconfig.x.type=float\n");
        assertEquals(List.of(
                F + ":2: plug.census.source: the plug's descriptor is broken: descriptor core range 'one' is not a version range such as [0.1,1)",
                F + ":2: plug.census.source: the plug's descriptor is broken: config key 'x' has unknown type 'float'; valid: string, int, "
                        + "boolean, duration, url, secret, class, host-ports, signal-types, core-signal-types"),
                verify(CENSUS, d, Map.of(), null).subList(0, 2));
    }
}
