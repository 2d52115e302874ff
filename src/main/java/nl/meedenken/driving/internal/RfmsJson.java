package nl.meedenken.driving.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rFMS 4.0 response documents. Nothing in a document can make it throw: what cannot be read
 * is returned as a {@link Problem}, one per status where the status itself can be told apart.
 */
public final class RfmsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Statuses(List<Reading> readings, List<Problem> problems, boolean moreDataAvailable,
                           Instant requestServerDateTime, Instant lastReceived) {
    }

    public record Vehicle(String vin, String name, String brand, String model) {
    }

    public record Vehicles(List<Vehicle> vehicles, List<Problem> problems, boolean moreDataAvailable) {
    }

    public record Position(String vin, Instant created, Instant received, double latitude, double longitude,
                           Double speed) {
    }

    public record Positions(List<Position> positions, List<Problem> problems, boolean moreDataAvailable,
                            Instant requestServerDateTime, Instant lastReceived) {
    }

    private RfmsJson() {
    }

    /**
     * Reads a status document as a stream: only the fields a {@link Reading} needs are looked at, and
     * the class histograms are summed as they pass, without building a tree of the document (which
     * took most of the time of an import). The document is read to its end before anything is
     * returned, so a document that breaks off or has a syntax error anywhere yields one problem and
     * no readings, as a document that is not JSON should.
     */
    public static Statuses statuses(byte[] document) {
        List<Reading> readings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (document == null || document.length == 0) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "empty document"));
            return new Statuses(readings, problems, false, null, null);
        }
        StatusDocument root;
        try (JsonParser parser = JSON.createParser(document)) {
            root = StatusDocument.read(parser);
        } catch (JacksonException | IllegalArgumentException e) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "not JSON: " + firstLine(e.getMessage())));
            return new Statuses(readings, problems, false, null, null);
        } catch (StackOverflowError e) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "nested too deeply"));
            return new Statuses(readings, problems, false, null, null);
        }
        if (root == null) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "the document is not a JSON object"));
            return new Statuses(readings, problems, false, null, null);
        }
        if (root.statuses == null) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "vehicleStatusResponse.vehicleStatuses is not a list"));
            return new Statuses(readings, problems, false, instant(root.serverTime), null);
        }
        Instant lastReceived = null;
        for (StatusParts status : root.statuses) {
            try {
                Reading reading = status.reading();
                readings.add(reading);
                lastReceived = later(lastReceived, reading.received());
            } catch (Unreadable e) {
                problems.add(new Problem(Problem.Reason.MALFORMED, status.object ? textOf(status.vin) : null, e.getMessage()));
                lastReceived = later(lastReceived, status.object ? instant(status.received) : null);
            }
        }
        return new Statuses(readings, problems, root.more != null && root.more.asBoolean(false), instant(root.serverTime),
                lastReceived);
    }

    public static Vehicles vehicles(byte[] document) {
        List<Vehicle> vehicles = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode root = tree(document, problems);
        if (root == null) {
            return new Vehicles(vehicles, problems, false);
        }
        JsonNode list = root.path("vehicleResponse").path("vehicles");
        if (!list.isArray()) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "vehicleResponse.vehicles is not a list"));
            return new Vehicles(vehicles, problems, false);
        }
        for (JsonNode vehicle : list) {
            String vin = text(vehicle, "vin");
            if (!validVin(vin)) {
                problems.add(new Problem(Problem.Reason.MALFORMED, vin, "vin missing or not 1 to 17 letters and digits"));
                continue;
            }
            vehicles.add(new Vehicle(vin, clip(text(vehicle, "customerVehicleName"), 100), clip(text(vehicle, "brand"), 40),
                    clip(text(vehicle, "model"), 40)));
        }
        return new Vehicles(vehicles, problems, root.path("moreDataAvailable").asBoolean(false));
    }

    public static Positions positions(byte[] document) {
        List<Position> positions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode root = tree(document, problems);
        if (root == null) {
            return new Positions(positions, problems, false, null, null);
        }
        JsonNode list = root.path("vehiclePositionResponse").path("vehiclePositions");
        if (!list.isArray()) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "vehiclePositionResponse.vehiclePositions is not a list"));
            return new Positions(positions, problems, false, instant(root.get("requestServerDateTime")), null);
        }
        Instant lastReceived = null;
        for (JsonNode node : list) {
            String vin = text(node, "vin");
            Instant created = instant(node.get("createdDateTime"));
            Instant received = instant(node.get("receivedDateTime"));
            JsonNode gnss = node.path("gnssPosition");
            JsonNode lat = gnss.get("latitude");
            JsonNode lon = gnss.get("longitude");
            if (!validVin(vin) || created == null || lat == null || lon == null || !lat.isNumber() || !lon.isNumber()
                    || Math.abs(lat.asDouble()) > 90 || Math.abs(lon.asDouble()) > 180) {
                problems.add(new Problem(Problem.Reason.MALFORMED, vin, "position without vin, time or valid coordinates"));
                continue;
            }
            JsonNode speed = node.get("wheelBasedSpeed");
            positions.add(new Position(vin, created, received == null ? created : received, lat.asDouble(), lon.asDouble(),
                    speed != null && speed.isNumber() ? speed.asDouble() : null));
            lastReceived = later(lastReceived, received == null ? created : received);
        }
        return new Positions(positions, problems, root.path("moreDataAvailable").asBoolean(false),
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

    /** The parts of a status document a reading needs, gathered in one pass; null when the root is no object. */
    private static final class StatusDocument {
        List<StatusParts> statuses;
        JsonNode more;
        JsonNode serverTime;

        static StatusDocument read(JsonParser p) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                if (first != null) {
                    p.skipChildren();
                    end(p);
                }
                return null;
            }
            StatusDocument root = new StatusDocument();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "vehicleStatusResponse" -> {
                        root.statuses = null;
                        if (value != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            continue;
                        }
                        for (String inner = p.nextName(); inner != null; inner = p.nextName()) {
                            JsonToken list = p.nextToken();
                            if (!inner.equals("vehicleStatuses")) {
                                p.skipChildren();
                            } else if (list != JsonToken.START_ARRAY) {
                                root.statuses = null;
                                p.skipChildren();
                            } else {
                                root.statuses = new ArrayList<>();
                                for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                                    root.statuses.add(StatusParts.read(p));
                                }
                            }
                        }
                    }
                    case "moreDataAvailable" -> root.more = p.readValueAsTree();
                    case "requestServerDateTime" -> root.serverTime = p.readValueAsTree();
                    default -> p.skipChildren();
                }
            }
            end(p);
            return root;
        }

        /** Nothing may follow the document's value (as when reading it as a tree). */
        private static void end(JsonParser p) {
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new IllegalArgumentException("trailing token (" + after + ") after the document");
            }
        }
    }

    /** One status as it came, checked in {@link #reading()} in the order that decides which problem is named. */
    private static final class StatusParts {
        boolean object;
        JsonNode vin;
        JsonNode created;
        JsonNode received;
        JsonNode driver;
        Scalar distance = Scalar.ABSENT;
        Scalar fuel = Scalar.ABSENT;
        Accumulated accumulated;

        static StatusParts read(JsonParser p) {
            StatusParts s = new StatusParts();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return s;
            }
            s.object = true;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "vin" -> s.vin = p.readValueAsTree();
                    case "createdDateTime" -> s.created = p.readValueAsTree();
                    case "receivedDateTime" -> s.received = p.readValueAsTree();
                    case "driver1Id" -> s.driver = p.readValueAsTree();
                    case "hrTotalVehicleDistance" -> s.distance = Scalar.read(p);
                    case "engineTotalFuelUsed" -> s.fuel = Scalar.read(p);
                    case "accumulatedData" -> s.accumulated = value == JsonToken.START_OBJECT ? Accumulated.read(p) : skip(p);
                    default -> p.skipChildren();
                }
            }
            return s;
        }

        Reading reading() {
            if (!object) {
                throw new Unreadable("a status is not an object");
            }
            String vin = textOf(this.vin);
            if (!validVin(vin)) {
                throw new Unreadable("vin missing or not 1 to 17 letters and digits");
            }
            Instant createdAt = instant(created);
            if (createdAt == null) {
                throw new Unreadable("createdDateTime missing or not a date-time");
            }
            Instant receivedAt = instant(received);
            long[] c = new long[Counters.SIZE];
            c[Counters.ODOMETER_M] = distance.count("hrTotalVehicleDistance", true);
            c[Counters.FUEL_ML] = fuel.count("engineTotalFuelUsed", true);
            Accumulated acc = accumulated;
            if (acc == null) {
                throw new Unreadable("accumulatedData missing");
            }
            c[Counters.MOVING_S] = acc.moving.count("durationWheelbasedSpeedOverZero", true);
            c[Counters.IDLE_S] = acc.idle.count("durationWheelbasedSpeedZero", true);
            c[Counters.IDLE_FUEL_ML] = acc.idleFuel.count("fuelWheelbasedSpeedZero", false);
            c[Counters.CRUISE_M] = acc.cruise.count("distanceCruiseControlActive", false);
            for (ClassItem label : acc.coast.items("drivingWithoutTorqueClass")) {
                if ("DRIVING_WITHOUT_TORQUE".equals(label.label.text())) {
                    c[Counters.COAST_M] += label.meters.count("meters", false);
                }
            }
            // a class counts towards the tail of every edge it lies beyond; those edges are always the
            // first k, so each class is put in bucket k and the tails are summed from the top down
            long[] beyond = new long[Counters.SPEED_EDGES + 1];
            for (ClassItem cls : acc.speed.items("vehicleSpeedClass")) {
                long meters = cls.meters.count("meters", false);
                c[Counters.SPEED_TOTAL_M] += meters;
                Double from = cls.from.bound("from");
                if (from != null) {
                    beyond[speedEdgesBelow(from)] += meters;
                }
            }
            long tail = 0;
            for (int i = Counters.SPEED_EDGES - 1; i >= 0; i--) {
                tail += beyond[i + 1];
                c[Counters.SPEED_M + i] += tail;
            }
            for (ClassItem cls : acc.brake.items("accelerationDuringBrakeClass")) {
                long seconds = cls.seconds.count("seconds", false);
                Double to = cls.to.bound("to");
                if (to != null) {
                    for (int i = 0; i < Counters.HARSH_EDGES.length && to <= -Counters.HARSH_EDGES[i] + 1e-9; i++) {
                        c[Counters.BRAKE_S + i] += seconds;
                    }
                }
            }
            for (ClassItem cls : acc.acceleration.items("accelerationClass")) {
                long seconds = cls.seconds.count("seconds", false);
                Double from = cls.from.bound("from");
                if (from != null) {
                    for (int i = 0; i < Counters.HARSH_EDGES.length && from >= Counters.HARSH_EDGES[i] - 1e-9; i++) {
                        c[Counters.ACCEL_S + i] += seconds;
                    }
                }
            }
            for (long value : c) {
                if (value < 0) {
                    throw new Unreadable("a class total overflowed");
                }
            }
            return new Reading(vin, createdAt, receivedAt == null ? createdAt : receivedAt, card(driver), c);
        }

        /** How many speed edges a class from {@code from} km/h lies at or beyond (40, 44, ... with a hair's tolerance). */
        private static int speedEdgesBelow(double from) {
            double estimate = Math.floor((from - Counters.SPEED_FIRST_EDGE) / Counters.SPEED_STEP);
            int k = (int) Math.max(0, Math.min(Counters.SPEED_EDGES, estimate));
            while (k > 0 && !(from >= Counters.SPEED_FIRST_EDGE + Counters.SPEED_STEP * (k - 1) - 1e-9)) {
                k--;
            }
            while (k < Counters.SPEED_EDGES && from >= Counters.SPEED_FIRST_EDGE + Counters.SPEED_STEP * k - 1e-9) {
                k++;
            }
            return k;
        }

        private static Accumulated skip(JsonParser p) {
            p.skipChildren();
            return null;
        }
    }

    private static final class Accumulated {
        Scalar moving = Scalar.ABSENT;
        Scalar idle = Scalar.ABSENT;
        Scalar idleFuel = Scalar.ABSENT;
        Scalar cruise = Scalar.ABSENT;
        ClassList coast = ClassList.ABSENT;
        ClassList speed = ClassList.ABSENT;
        ClassList brake = ClassList.ABSENT;
        ClassList acceleration = ClassList.ABSENT;

        static Accumulated read(JsonParser p) {
            Accumulated a = new Accumulated();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "durationWheelbasedSpeedOverZero" -> a.moving = Scalar.read(p);
                    case "durationWheelbasedSpeedZero" -> a.idle = Scalar.read(p);
                    case "fuelWheelbasedSpeedZero" -> a.idleFuel = Scalar.read(p);
                    case "distanceCruiseControlActive" -> a.cruise = Scalar.read(p);
                    case "drivingWithoutTorqueClass" -> a.coast = ClassList.read(p);
                    case "vehicleSpeedClass" -> a.speed = ClassList.read(p);
                    case "accelerationDuringBrakeClass" -> a.brake = ClassList.read(p);
                    case "accelerationClass" -> a.acceleration = ClassList.read(p);
                    default -> p.skipChildren();
                }
            }
            return a;
        }
    }

    /** A list of classes: absent (or null), something else than a list, or a list of which every item must be an object. */
    private static final class ClassList {
        static final ClassList ABSENT = new ClassList(false, List.of(), false);

        final boolean notAList;
        final List<ClassItem> items;
        final boolean notAllObjects;

        private ClassList(boolean notAList, List<ClassItem> items, boolean notAllObjects) {
            this.notAList = notAList;
            this.items = items;
            this.notAllObjects = notAllObjects;
        }

        static ClassList read(JsonParser p) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return ABSENT;
            }
            if (token != JsonToken.START_ARRAY) {
                p.skipChildren();
                return new ClassList(true, List.of(), false);
            }
            List<ClassItem> items = new ArrayList<>(40);
            boolean notAllObjects = false;
            for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                if (item != JsonToken.START_OBJECT) {
                    notAllObjects = true;
                    p.skipChildren();
                    continue;
                }
                items.add(ClassItem.read(p));
            }
            return new ClassList(false, items, notAllObjects);
        }

        List<ClassItem> items(String field) {
            if (notAList) {
                throw new Unreadable(field + " is not a list");
            }
            if (notAllObjects) {
                throw new Unreadable(field + " holds something that is not an object");
            }
            return items;
        }
    }

    private static final class ClassItem {
        Scalar from = Scalar.ABSENT;
        Scalar to = Scalar.ABSENT;
        Scalar seconds = Scalar.ABSENT;
        Scalar meters = Scalar.ABSENT;
        Scalar label = Scalar.ABSENT;

        static ClassItem read(JsonParser p) {
            ClassItem c = new ClassItem();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "from" -> c.from = Scalar.read(p);
                    case "to" -> c.to = Scalar.read(p);
                    case "seconds" -> c.seconds = Scalar.read(p);
                    case "meters" -> c.meters = Scalar.read(p);
                    case "label" -> c.label = Scalar.read(p);
                    default -> p.skipChildren();
                }
            }
            return c;
        }
    }

    /** One value as the parser saw it: enough to judge it as the tree did (whole number, number, text). */
    private static final class Scalar {
        static final int MISSING = 0, WHOLE = 1, BIG_WHOLE = 2, FRACTION = 3, TEXT = 4, OTHER = 5;
        static final Scalar ABSENT = new Scalar(MISSING, 0, 0, null);
        static final Scalar ANYTHING_ELSE = new Scalar(OTHER, 0, 0, null);

        final int kind;
        final long whole;
        final double number;
        final String text;

        private Scalar(int kind, long whole, double number, String text) {
            this.kind = kind;
            this.whole = whole;
            this.number = number;
            this.text = text;
        }

        static Scalar read(JsonParser p) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return new Scalar(BIG_WHOLE, 0, p.getDoubleValue(), null);
                }
                long value = p.getLongValue();
                return new Scalar(WHOLE, value, value, null);
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                return new Scalar(FRACTION, 0, p.getDoubleValue(), null);
            }
            if (token == JsonToken.VALUE_STRING) {
                return new Scalar(TEXT, 0, 0, p.getString());
            }
            if (token == JsonToken.VALUE_NULL) {
                return ABSENT;
            }
            p.skipChildren();
            return ANYTHING_ELSE;
        }

        long count(String field, boolean required) {
            if (kind == MISSING) {
                if (required) {
                    throw new Unreadable(field + " missing");
                }
                return 0;
            }
            if (kind != WHOLE) {
                throw new Unreadable(field + " is not a whole number");
            }
            if (whole < 0) {
                throw new Unreadable(field + " is negative");
            }
            return whole;
        }

        Double bound(String field) {
            if (kind == MISSING) {
                return null;
            }
            if (kind != WHOLE && kind != BIG_WHOLE && kind != FRACTION || !Double.isFinite(number)) {
                throw new Unreadable("class bound " + field + " is not a number");
            }
            return number;
        }

        String text() {
            return kind == TEXT ? text : null;
        }
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

    /** The text of a value that is text, else null. */
    private static String textOf(JsonNode value) {
        return value != null && value.isString() ? value.asString() : null;
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

    static boolean validVin(String vin) {
        if (vin == null || vin.isEmpty() || vin.length() > 17) {
            return false;
        }
        for (int i = 0; i < vin.length(); i++) {
            char ch = vin.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || b.isBefore(a) ? a : b;
    }

    private static String clip(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
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
