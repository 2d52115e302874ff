package nl.meedenken.driving.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import static nl.meedenken.driving.internal.RfmsSimulator.*;

/**
 * Writes the simulator's statuses as rFMS 4.0 documents: vehicle statuses with their lifetime counters and
 * class histograms, and vehicle positions, with the paging fields rFMS prescribes.
 */
final class RfmsDocuments {

    private final String[] vins;
    private final List<RfmsSimulator.SimDriver> drivers;
    private final int[] vehicleWeight;

    RfmsDocuments(String[] vins, List<RfmsSimulator.SimDriver> drivers, int[] vehicleWeight) {
        this.vins = vins;
        this.drivers = drivers;
        this.vehicleWeight = vehicleWeight;
    }

    /** A VehicleStatusResponseObject with these statuses; {@code more} when the page was cut. */
    byte[] statuses(List<Status> statuses, boolean more, Instant starttime, Instant stoptime, Instant now) {
        StringBuilder json = new StringBuilder(256 + statuses.size() * 4200)
                .append("{\"vehicleStatusResponse\":{\"vehicleStatuses\":[");
        for (int i = 0; i < statuses.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            status(json, statuses.get(i));
        }
        json.append("]}");
        return end(json, statuses, more, "vehiclestatuses", stoptime, now);
    }

