package network.ohc.care.plugs.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationCheckTest {
    static List<String> check(String sql) {
        return MigrationCheck.checkSql("db/plugs/census/V1__x.sql", sql);
    }

    @Test
    void ownTablesWithForeignKeysToCoreAreFine() {
        assertEquals(List.of(), check("""
                -- census tables; core.location is only referenced
                CREATE TABLE location (
                    id uuid PRIMARY KEY REFERENCES core.location (id),
                    facility_id uuid NOT NULL REFERENCES "core"."facility"(id)
                );
                /* an index on our own table */
                CREATE INDEX location_facility ON location (facility_id);
                INSERT INTO note (text) VALUES ('about core.facility; and more');
                CREATE VIEW beds AS SELECT id FROM location;
                """));
    }

    @Test
    void everyChangeToCoreIsRefusedWithItsLine() {
        List<String> m = check("""
                CREATE TABLE mine (id int);
                ALTER TABLE core.facility ADD COLUMN beds int;
                UPDATE core.location SET name = 'x';
                INSERT INTO core.signal_outbox (signal_id) VALUES (gen_random_uuid());
                DELETE FROM "core".patient;
                CREATE INDEX sneaky ON core.patient (name);
                DROP TABLE core.encounter;
                TRUNCATE core.encounter;
                CREATE TRIGGER t AFTER INSERT ON core.encounter FOR EACH ROW EXECUTE FUNCTION f();
                SET search_path TO core;
                GRANT SELECT ON core.staff_user TO PUBLIC;
                """);
        assertEquals(10, m.size(), m.toString());
        assertEquals("db/plugs/census/V1__x.sql:2: ALTER TABLE on core.facility — a plug may reference core tables (foreign keys, queries) "
                + "but never change them", m.get(0));
        assertTrue(m.get(1).startsWith("db/plugs/census/V1__x.sql:3: UPDATE on core.location"), m.get(1));
        assertTrue(m.get(8).startsWith("db/plugs/census/V1__x.sql:10: SET SEARCH_PATH on core —"), m.get(8));
    }

    @Test
    void statementsSplitOutsideQuotesCommentsAndDollarBodies() {
        List<MigrationCheck.Statement> s = MigrationCheck.statements("""
                -- one; still a comment
                SELECT ';';
                DO $$ BEGIN PERFORM 1; END $$;
                /* two;
                   lines */ SELECT 2
                """);
        assertEquals(3, s.size(), s.toString());
        assertEquals(2, s.get(0).line());
        assertEquals(3, s.get(1).line());
        assertEquals(5, s.get(2).line());
    }
}
