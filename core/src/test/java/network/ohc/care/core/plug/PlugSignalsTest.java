package network.ohc.care.core.plug;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.FacilityCreated;
import network.ohc.care.core.TestApi;
import network.ohc.care.plug.sdk.PlugDatabase;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.junit.jupiter.api.Test;

/** A plug publishes its own signals atomically with its own writes, and cannot forge core's. */
@QuarkusTest
class PlugSignalsTest {
    @Inject
    PlugRuntime runtime;
    @Inject
    SampleListener listener;

    long received(String text) {
        return listener.received().stream().filter(s -> s.text().equals(text)).count();
    }

    @Test
    void aCommittedSignalReachesSubscribers() throws SQLException {
        UUID facility = UUID.fromString(TestApi.facility());
        String text = "noted-" + UUID.randomUUID();
        PlugDatabase db = runtime.database("sample");
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO note (facility_id, text) VALUES (?, ?)")) {
                ps.setObject(1, facility);
                ps.setString(2, text);
                ps.executeUpdate();
            }
            Envelope e = runtime.envelope(SampleNoted.class, "Note", UUID.randomUUID(), facility);
            db.publish(c, new SampleNoted(e, facility, text));
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> received(text) == 1);
        SampleNoted got = listener.received().stream().filter(s -> s.text().equals(text)).findFirst().orElseThrow();
        assertEquals("sample.noted", got.envelope().type());
        assertEquals(facility, got.facilityId());
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        UUID facility = UUID.fromString(TestApi.facility());
        String text = "rolled-back-" + UUID.randomUUID();
        PlugDatabase db = runtime.database("sample");
        assertThrows(SQLException.class, () -> db.transaction(c -> {
            db.publish(c, new SampleNoted(runtime.envelope(SampleNoted.class, "Note", UUID.randomUUID(), facility), facility, text));
            try (Statement st = c.createStatement()) {
                st.execute("SELECT 1/0");
            }
            return null;
        }));
        // A later signal from the same plug arrives; the rolled-back one never does.
        String after = "after-" + UUID.randomUUID();
        db.transaction(c -> {
            db.publish(c, new SampleNoted(runtime.envelope(SampleNoted.class, "Note", UUID.randomUUID(), facility), facility, after));
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> received(after) == 1);
        assertEquals(0, received(text));
    }

    @Test
    void aPlugCannotForgeACoreSignal() {
        UUID facility = UUID.fromString(TestApi.facility());
        PlugDatabase db = runtime.database("sample");
        SQLException e = assertThrows(SQLException.class, () -> db.transaction(c -> {
            db.publish(c, new FacilityCreated(runtime.envelope(FacilityCreated.class, "Facility", facility, facility), facility,
                    "Forged", "HOSPITAL", null, null, true));
            return null;
        }));
        assertTrue(e.getMessage().contains("a plug may not publish signal type care.facility.created"), e.getMessage());
    }
}
