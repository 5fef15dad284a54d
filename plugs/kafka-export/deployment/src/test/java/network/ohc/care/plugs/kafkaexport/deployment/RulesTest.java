package network.ohc.care.plugs.kafkaexport.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import network.ohc.care.plugs.kafkaexport.Rules;
import org.junit.jupiter.api.Test;

/** The checks the plug repeats at start for values only known then (${ENV_VAR}). */
class RulesTest {

    @Test
    void bootstrapLists() {
        assertNull(Rules.bootstrapProblem("kafka-1.example.org:9093, 10.0.0.7:9092,[::1]:9094"));
        assertEquals("bootstrap-servers: 'kafka-2' is not host:port", Rules.bootstrapProblem("kafka-1:9092,kafka-2"));
        assertEquals("bootstrap-servers: 'k:70000' has no valid port (1 to 65535)", Rules.bootstrapProblem("k:70000"));
        assertEquals("bootstrap-servers must be set (host:port[,host:port...])", Rules.bootstrapProblem(" "));
    }

    @Test
    void typesSecurityAndSecrets() {
        Set<String> known = Set.of("care.patient.registered", "census.ward-occupancy-changed");
        assertEquals(List.of(), Rules.check("k:9092", List.of("care.patient.registered", "census.ward-occupancy-changed", "*"), known, "now",
                "SASL_SSL", "SCRAM-SHA-512", true));
        assertEquals(List.of("types: unknown signal type 'care.patient.registred' (neither core's nor declared by a contract jar in the build)",
                "start-from must be now or beginning, not 'yesterday'",
                "sasl.mechanism needs security-protocol SASL_SSL or SASL_PLAINTEXT",
                "sasl.password must be set with sasl.mechanism (as ${ENV_VAR})"),
                Rules.check("k:9092", List.of("care.patient.registred"), known, "yesterday", "PLAINTEXT", "PLAIN", false));
        assertEquals(List.of("security-protocol must be one of PLAINTEXT, SASL_PLAINTEXT, SASL_SSL, SSL"),
                Rules.check("k:9092", List.of("*"), known, "beginning", "TLS", null, false));
    }

    @Test
    void theTypesAreCoresAndThoseOfTheContractJarsOnTheClassPath() {
        // This module's class path holds core's contracts only: census' type is unknown here.
        Set<String> names = Rules.typeNames(Rules.catalog());
        assertEquals(true, names.contains("care.patient.registered"));
        assertEquals(false, names.contains("census.ward-occupancy-changed"));
        assertEquals(14, names.size());
    }

    @Test
    void typeFilter() {
        assertEquals(true, Rules.wants(List.of("*"), "care.facility.created"));
        assertEquals(true, Rules.wants(List.of(" care.facility.created"), "care.facility.created"));
        assertEquals(false, Rules.wants(List.of("care.facility.updated"), "care.facility.created"));
    }
}
