package nl.meedenken.driving;

import nl.meedenken.driving.internal.RfmsJson;
import nl.meedenken.driving.internal.Telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hand-made rFMS statuses for tests: small enough to work the figures out on paper. */
final class DrivingTestData {

    private DrivingTestData() {
    }

    static String vin() {
        return ("T" + UUID.randomUUID().toString().replace("-", "")).substring(0, 17).toUpperCase();
    }

    static String card() {
        return "NL:TEST" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /**
     * One status: lifetime counters, with speed classes 0–4, 84–88 and 88–92 km/h, braking classes
     * up to −1.1 and −1.1 to −0.9 m/s², and acceleration classes 0.9–1.1 and from 1.1 m/s².
     */
    static String status(String vin, Instant created, String card, long odometer, long fuel, long moving, long idle,
                         long idleFuel, long cruise, long coast, long slowM, long at84M, long at88M, long brakeHardS,
                         long brakeS, long accelHardS, long accelS) {
        String[] parts = card == null ? null : card.split(":", 2);
        String driver = card == null ? "" : """
                "driver1Id": {"tachoDriverIdentification": {"driverIdentification": "%s", "cardIssuingMemberState": "%s",
                  "driverAuthenticationEquipment": "DRIVER_CARD"}},
                """.formatted(parts[1], parts[0]);
        return """
                {"vin": "%s", "triggerType": {"triggerType": "TIMER", "context": "RFMS"},
                 "createdDateTime": "%s", "receivedDateTime": "%s", %s
                 "hrTotalVehicleDistance": %d, "engineTotalFuelUsed": %d, "totalEngineHours": 1000.5,
                 "accumulatedData": {
                   "durationWheelbasedSpeedOverZero": %d, "durationWheelbasedSpeedZero": %d, "fuelWheelbasedSpeedZero": %d,
                   "distanceCruiseControlActive": %d,
                   "drivingWithoutTorqueClass": [{"label": "DRIVING_WITHOUT_TORQUE", "seconds": 10, "meters": %d}],
                   "vehicleSpeedClass": [{"from": 0, "to": 4, "seconds": 100, "meters": %d},
                                         {"from": 84, "to": 88, "seconds": 100, "meters": %d},
                                         {"from": 88, "to": 92, "seconds": 100, "meters": %d}],
                   "accelerationDuringBrakeClass": [{"to": -1.1, "seconds": %d, "meters": 1},
                                                    {"from": -1.1, "to": -0.9, "seconds": %d, "meters": 1}],
                   "accelerationClass": [{"from": 0.9, "to": 1.1, "seconds": %d, "meters": 1},
                                         {"from": 1.1, "seconds": %d, "meters": 1}]
                 }}
                """.formatted(vin, created, created.plusSeconds(5), driver, odometer, fuel, moving, idle, idleFuel, cruise,
                coast, slowM, at84M, at88M, brakeHardS, brakeS, accelS, accelHardS);
    }

    static byte[] document(List<String> statuses) {
        return ("""
                {"vehicleStatusResponse": {"vehicleStatuses": [%s]}, "moreDataAvailable": false,
                 "requestServerDateTime": "2026-01-01T00:00:00Z"}
                """.formatted(String.join(",", statuses))).getBytes(StandardCharsets.UTF_8);
    }

    static Telemetry.Counts take(Telemetry telemetry, String vin, List<String> statuses) {
        telemetry.register(List.of(new RfmsJson.Vehicle(vin, "Test " + vin.substring(10), null, null)));
        RfmsJson.Statuses parsed = RfmsJson.statuses(document(statuses));
        long run = telemetry.open(Telemetry.Source.CSV, "test");
        Telemetry.Counts counts = telemetry.take(run, parsed.readings(), parsed.problems());
        telemetry.close(run, null);
        return counts;
    }
}
