package nl.meedenken.transport.internal;

import nl.meedenken.platform.Csv;
import nl.meedenken.platform.Numbers;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Like;
import nl.meedenken.platform.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Transport orders: entered, changed, cancelled and imported from CSV (all or nothing). */
@Service
public class Orders {

    public static final int PAGE_SIZE = 25;

    /** What a planner fills in, or one line of an import. */
    public record OrderForm(String reference, Long addressId, LocalDate requestedOn, LocalTime windowFrom,
                            LocalTime windowTo, Integer pallets, Integer colli, Integer weightKg, BigDecimal volume,
                            String remarks) {
    }

    public record LineProblem(int line, String field, String messageKey, Object... arguments) {
    }

    public record ImportOutcome(int imported, List<LineProblem> problems) {
    }

    static final String SELECT = """
            select o.id, o.reference, o.customer_id, c.name as customer_name, o.address_id, a.name as address_name,
                   a.city, o.requested_on, o.window_from, o.window_to, o.pallets, o.colli, o.weight_kg, o.volume_m3,
                   o.remarks, o.status, o.cancel_reason, s.trip_id
              from transport_order o join transport_customer c on c.id = o.customer_id
              join transport_address a on a.id = o.address_id
              left join transport_stop s on s.order_id = o.id
            """;

    public static final List<String> COLUMNS = List.of("reference", "customer", "address", "date", "from", "to", "pallets",
            "colli", "weight_kg", "volume_m3", "remarks");

    private final JdbcClient jdbc;
    private final Customers customers;
    private final Clock clock;

    Orders(JdbcClient jdbc, Customers customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(long id) {
        return jdbc.sql(SELECT + " where o.id = :id").param("id", id).query(Orders::map).optional();
    }

    @Transactional(readOnly = true)
    public List<Order> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where o.id in (:ids)").param("ids", ids).query(Orders::map).list();
    }

    /** Orders of a day, optionally only those still without a trip, by customer and window. */
    @Transactional(readOnly = true)
    public List<Order> ofDay(LocalDate day, boolean unplannedOnly) {
        return jdbc.sql(SELECT + " where o.requested_on = :day" + (unplannedOnly ? " and o.status = 'OPEN'" : "")
                        + " order by c.name, o.window_from, o.reference")
                .param("day", day).query(Orders::map).list();
    }

