package nl.meedenken.driving.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The first status reader, which read each document into a tree: kept as the reference the streaming
 * {@link RfmsJson#statuses} is compared with (same readings, same problems).
 */
final class RfmsJsonByTree {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RfmsJsonByTree() {
    }

    static RfmsJson.Statuses statuses(byte[] document) {
        List<Reading> readings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode root = tree(document, problems);
        if (root == null) {
            return new RfmsJson.Statuses(readings, problems, false, null, null);
        }
        JsonNode list = root.path("vehicleStatusResponse").path("vehicleStatuses");
        if (!list.isArray()) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "vehicleStatusResponse.vehicleStatuses is not a list"));
            return new RfmsJson.Statuses(readings, problems, false, instant(root.get("requestServerDateTime")), null);
        }
        Instant lastReceived = null;
        for (JsonNode status : list) {
            try {
                Reading reading = reading(status);
                readings.add(reading);
                lastReceived = later(lastReceived, reading.received());
            } catch (Unreadable e) {
                problems.add(new Problem(Problem.Reason.MALFORMED, text(status, "vin"), e.getMessage()));
                Instant received = status.isObject() ? instant(status.get("receivedDateTime")) : null;
                lastReceived = later(lastReceived, received);
            }
        }
        return new RfmsJson.Statuses(readings, problems, root.path("moreDataAvailable").asBoolean(false),
                instant(root.get("requestServerDateTime")), lastReceived);
    }

    private static JsonNode tree(byte[] document, List<Problem> problems) {
        if (document == null || document.length == 0) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "empty document"));
            return null;
        }
        try {
            JsonNode root = JSON.readTree(document);
            if (root == null || !root.isObject()) {
                problems.add(new Problem(Problem.Reason.MALFORMED, null, "the document is not a JSON object"));
                return null;
            }
            return root;
        } catch (JacksonException | IllegalArgumentException e) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "not JSON: " + firstLine(e.getMessage())));
            return null;
        } catch (StackOverflowError e) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "nested too deeply"));
            return null;
        }
    }

    private static Reading reading(JsonNode status) {
        if (!status.isObject()) {
            throw new Unreadable("a status is not an object");
        }
        String vin = text(status, "vin");
        if (!RfmsJson.validVin(vin)) {
            throw new Unreadable("vin missing or not 1 to 17 letters and digits");
        }
        Instant created = instant(status.get("createdDateTime"));
        if (created == null) {
            throw new Unreadable("createdDateTime missing or not a date-time");
        }
        Instant received = instant(status.get("receivedDateTime"));
        long[] c = new long[Counters.SIZE];
        c[Counters.ODOMETER_M] = count(status, "hrTotalVehicleDistance", true);
        c[Counters.FUEL_ML] = count(status, "engineTotalFuelUsed", true);
        JsonNode acc = status.get("accumulatedData");
        if (acc == null || !acc.isObject()) {
            throw new Unreadable("accumulatedData missing");
        }
        c[Counters.MOVING_S] = count(acc, "durationWheelbasedSpeedOverZero", true);
        c[Counters.IDLE_S] = count(acc, "durationWheelbasedSpeedZero", true);
        c[Counters.IDLE_FUEL_ML] = count(acc, "fuelWheelbasedSpeedZero", false);
        c[Counters.CRUISE_M] = count(acc, "distanceCruiseControlActive", false);
        for (JsonNode label : list(acc, "drivingWithoutTorqueClass")) {
            if ("DRIVING_WITHOUT_TORQUE".equals(text(label, "label"))) {
                c[Counters.COAST_M] += count(label, "meters", false);
            }
        }
        for (JsonNode cls : list(acc, "vehicleSpeedClass")) {
            long meters = count(cls, "meters", false);
            c[Counters.SPEED_TOTAL_M] += meters;
            Double from = bound(cls, "from");
            if (from != null) {
                for (int i = 0; i < Counters.SPEED_EDGES; i++) {
                    if (from >= Counters.SPEED_FIRST_EDGE + Counters.SPEED_STEP * i - 1e-9) {
                        c[Counters.SPEED_M + i] += meters;
                    }
                }
            }
        }
        for (JsonNode cls : list(acc, "accelerationDuringBrakeClass")) {
            long seconds = count(cls, "seconds", false);
            Double to = bound(cls, "to");
            if (to != null) {
                for (int i = 0; i < Counters.HARSH_EDGES.length; i++) {
                    if (to <= -Counters.HARSH_EDGES[i] + 1e-9) {
                        c[Counters.BRAKE_S + i] += seconds;
                    }
                }
            }
        }
        for (JsonNode cls : list(acc, "accelerationClass")) {
            long seconds = count(cls, "seconds", false);
            Double from = bound(cls, "from");
            if (from != null) {
                for (int i = 0; i < Counters.HARSH_EDGES.length; i++) {
                    if (from >= Counters.HARSH_EDGES[i] - 1e-9) {
                        c[Counters.ACCEL_S + i] += seconds;
                    }
                }
            }
        }
        for (long value : c) {
            if (value < 0) {
                throw new Unreadable("a class total overflowed");
            }
        }
        return new Reading(vin, created, received == null ? created : received, card(status.get("driver1Id")), c);
    }

    private static String card(JsonNode driver) {
        if (driver == null || !driver.isObject()) {
            return null;
        }
        JsonNode tacho = driver.get("tachoDriverIdentification");
        if (tacho == null || !tacho.isObject()) {
            return null;
        }
        String number = text(tacho, "driverIdentification");
        String state = text(tacho, "cardIssuingMemberState");
        if (number == null || number.isBlank()) {
            return null;
        }
        String card = (state == null || state.isBlank() ? "?" : state.strip()) + ":" + number.strip();
        if (card.length() > 40) {
            throw new Unreadable("driver card id longer than 40 characters");
        }
        return card;
    }

    private static Iterable<JsonNode> list(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Unreadable(field + " is not a list");
        }
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new Unreadable(field + " holds something that is not an object");
            }
        }
        return node;
    }

    private static long count(JsonNode parent, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Unreadable(field + " missing");
            }
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new Unreadable(field + " is not a whole number");
        }
        long value = node.asLong();
        if (value < 0) {
            throw new Unreadable(field + " is negative");
        }
        return value;
    }

    private static Double bound(JsonNode cls, String field) {
        JsonNode node = cls.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new Unreadable("class bound " + field + " is not a number");
        }
        return node.asDouble();
    }

    static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static Instant instant(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || b.isBefore(a) ? a : b;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
