package network.ohc.care.plugs.census.tests;

import static network.ohc.care.plug.test.CareHarness.admin;
import static network.ohc.care.plug.test.CareHarness.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import network.ohc.care.plug.test.CareHarness;
import network.ohc.care.plugs.census.contracts.WardOccupancyChanged;
import org.junit.jupiter.api.Test;

/** census publishes its own signal, from its own contract jar, and another subscriber gets it with the bus' guarantees. */
@QuarkusTest
class CensusSignalsTest {
    @Inject
    WardWatcher watcher;

    static void settle() {
        CareHarness.awaitDelivered("census");
        CareHarness.awaitDelivered(WardWatcher.NAME);
    }

    @Test
    void aBedChangePublishesTheWardsNewCountsInOrderWithTheCausesCorrelation() {
        String f = CareHarness.facility();
        CareHarness.Ward w = CareHarness.ward(f, 2);
        String enc = CareHarness.inpatient(f);
        String correlation = UUID.randomUUID().toString();
        as(admin()).header("X-Correlation-Id", correlation).body(Map.of("bedId", w.beds().get(0)))
                .post("/api/v1/encounters/" + enc + "/admit").then().statusCode(200);
        CareHarness.transfer(enc, w.beds().get(1)).statusCode(200);
        CareHarness.discharge(enc).statusCode(200);
        settle();

        List<WardOccupancyChanged> got = watcher.of(w.id());
        // occupied/available after: admit to bed 0; transfer (bed 0 to cleaning, then bed 1 occupied); discharge (bed 1 cleaning)
        assertEquals(List.of("1/1", "0/1", "1/0", "0/0"), got.stream().map(s -> s.occupied() + "/" + s.available()).toList(),
                got.toString());
        got.forEach(s -> assertEquals(2, s.beds()));
        WardOccupancyChanged first = got.get(0);
        assertEquals("census.ward-occupancy-changed", first.envelope().type());
        assertEquals(UUID.fromString(w.id()), first.envelope().aggregateId());
        assertEquals(UUID.fromString(f), first.envelope().facilityId());
        assertEquals(UUID.fromString(w.beds().get(0)), first.bedId());
        assertEquals(correlation, first.envelope().correlationId(), "carries the correlation of the admission that caused it");
        assertEquals("admin", first.envelope().actor());
    }

    @Test
    void aReplayOfCoreSignalsPublishesNothingNew() {
        String f = CareHarness.facility();
        CareHarness.Ward w = CareHarness.ward(f, 1);
        CareHarness.admit(CareHarness.inpatient(f), w.beds().get(0)).statusCode(200);
        settle();
        assertEquals(1, watcher.of(w.id()).size());
        // Census handles at least this test's ward, bed and bed change again.
        CareHarness.replayFrom("census", 0, 3);
        settle();
        assertEquals(1, watcher.of(w.id()).size(), "census applied nothing again, so it said nothing again");
    }
}
