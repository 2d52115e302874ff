package nl.meedenken.driving.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of damaged rFMS status documents, made from valid simulator pages: fields deleted or of
 * the wrong type, negative and huge numbers, cut-off and random bytes, statuses repeated, counters
 * going down, unknown VINs, deep nesting, impossible dates. Whatever comes in: no exception, every
 * status is either taken in or counted as a problem, no interval is negative, and no vehicle gets
 * more distance, fuel, time or harsh seconds than the undamaged documents hold. Each document is
 * also read by the first, tree-based reader ({@link RfmsJsonByTree}): the streaming reader must
 * read exactly the same.
 */
@SpringBootTest
class RfmsFuzzTest {

    static final int DOCUMENTS = 2000;
    static final int PAGE = 20;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Damage {
        DELETE, RETYPE, NEGATIVE, HUGE, BACKWARDS, REPEAT, UNKNOWN_VIN, BAD_DATE, NO_LIST, TRUNCATE, RANDOM_BYTES, DEEP_NESTING
    }

    @Autowired
    Telemetry telemetry;
    @Autowired
    JdbcClient jdbc;

    final Random random = new Random(20260302L);

    @Test
    void damagedDocumentsNeverCrashTheIngestNorCountAnythingTwice() {
        // the simulator's trucks under VINs of this test, so nothing else in the database is touched
        RfmsSimulator simulator = new RfmsSimulator(4242L,
                LocalDate.now(DrivingRecords.LOCAL).minusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        Map<String, String> rename = new HashMap<>();
        for (RfmsSimulator.SimVehicle v : simulator.vehicles()) {
            String vin = TelemetryTest.freshVin();
            rename.put(v.vin(), vin);
            telemetry.register(List.of(new RfmsJson.Vehicle(vin, "fuzz", null, null)));
        }
        List<String> originals = new ArrayList<>();
        Instant start = simulator.firstDay().atStartOfDay(DrivingRecords.LOCAL).toInstant();
        Instant end = start.plus(Duration.ofDays(14));
        while (true) {
            String page = new String(simulator.statusesDocument(start, end, PAGE, end), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : rename.entrySet()) {
                page = page.replace(e.getKey(), e.getValue());
            }
            originals.add(page);
            RfmsJson.Statuses parsed = RfmsJson.statuses(page.getBytes(StandardCharsets.UTF_8));
            if (!parsed.moreDataAvailable()) {
                break;
            }
            start = parsed.lastReceived().plusSeconds(1);
        }
        Map<String, long[]> truth = truth(originals);

        long importId = telemetry.open(Telemetry.Source.RFMS, "RfmsFuzzTest");
        Map<Damage, Integer> applied = new EnumMap<>(Damage.class);
        long seen = 0;
        Telemetry.Counts total = Telemetry.Counts.NONE;
        for (int i = 0; i < DOCUMENTS; i++) {
            int index = i * originals.size() / DOCUMENTS;
            if (random.nextInt(8) == 0) {
                index = Math.max(0, index - 1 - random.nextInt(4)); // now and then an older page again
            }
            byte[] document = damage(originals.get(index), applied);

            RfmsJson.Statuses parsed = RfmsJson.statuses(document);
            sameAsByTree(parsed, RfmsJsonByTree.statuses(document), i);
            int listed = listed(document);
            if (listed >= 0) {
                assertThat(parsed.readings().size() + parsed.problems().size()).as("document %d", i).isEqualTo(listed);
            }
            Telemetry.Counts counts = telemetry.take(importId, parsed.readings(), parsed.problems());
            assertThat(counts.accepted() + counts.refused()).as("document %d", i)
                    .isEqualTo(parsed.readings().size() + parsed.problems().size());
            seen += parsed.readings().size() + parsed.problems().size();
            total = total.plus(counts);
        }
        telemetry.close(importId, null);

        System.out.println("fuzz: " + DOCUMENTS + " documents, damage applied " + applied + ", " + total);
        assertThat(applied.keySet()).containsAll(List.of(Damage.values()));
        assertThat(total.accepted()).isPositive();
        assertThat(List.of(total.duplicates(), total.unknown(), total.backwards(), total.malformed(), total.implausible()))
                .allSatisfy(n -> assertThat(n).isPositive());
        assertThat(jdbc.sql("""
                        select accepted + duplicates + unknown_vehicle + backwards + malformed + implausible
                        from driving_import where id = :id""").param("id", importId).query(Long.class).single())
                .isEqualTo(seen);

        Map<String, long[]> stored = new HashMap<>();
        jdbc.sql("""
                        select vin, distance_m, fuel_ml, moving_s, idle_s, idle_fuel_ml, cruise_m, coast_m, speed_total_m,
                            brake_s, accel_s, speed_m from driving_interval where vin in (:vins)""")
                .param("vins", rename.values()).query(rs -> {
                    long[] row = new long[Counters.SIZE];
                    for (int k = 0; k <= Counters.SPEED_TOTAL_M; k++) {
                        row[k] = rs.getLong(2 + k);
                    }
                    copy(rs.getArray("brake_s"), row, Counters.BRAKE_S);
                    copy(rs.getArray("accel_s"), row, Counters.ACCEL_S);
                    copy(rs.getArray("speed_m"), row, Counters.SPEED_M);
                    for (int k = 0; k < Counters.SIZE; k++) {
                        assertThat(row[k]).as("counter %d of an interval of %s", k, rs.getString("vin")).isNotNegative();
                    }
                    long[] sum = stored.computeIfAbsent(rs.getString("vin"), v -> new long[Counters.SIZE]);
                    for (int k = 0; k < Counters.SIZE; k++) {
                        sum[k] += row[k];
                    }
                });
        assertThat(stored).isNotEmpty();
        stored.forEach((vin, sum) -> {
            long[] most = truth.get(vin);
            for (int k = 0; k < Counters.SIZE; k++) {
                assertThat(sum[k]).as("counter %d of %s", k, vin).isLessThanOrEqualTo(most[k]);
            }
        });
    }

    /** The streaming reader reads what the tree reader read: the same readings and the same problems. */
    private static void sameAsByTree(RfmsJson.Statuses streamed, RfmsJson.Statuses byTree, int document) {
        assertThat(streamed.readings()).as("readings of document %d", document).hasSameSizeAs(byTree.readings());
        for (int k = 0; k < byTree.readings().size(); k++) {
            Reading a = streamed.readings().get(k);
            Reading b = byTree.readings().get(k);
            assertThat(List.of(a.vin(), a.created(), a.received(), String.valueOf(a.card())))
                    .as("reading %d of document %d", k, document)
                    .isEqualTo(List.of(b.vin(), b.created(), b.received(), String.valueOf(b.card())));
            assertThat(a.counters()).as("counters of reading %d of document %d", k, document).isEqualTo(b.counters());
        }
        assertThat(streamed.problems()).as("problems of document %d", document).hasSameSizeAs(byTree.problems());
        for (int k = 0; k < byTree.problems().size(); k++) {
            Problem a = streamed.problems().get(k);
            Problem b = byTree.problems().get(k);
            assertThat(a.reason()).isEqualTo(b.reason());
            assertThat(a.vin()).isEqualTo(b.vin());
            if (b.detail().startsWith("not JSON")) {
                assertThat(a.detail()).startsWith("not JSON"); // the parser's own words may differ
            } else {
                assertThat(a.detail()).as("problem %d of document %d", k, document).isEqualTo(b.detail());
            }
        }
        assertThat(streamed.moreDataAvailable()).isEqualTo(byTree.moreDataAvailable());
        assertThat(streamed.requestServerDateTime()).isEqualTo(byTree.requestServerDateTime());
        assertThat(streamed.lastReceived()).isEqualTo(byTree.lastReceived());
    }

    /** Per VIN: what the undamaged documents hold, from the first status to the last. */
    private static Map<String, long[]> truth(List<String> originals) {
        Map<String, Reading> first = new HashMap<>();
        Map<String, Reading> last = new HashMap<>();
        for (String page : originals) {
            RfmsJson.Statuses parsed = RfmsJson.statuses(page.getBytes(StandardCharsets.UTF_8));
            assertThat(parsed.problems()).isEmpty();
            for (Reading r : parsed.readings()) {
                first.merge(r.vin(), r, (a, b) -> a.created().isBefore(b.created()) ? a : b);
                last.merge(r.vin(), r, (a, b) -> a.created().isAfter(b.created()) ? a : b);
            }
        }
        Map<String, long[]> truth = new HashMap<>();
        first.forEach((vin, r) -> {
            long[] most = new long[Counters.SIZE];
            for (int k = 0; k < Counters.SIZE; k++) {
                most[k] = last.get(vin).counters()[k] - r.counters()[k];
            }
            truth.put(vin, most);
        });
        return truth;
    }

    private static void copy(Array array, long[] row, int from) throws java.sql.SQLException {
        Object[] values = (Object[]) array.getArray();
        for (int i = 0; i < values.length; i++) {
            row[from + i] = ((Number) values[i]).longValue();
        }
    }

    /** How many statuses the document lists, or -1 when it is no readable list at all. */
    private static int listed(byte[] document) {
        try {
            JsonNode root = JSON.readTree(document);
            JsonNode list = root == null ? null : root.path("vehicleStatusResponse").path("vehicleStatuses");
            return root != null && root.isObject() && list.isArray() ? list.size() : -1;
        } catch (RuntimeException | StackOverflowError e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------------------------------------------- damage

    private byte[] damage(String original, Map<Damage, Integer> applied) {
        ObjectNode root = (ObjectNode) JSON.readTree(original);
        ArrayNode statuses = (ArrayNode) root.path("vehicleStatusResponse").path("vehicleStatuses");
        Damage text = null;
        int count = 1 + random.nextInt(3);
        for (int n = 0; n < count; n++) {
            Damage damage = Damage.values()[random.nextInt(Damage.values().length)];
            applied.merge(damage, 1, Integer::sum);
            if (damage == Damage.TRUNCATE || damage == Damage.RANDOM_BYTES || damage == Damage.DEEP_NESTING) {
                text = damage;
                continue;
            }
            if (statuses.isEmpty()) {
                continue;
            }
            ObjectNode status = (ObjectNode) statuses.get(random.nextInt(statuses.size()));
            switch (damage) {
                case DELETE -> delete(status);
                case RETYPE -> retype(status);
                case NEGATIVE -> number(status, 1, value -> NODES.numberNode(-Math.max(1, Math.abs(value.asLong()))));
                case HUGE -> number(status, 1, value -> switch (random.nextInt(4)) {
                    case 0 -> NODES.numberNode(Long.MAX_VALUE);
                    case 1 -> NODES.numberNode(1_000_000_000_000_000L);
                    case 2 -> NODES.numberNode(BigInteger.TEN.pow(25));
                    default -> NODES.numberNode(1e300);
                });
                case BACKWARDS -> number(status, 100_000, value -> NODES.numberNode(random.nextBoolean() ? 0 : value.asLong() / 2));
                case REPEAT -> statuses.insert(random.nextInt(statuses.size() + 1), status.deepCopy());
                case UNKNOWN_VIN -> {
                    switch (random.nextInt(5)) {
                        case 0 -> status.put("vin", "");
                        case 1 -> status.put("vin", "ÄÖÜ-12345");
                        case 2 -> status.put("vin", "X".repeat(40));
                        case 3 -> status.put("vin", 12345);
                        default -> status.put("vin", TelemetryTest.freshVin());
                    }
                }
                case BAD_DATE -> {
                    String[] dates = {"2026-13-45T99:00:00Z", "", "yesterday", "2100-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                            "2026-03-02T10:00:00"};
                    if (random.nextInt(4) == 0) {
                        status.put("createdDateTime", 1_700_000_000L);
                    } else {
                        status.put("createdDateTime", dates[random.nextInt(dates.length)]);
                    }
                }
                case NO_LIST -> {
                    ObjectNode response = (ObjectNode) root.path("vehicleStatusResponse");
                    switch (random.nextInt(3)) {
                        case 0 -> response.put("vehicleStatuses", "none");
                        case 1 -> response.putObject("vehicleStatuses");
                        default -> root.remove("vehicleStatusResponse");
                    }
                    statuses = JSON.createArrayNode();
                }
                default -> throw new IllegalStateException(damage.name());
            }
        }
        byte[] bytes = JSON.writeValueAsBytes(root);
        if (text == null) {
            return bytes;
        }
        return switch (text) {
            case TRUNCATE -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case RANDOM_BYTES -> {
                if (random.nextInt(4) == 0) {
                    byte[] noise = new byte[1 + random.nextInt(400)];
                    random.nextBytes(noise);
                    yield noise;
                }
                int at = random.nextInt(bytes.length);
                for (int k = at; k < Math.min(bytes.length, at + 1 + random.nextInt(20)); k++) {
                    bytes[k] = (byte) random.nextInt(256);
                }
                yield bytes;
            }
            default -> {
                int depth = new int[]{20, 600, 5_000, 200_000}[random.nextInt(4)];
                String nested = "\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",";
                yield new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"snapshotData\":\\{", "\"snapshotData\":{" + nested)
                        .getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** All (object, field) pairs inside a status, classes included. */
    private static void fields(JsonNode node, List<Map.Entry<ObjectNode, String>> found) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                found.add(Map.entry(object, name));
                fields(object.get(name), found);
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                fields(item, found);
            }
        }
    }

    private void delete(ObjectNode status) {
        List<Map.Entry<ObjectNode, String>> found = new ArrayList<>();
        fields(status, found);
        if (random.nextInt(4) == 0) {
            // a whole class out of a list
            List<ArrayNode> lists = new ArrayList<>();
            for (Map.Entry<ObjectNode, String> f : found) {
                if (f.getKey().get(f.getValue()) instanceof ArrayNode list && !list.isEmpty()) {
                    lists.add(list);
                }
            }
            if (!lists.isEmpty()) {
                ArrayNode list = lists.get(random.nextInt(lists.size()));
                list.remove(random.nextInt(list.size()));
                return;
            }
        }
        Map.Entry<ObjectNode, String> f = found.get(random.nextInt(found.size()));
        f.getKey().remove(f.getValue());
    }

    private void retype(ObjectNode status) {
        List<Map.Entry<ObjectNode, String>> found = new ArrayList<>();
        fields(status, found);
        Map.Entry<ObjectNode, String> f = found.get(random.nextInt(found.size()));
        ObjectNode object = f.getKey();
        String name = f.getValue();
        switch (random.nextInt(8)) {
            case 0 -> object.put(name, "12");
            case 1 -> object.put(name, true);
            case 2 -> object.putArray(name);
            case 3 -> object.putObject(name);
            case 4 -> object.putNull(name);
            case 5 -> object.put(name, 12.5);
            case 6 -> object.put(name, "x".repeat(300));
            default -> object.put(name, "");
        }
    }

    /** Replaces one number of at least {@code atLeast} inside the status. */
    private void number(ObjectNode status, long atLeast, java.util.function.Function<JsonNode, JsonNode> replace) {
        List<Map.Entry<ObjectNode, String>> found = new ArrayList<>();
        fields(status, found);
        found.removeIf(f -> {
            JsonNode value = f.getKey().get(f.getValue());
            return !value.isNumber() || Math.abs(value.asDouble()) < atLeast;
        });
        found.sort(Comparator.comparing(Map.Entry::getValue)); // the same choice for the same seed, whatever the map order
        if (!found.isEmpty()) {
            Map.Entry<ObjectNode, String> f = found.get(random.nextInt(found.size()));
            f.getKey().set(f.getValue(), replace.apply(f.getKey().get(f.getValue())));
        }
    }
}