    @Transactional(readOnly = true)
    public Page<Order> search(LocalDate day, Order.Status status, String text, int page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (day != null) {
            where.append(" and o.requested_on = :day");
            params.put("day", day);
        }
        if (status != null) {
            where.append(" and o.status = :status");
            params.put("status", status.name());
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (o.reference ilike :q escape '\\' or c.name ilike :q escape '\\' or a.name ilike :q escape '\\'"
                    + " or a.city ilike :q escape '\\')");
            params.put("q", Like.containing(text.strip()));
        }
        var count = jdbc.sql("select count(*) from transport_order o join transport_customer c on c.id = o.customer_id"
                + " join transport_address a on a.id = o.address_id" + where);
        for (var p : params.entrySet()) {
            count = count.param(p.getKey(), p.getValue());
        }
        long total = count.query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        var query = jdbc.sql(SELECT + where + " order by o.requested_on desc, c.name, o.window_from, o.reference"
                + " limit :limit offset :offset");
        for (var p : params.entrySet()) {
            query = query.param(p.getKey(), p.getValue());
        }
        List<Order> items = query.param("limit", PAGE_SIZE).param("offset", number * PAGE_SIZE).query(Orders::map).list();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    @Transactional
    public long create(OrderForm form, String by) {
        Checked order = check(form);
        try {
            return insert(order, by);
        } catch (DuplicateKeyException taken) {
            throw new InvalidTransport("reference", "transport.error.referenceExists", order.reference);
        }
    }

    private long insert(Checked order, String by) {
        return jdbc.sql("""
                        insert into transport_order (reference, customer_id, address_id, requested_on, window_from,
                               window_to, pallets, colli, weight_kg, volume_m3, remarks, created_by, created_at)
                        values (:ref, :customer, :address, :day, :from, :to, :pallets, :colli, :kg, :volume, :remarks,
                                :by, :at)
                        returning id
                        """)
                .param("ref", order.reference).param("customer", order.address.customerId())
                .param("address", order.address.id()).param("day", order.day).param("from", order.from)
                .param("to", order.to).param("pallets", order.pallets).param("colli", order.colli)
                .param("kg", order.kg).param("volume", order.volume).param("remarks", order.remarks)
                .param("by", by).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    /** Changes an order that is not delivered or cancelled; a planned order keeps its trip. */
    @Transactional
    public void change(long id, OrderForm form) {
        Order existing = find(id).orElseThrow(() -> new InvalidTransport("order", "transport.error.noOrder"));
        if (!existing.editable()) {
            throw new InvalidTransport("order", "transport.error.orderClosed");
        }
        Checked order = check(form);
        if (existing.tripId() != null) {
            if (!order.day.equals(existing.requestedOn())) {
                throw new InvalidTransport("requestedOn", "transport.error.plannedDay");
            }
            checkTrip(existing, order);
        }
        try {
            jdbc.sql("""
                            update transport_order set reference = :ref, customer_id = :customer, address_id = :address,
                                   requested_on = :day, window_from = :from, window_to = :to, pallets = :pallets,
                                   colli = :colli, weight_kg = :kg, volume_m3 = :volume, remarks = :remarks
                             where id = :id
                            """)
                    .param("ref", order.reference).param("customer", order.address.customerId())
                    .param("address", order.address.id()).param("day", order.day).param("from", order.from)
                    .param("to", order.to).param("pallets", order.pallets).param("colli", order.colli)
                    .param("kg", order.kg).param("volume", order.volume).param("remarks", order.remarks)
                    .param("id", id).update();
        } catch (DuplicateKeyException taken) {
            throw new InvalidTransport("reference", "transport.error.referenceExists", order.reference);
        }
    }

    /**
     * A planned order may change only while its trip is not being loaded, and the trip's load
     * must still fit the vehicle afterwards.
     */
    private void checkTrip(Order existing, Checked changed) {
        var trip = jdbc.sql("""
                        select t.loading_started_at is not null as fixed, v.plate, v.capacity_pallets, v.capacity_kg
                          from transport_trip t join transport_vehicle v on v.id = t.vehicle_id where t.id = :t for update of t
                        """)
                .param("t", existing.tripId())
                .query((rs, i) -> new Object[]{rs.getBoolean(1), rs.getString(2), rs.getInt(3), rs.getInt(4)}).single();
        if ((Boolean) trip[0]) {
            throw new InvalidTransport("order", "transport.error.loadingStarted");
        }
        var others = jdbc.sql("""
                        select coalesce(sum(o.pallets), 0), coalesce(sum(o.weight_kg), 0)
                          from transport_stop s join transport_order o on o.id = s.order_id
                         where s.trip_id = :t and o.id <> :o
                        """)
                .param("t", existing.tripId()).param("o", existing.id())
                .query((rs, i) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
        int pallets = others[0] + changed.pallets;
        int kg = others[1] + changed.kg;
        if (pallets > (Integer) trip[2]) {
            throw new InvalidTransport("pallets", "transport.error.tooManyPallets", pallets, trip[1], trip[2]);
        }
        if (kg > (Integer) trip[3]) {
            throw new InvalidTransport("weightKg", "transport.error.tooHeavy", kg, trip[1], trip[3]);
        }
    }

    /** Cancels an order that is not on a trip; the reason stays with it. */
    @Transactional
    public void cancel(long id, String reason) {
        Order existing = find(id).orElseThrow(() -> new InvalidTransport("order", "transport.error.noOrder"));
        if (existing.tripId() != null) {
            throw new InvalidTransport("order", "transport.error.cancelPlanned");
        }
        if (existing.status() != Order.Status.OPEN) {
            throw new InvalidTransport("order", "transport.error.orderClosed");
        }
        String why = FormValues.text(reason, "reason", 500, true, InvalidTransport::new);
        jdbc.sql("update transport_order set status = 'CANCELLED', cancel_reason = :why where id = :id")
                .param("why", why).param("id", id).update();
    }

    private record Checked(String reference, Address address, LocalDate day, LocalTime from, LocalTime to, int pallets,
                           int colli, int kg, BigDecimal volume, String remarks) {
    }

    private Checked check(OrderForm form) {
        FormValues.Refusal refusal = InvalidTransport::new;
        String reference = FormValues.text(form.reference(), "reference", 40, true, refusal);
        if (form.addressId() == null) {
            throw new InvalidTransport("addressId", "validation.required");
        }
        Address address = customers.address(form.addressId())
                .orElseThrow(() -> new InvalidTransport("addressId", "transport.error.noAddress"));
        if (form.requestedOn() == null) {
            throw new InvalidTransport("requestedOn", "validation.required");
        }
        if (form.windowFrom() == null) {
            throw new InvalidTransport("windowFrom", "validation.required");
        }
        if (form.windowTo() == null) {
            throw new InvalidTransport("windowTo", "validation.required");
        }
        if (!form.windowTo().isAfter(form.windowFrom())) {
            throw new InvalidTransport("windowTo", "transport.error.windowOrder");
        }
        int pallets = whole(form.pallets(), "pallets", 0, 60);
        int colli = whole(form.colli(), "colli", 0, 10000);
        int kg = whole(form.weightKg(), "weightKg", 0, 60000);
        BigDecimal volume = form.volume() == null ? BigDecimal.ZERO : form.volume();
        if (volume.signum() < 0 || volume.compareTo(BigDecimal.valueOf(200)) > 0) {
            throw new InvalidTransport("volume", "transport.error.range", 0, 200);
        }
        if (pallets == 0 && colli == 0) {
            throw new InvalidTransport("pallets", "transport.error.nothingToCarry");
        }
        String remarks = FormValues.text(form.remarks(), "remarks", 500, false, refusal);
        return new Checked(reference, address, form.requestedOn(), form.windowFrom(), form.windowTo(), pallets, colli,
                kg, volume, remarks);
    }

    private static int whole(Integer value, String field, int min, int max) {
        if (value == null) {
            throw new InvalidTransport(field, "validation.required");
        }
        if (value < min || value > max) {
            throw new InvalidTransport(field, "transport.error.range", min, max);
        }
        return value;
    }

    /** The most orders one file may hold (documented in the README). */
    public static final int MAX_ROWS = 5000;
    /** The years an order's day may be in. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    static final Csv.Layout LAYOUT = new Csv.Layout(COLUMNS.subList(0, 7), COLUMNS.subList(7, COLUMNS.size()), MAX_ROWS);

    /** Text a caller has already: read as UTF-8 with Dutch numbers. */
    @Transactional
    public ImportOutcome importCsv(String text, String by) {
        return importCsv((text == null ? "" : text).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Locale.forLanguageTag("nl"), by);
    }

    /**
     * Imports orders from an uploaded CSV file, read with the shared {@link Csv} reader and numbers
     * in the uploader's language: every line is checked first, and only a file without problems
     * is imported, in one transaction. A reference already known, or twice in the file, is a problem.
     */
    @Transactional
    public ImportOutcome importCsv(byte[] file, Locale locale, String by) {
        Csv.Table table = Csv.read(file, LAYOUT);
        List<LineProblem> problems = new ArrayList<>();
        for (Csv.Problem p : table.problems()) {
            problems.add(new LineProblem(p.line(), p.column(), p.messageKey(), p.arguments()));
        }
        if (table.header().isEmpty() || problems.stream().anyMatch(p -> p.line() <= 1)) {
            return new ImportOutcome(0, problems);
        }
        Map<String, Map<String, Address>> addresses = new HashMap<>();
        for (Address a : customers.allAddresses()) {
            addresses.computeIfAbsent(a.customerName().toLowerCase(Locale.ROOT), c -> new LinkedHashMap<>())
                    .put(a.name().toLowerCase(Locale.ROOT), a);
        }
        Set<String> known = new HashSet<>(jdbc.sql("select lower(reference) from transport_order").query(String.class).list());
        Set<String> inFile = new HashSet<>();
        List<Checked> valid = new ArrayList<>();
        for (Csv.Row row : table.rows()) {
            int line = row.line();
            List<LineProblem> lineProblems = new ArrayList<>();
            String customer = row.text("customer");
            Map<String, Address> ofCustomer = addresses.get(customer.toLowerCase(Locale.ROOT));
            Address address = null;
            if (ofCustomer == null) {
                lineProblems.add(new LineProblem(line, "customer", "transport.import.unknownCustomer", customer));
            } else {
                address = ofCustomer.get(row.text("address").toLowerCase(Locale.ROOT));
                if (address == null) {
                    lineProblems.add(new LineProblem(line, "address", "transport.import.unknownAddress",
                            row.text("address"), customer));
                }
            }
            LocalDate day = parse(row.get("date"), "date", line, lineProblems, LocalDate::parse);
            if (day != null && (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR)) {
                lineProblems.add(new LineProblem(line, "date", "input.csv.yearOutOfRange", String.valueOf(day.getYear()),
                        String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR)));
                day = null;
            }
            LocalTime from = parse(row.get("from"), "from", line, lineProblems, LocalTime::parse);
            LocalTime to = parse(row.get("to"), "to", line, lineProblems, LocalTime::parse);
            Integer pallets = number(row, "pallets", locale, line, lineProblems, true);
            Integer colli = number(row, "colli", locale, line, lineProblems, false);
            Integer kg = number(row, "weight_kg", locale, line, lineProblems, false);
            BigDecimal volume = null;
            Numbers.Reading volumeReading = Numbers.read(row.get("volume_m3"), locale, VOLUME);
            if (volumeReading.problem() != null) {
                lineProblems.add(new LineProblem(line, "volume_m3", volumeReading.problem().messageKey(),
                        volumeReading.problem().arguments()));
            } else {
                volume = volumeReading.value();
            }
            String reference = row.text("reference");
            if (!reference.isEmpty()) {
                String key = reference.toLowerCase(Locale.ROOT);
                if (known.contains(key)) {
                    lineProblems.add(new LineProblem(line, "reference", "transport.import.referenceExists", reference));
                } else if (!inFile.add(key)) {
                    lineProblems.add(new LineProblem(line, "reference", "transport.import.referenceTwice", reference));
                }
            }
            if (lineProblems.isEmpty()) {
                try {
                    valid.add(check(new OrderForm(reference, address.id(), day, from, to, pallets,
                            colli == null ? 0 : colli, kg == null ? 0 : kg, volume, row.get("remarks"))));
                } catch (InvalidTransport refused) {
                    lineProblems.add(new LineProblem(line, column(refused.field()), refused.messageKey(),
                            refused.arguments()));
                }
            }
            problems.addAll(lineProblems);
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(LineProblem::line));
            return new ImportOutcome(0, problems);
        }
        if (valid.isEmpty()) {
            return new ImportOutcome(0, List.of(new LineProblem(2, null, "transport.import.noOrders")));
        }
        for (Checked order : valid) {
            insert(order, by);
        }
        return new ImportOutcome(valid.size(), List.of());
    }

    /** Cubic metres as stored ({@code numeric(7, 2)}); the order's own check keeps them at most 200. */
    public static final Numbers.Rule VOLUME = Numbers.Rule.decimal(2, 0, 99_999.99);
    /** Pallets, colli and kilograms; the order's own check gives each its range. */
    public static final Numbers.Rule COUNT = Numbers.Rule.count(Integer.MAX_VALUE);

    private static String column(String field) {
        return switch (field) {
            case "requestedOn" -> "date";
            case "windowFrom" -> "from";
            case "windowTo" -> "to";
            case "weightKg" -> "weight_kg";
            case "volume" -> "volume_m3";
            case "addressId" -> "address";
            default -> field;
        };
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String text, String column, int line, List<LineProblem> problems, Parser<T> parser) {
        if (text == null || text.isBlank()) {
            problems.add(new LineProblem(line, column, "validation.required"));
            return null;
        }
        try {
            return parser.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new LineProblem(line, column, "transport.import.badValue", text));
            return null;
        }
    }

