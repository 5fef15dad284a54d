package network.ohc.care.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Beds in the order a nurse counts them. */
class BedBoardOrderTest {
    @Test
    void numbersCountAsNumbersLeadingZerosAsideAndCaseDoesNotMatter() {
        List<String> names = new ArrayList<>(List.of("Bed 10", "bed 2", "Bed 1", "Bed 002b", "Bed 02a", "Room 1", "Bed 100", "Bed 0"));
        names.sort(BedBoard.NATURAL);
        assertEquals(List.of("Bed 0", "Bed 1", "bed 2", "Bed 02a", "Bed 002b", "Bed 10", "Bed 100", "Room 1"), names);
        assertEquals(0, Integer.signum(BedBoard.compareNatural("Bed 7", "Bed 7")));
        assertEquals(-1, Integer.signum(BedBoard.compareNatural("Bed 9", "Bed 10")));
    }
}
