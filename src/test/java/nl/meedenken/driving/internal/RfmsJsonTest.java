package nl.meedenken.driving.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming status reader against the first, tree-based one, on class bounds at and around every edge. */
class RfmsJsonTest {

    static final List<String> BOUNDS = List.of("-1e300", "-3.0", "-1.1000000001", "-1.1", "-1.0999999999", "-0.5", "0",
            "0.5", "1.0999999999", "1.1", "3.0", "39.99", "39.9999999995", "40", "43.999", "44", "88", "135.9999999995",
            "136", "140", "156", "1e300", "123456789012345678901234567890");

    static byte[] document(String bound) {
        String status = """
                {"vin":"XLRTEH4300G381174","createdDateTime":"2026-03-02T10:00:00Z","receivedDateTime":"2026-03-02T10:00:04Z",
                 "hrTotalVehicleDistance":1000,"engineTotalFuelUsed":300,
                 "accumulatedData":{"durationWheelbasedSpeedOverZero":50,"durationWheelbasedSpeedZero":5,
                  "vehicleSpeedClass":[{"from":0,"to":4,"seconds":5,"meters":7},{"from":B,"seconds":9,"meters":1000}],
                  "accelerationDuringBrakeClass":[{"to":B,"seconds":11,"meters":2},{"from":-0.1,"to":0.1,"seconds":3}],
                  "accelerationClass":[{"from":B,"seconds":13},{"from":-0.1,"to":0.1,"seconds":30}]}}""".replace("B", bound);
        return ("{\"vehicleStatusResponse\":{\"vehicleStatuses\":[" + status + "]},\"moreDataAvailable\":false,"
                + "\"requestServerDateTime\":\"2026-03-02T10:05:00Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryClassBoundAsTheTreeReaderDid() {
        for (String bound : BOUNDS) {
            RfmsJson.Statuses streamed = RfmsJson.statuses(document(bound));
            RfmsJson.Statuses byTree = RfmsJsonByTree.statuses(document(bound));
            assertThat(streamed.problems()).as(bound).isEqualTo(byTree.problems());
            assertThat(streamed.readings()).as(bound).hasSameSizeAs(byTree.readings());
            for (int i = 0; i < byTree.readings().size(); i++) {
                assertThat(streamed.readings().get(i).counters()).as(bound).isEqualTo(byTree.readings().get(i).counters());
            }
        }
    }

    @Test
    void countsAClassFromFortyTowardsTheFirstSpeedEdgeOnly() {
        long[] c = RfmsJson.statuses(document("40")).readings().get(0).counters();

        assertThat(c[Counters.SPEED_TOTAL_M]).isEqualTo(1007);
        assertThat(c[Counters.SPEED_M]).isEqualTo(1000);
        assertThat(c[Counters.SPEED_M + 1]).isZero();
    }

    @Test
    void refusesAWholeDocumentWithSomethingAfterIt() {
        byte[] document = (new String(document("88"), StandardCharsets.UTF_8) + " {}").getBytes(StandardCharsets.UTF_8);

        RfmsJson.Statuses statuses = RfmsJson.statuses(document);

        assertThat(statuses.readings()).isEmpty();
        assertThat(statuses.problems()).singleElement().satisfies(p -> assertThat(p.detail()).startsWith("not JSON"));
    }
}