    private static Integer number(Csv.Row row, String column, Locale locale, int line, List<LineProblem> problems,
                                  boolean required) {
        Numbers.Reading reading = Numbers.read(row.get(column), locale, COUNT);
        if (reading.problem() != null) {
            problems.add(new LineProblem(line, column, reading.problem().messageKey(), reading.problem().arguments()));
            return null;
        }
        if (reading.empty()) {
            if (required) {
                problems.add(new LineProblem(line, column, "validation.required"));
            }
            return null;
        }
        return reading.value().intValueExact();
    }

    static Order map(ResultSet rs, int row) throws SQLException {
        long trip = rs.getLong("trip_id");
        Long tripId = rs.wasNull() ? null : trip;
        return new Order(rs.getLong("id"), rs.getString("reference"), rs.getLong("customer_id"),
                rs.getString("customer_name"), rs.getLong("address_id"), rs.getString("address_name"),
                rs.getString("city"), rs.getObject("requested_on", LocalDate.class),
                rs.getObject("window_from", LocalTime.class), rs.getObject("window_to", LocalTime.class),
                rs.getInt("pallets"), rs.getInt("colli"), rs.getInt("weight_kg"), rs.getBigDecimal("volume_m3"),
                rs.getString("remarks"), Order.Status.valueOf(rs.getString("status")),
                rs.getString("cancel_reason"), tripId);
    }
}
