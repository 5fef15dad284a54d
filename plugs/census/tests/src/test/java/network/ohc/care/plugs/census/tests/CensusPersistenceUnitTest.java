package network.ohc.care.plugs.census.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import network.ohc.care.plugs.census.CensusLocation;
import org.junit.jupiter.api.Test;

/**
 * census' own persistence unit, generated from its descriptor: it holds census' entities only, runs as census' role in
 * census' schema, cannot change core's tables nor see another plug's, and core's unit has no plug entity.
 */
@QuarkusTest
class CensusPersistenceUnitTest {
    @Inject
    @PersistenceUnit("census")
    EntityManagerFactory censusUnit;
    @Inject
    EntityManagerFactory coreUnit;
    @Inject
    EntityManager core;
    @Inject
    AgroalDataSource coreDataSource;

    private static Set<String> entities(EntityManagerFactory unit) {
        return unit.getMetamodel().getEntities().stream().map(EntityType::getJavaType).map(Class::getName).collect(Collectors.toSet());
    }

    @Test
    void censusUnitHoldsCensusEntitiesOnlyAndCoresUnitNone() {
        assertEquals(Set.of(CensusLocation.class.getName()), entities(censusUnit));
        Set<String> coreEntities = entities(coreUnit);
        assertTrue(coreEntities.contains("network.ohc.care.core.location.Location"), coreEntities.toString());
        assertTrue(coreEntities.stream().allMatch(c -> c.startsWith("network.ohc.care.core.")), coreEntities.toString());
    }

    @Test
    void censusQueriesCannotNameCoreEntities() {
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew()
                .call(() -> CensusLocation.getEntityManager().createQuery("SELECT l FROM Location l").getResultList()));
    }

    @Test
    void censusConnectionsRunAsCensusRoleInCensusSchema() {
        Object who = QuarkusTransaction.requiringNew().call(() -> CensusLocation.getEntityManager()
                .createNativeQuery("SELECT current_user || ' ' || current_setting('search_path')").getSingleResult());
        assertEquals("care_plug_census plug_census", who);
    }

    @Test
    void censusUnitCannotChangeCoreTables() {
        Exception e = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> CensusLocation.getEntityManager()
                .createNativeQuery("UPDATE core.facility SET name = name").executeUpdate()));
        assertTrue(chain(e).contains("permission denied"), chain(e));
    }

    @Test
    void censusUnitCannotReadAnotherPlugsTables() throws Exception {
        String other = "probe_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = coreDataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE care_plug_" + other + " NOLOGIN");
            st.execute("CREATE SCHEMA plug_" + other + " AUTHORIZATION care_plug_" + other);
            st.execute("CREATE TABLE plug_" + other + ".secret (id int)");
        }
        try {
            Exception e = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().call(() -> CensusLocation.getEntityManager()
                    .createNativeQuery("SELECT count(*) FROM plug_" + other + ".secret").getSingleResult()));
            assertTrue(chain(e).contains("permission denied for schema plug_" + other), chain(e));
        } finally {
            try (Connection c = coreDataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA plug_" + other + " CASCADE");
                st.execute("DROP ROLE care_plug_" + other);
            }
        }
    }

    /**
     * A transaction may use one datasource: census' unit and core's in one transaction are refused (no silent
     * last-resource commit of two non-XA databases). Publishing a signal needs no second one: it goes on census' connection.
     */
    @Test
    void oneTransactionCannotMixCensusAndCoreDatasources() {
        Exception e = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            CensusLocation.count();
            core.createNativeQuery("SELECT 1").getSingleResult();
        }));
        assertFalse(chain(e).isEmpty());
        assertTrue(chain(e).toLowerCase().contains("enlist"), chain(e));
    }

    private static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
        }
        return out.toString();
    }
}