    /** A VehiclePositionResponseObject: the position at each of these statuses. */
    byte[] positions(List<Status> statuses, boolean more, Instant starttime, Instant stoptime, Instant now) {
        StringBuilder json = new StringBuilder(256 + statuses.size() * 400)
                .append("{\"vehiclePositionResponse\":{\"vehiclePositions\":[");
        for (int i = 0; i < statuses.size(); i++) {
            Status s = statuses.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"vin\":\"").append(vins[s.vehicle()]).append("\",");
            trigger(json, s);
            json.append(",\"createdDateTime\":\"").append(s.created()).append("\",\"receivedDateTime\":\"")
                    .append(s.received()).append("\",");
            gnss(json, s);
            json.append(",\"wheelBasedSpeed\":").append(decimal(s.speed())).append(",\"tachographSpeed\":")
                    .append(decimal(s.speed())).append('}');
        }
        json.append("]}");
        return end(json, statuses, more, "vehiclepositions", stoptime, now);
    }

    private static byte[] end(StringBuilder json, List<Status> statuses, boolean more, String resource, Instant stoptime,
                              Instant now) {
        json.append(",\"moreDataAvailable\":").append(more);
        if (more) {
            Instant next = statuses.get(statuses.size() - 1).received().plusSeconds(1);
            json.append(",\"moreDataAvailableLink\":\"/rfms/").append(resource).append("?starttime=").append(next);
            if (stoptime != null) {
                json.append("&stoptime=").append(stoptime);
            }
            json.append('"');
        }
        json.append(",\"requestServerDateTime\":\"").append(now.truncatedTo(ChronoUnit.SECONDS)).append("\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void status(StringBuilder json, Status s) {
        long[] c = s.counters();
        json.append("{\"vin\":\"").append(vins[s.vehicle()]).append("\",");
        trigger(json, s);
        json.append(",\"createdDateTime\":\"").append(s.created()).append("\",\"receivedDateTime\":\"").append(s.received())
                .append("\",\"hrTotalVehicleDistance\":").append(c[ODO]).append(",\"totalEngineHours\":")
                .append(decimal(c[ENGINE_S] / 3600.0));
        if (s.card() >= 0) {
            json.append(",\"driver1Id\":");
            driverId(json, s.card());
        }
        json.append(",\"grossCombinationVehicleWeight\":").append(vehicleWeight[s.vehicle()])
                .append(",\"engineTotalFuelUsed\":").append(c[FUEL])
                .append(",\"accumulatedData\":{\"durationWheelbasedSpeedOverZero\":").append(c[MOVING])
                .append(",\"distanceCruiseControlActive\":").append(c[CRUISE_M])
                .append(",\"durationCruiseControlActive\":").append(c[CRUISE_S])
                .append(",\"durationWheelbasedSpeedZero\":").append(c[IDLE])
                .append(",\"fuelWheelbasedSpeedZero\":").append(c[IDLE_FUEL])
                .append(",\"fuelWheelbasedSpeedOverZero\":").append(c[FUEL] - c[IDLE_FUEL])
                .append(",\"accelerationClass\":[");
        classes(json, ACC_FROM, ACC_TO, c, ACC_S, ACC_M);
        json.append("],\"drivingWithoutTorqueClass\":[{\"label\":\"DRIVING_WITHOUT_TORQUE\",\"seconds\":").append(c[COAST_S])
                .append(",\"meters\":").append(c[COAST_M]).append("}],\"vehicleSpeedClass\":[");
        for (int i = 0; i < SPEED_CLASSES; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"from\":").append(4 * i);
            if (i < SPEED_CLASSES - 1) {
                json.append(",\"to\":").append(4 * i + 4);
            }
            json.append(",\"seconds\":").append(c[SPEED_S + i]).append(",\"meters\":").append(c[SPEED_M + i]).append('}');
        }
        json.append("],\"accelerationDuringBrakeClass\":[");
        classes(json, ACC_FROM, ACC_TO, c, BRAKE_S, BRAKE_M);
        json.append("]},\"snapshotData\":{");
        gnss(json, s);
        boolean engineOn = s.trigger() != Trigger.IGNITION_OFF;
        json.append(",\"wheelBasedSpeed\":").append(decimal(s.speed())).append(",\"tachographSpeed\":")
                .append(decimal(s.speed())).append(",\"engineSpeed\":")
                .append(engineOn ? decimal(s.speed() > 0 ? 1100 + s.speed() * 4 : 620) : "0.0")
                .append(",\"fuelType\":\"1A\",\"fuelLevel1\":").append(decimal(s.fuelLevel()))
                .append(",\"catalystFuelLevel\":").append(decimal(s.fuelLevel() * 0.8 + 12));
        if (s.card() >= 0) {
            json.append(",\"driver1WorkingState\":\"")
                    .append(s.trigger() == Trigger.IGNITION_OFF ? "REST" : s.speed() > 0 ? "DRIVE" : "WORK").append('"');
        }
        json.append(",\"ambientAirTemperature\":").append(decimal(s.temperature())).append(",\"parkingBrakeSwitch\":")
                .append(s.speed() == 0).append("}}");
    }

    private static void classes(StringBuilder json, double[] from, double[] to, long[] c, int seconds, int meters) {
        for (int i = 0; i < from.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('{');
            if (!Double.isNaN(from[i])) {
                json.append("\"from\":").append(from[i]).append(',');
            }
            if (!Double.isNaN(to[i])) {
                json.append("\"to\":").append(to[i]).append(',');
            }
            json.append("\"seconds\":").append(c[seconds + i]).append(",\"meters\":").append(c[meters + i]).append('}');
        }
    }

    private void trigger(StringBuilder json, Status s) {
        json.append("\"triggerType\":{\"triggerType\":\"").append(s.trigger().name()).append("\",\"context\":\"RFMS\"");
        if (s.trigger() == Trigger.DRIVER_LOGIN || s.trigger() == Trigger.DRIVER_LOGOUT) {
            json.append(",\"driverId\":");
            driverId(json, s.driver());
        }
        json.append('}');
    }

    private void driverId(StringBuilder json, int driver) {
        String card = drivers.get(driver).card();
        int colon = card.indexOf(':');
        json.append("{\"tachoDriverIdentification\":{\"driverIdentification\":\"").append(card.substring(colon + 1))
                .append("\",\"cardIssuingMemberState\":\"").append(card, 0, colon)
                .append("\",\"driverAuthenticationEquipment\":\"DRIVER_CARD\",\"cardReplacementIndex\":\"0\"")
                .append(",\"cardRenewalIndex\":\"1\"}}");
    }

    private static void gnss(StringBuilder json, Status s) {
        json.append("\"gnssPosition\":{\"latitude\":").append(String.format(Locale.ROOT, "%.6f", s.latitude()))
                .append(",\"longitude\":").append(String.format(Locale.ROOT, "%.6f", s.longitude()))
                .append(",\"heading\":").append(s.heading()).append(",\"altitude\":").append(s.altitude())
                .append(",\"speed\":").append(decimal(s.speed())).append(",\"positionDateTime\":\"").append(s.created())
                .append("\"}");
    }

    private static String decimal(double value) {
        return Double.toString(Math.round(value * 10) / 10.0);
    }
}
