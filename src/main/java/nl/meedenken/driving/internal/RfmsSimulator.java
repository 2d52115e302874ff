package nl.meedenken.driving.internal;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A made-up fleet that answers like an rFMS 4.0 server: 10 trucks and 12 drivers of a Dutch
 * transport company, working Monday to Friday (three trucks every other Saturday morning) from
 * about 06:00 to 16:00. Each truck reports a status when the ignition goes on, when a driver card
 * goes in or comes out, every 30 minutes while the engine runs, and at the lunch break.
 * <p>
 * Everything is a pure function of the seed, the truck and the moment: each day of each truck is
 * generated from its own random stream, and the lifetime counters at the start of a day are the
 * running sum of the days before (cached). So any window can be served, again and again, with
 * the same figures. Every driver has a {@link Style} that shows clearly in the figures; the eco
 * learner gets better week by week over the first twelve weeks.
 */
public final class RfmsSimulator {

    /** The seed of the demo company (see {@code DrivingConfiguration#demoSimulator}). */
    public static final long DEMO_SEED = 2026L;

    public record SimVehicle(String vin, String plate) {
    }

    /** How someone drives. */
    public enum Style { SMOOTH, STEADY, ECO_LEARNER, HURRIED, HEAVY_FOOT, IDLER }

    /** A driver: the card as {@link RfmsJson} writes it ({@code memberState:driverIdentification}) and a style. */
    public record SimDriver(String card, Style style) {
    }

    private static final ZoneId LOCAL = DrivingRecords.LOCAL;
    private static final String[] PLATES = {"82-BLT-4", "19-VNK-2", "57-RTX-8", "31-HGD-6", "64-KPL-1", "05-ZWB-9",
            "48-TRN-3", "76-DLS-5", "23-MXV-7", "90-FPG-2"};
    // World manufacturer codes of DAF, Scania, Volvo, MAN and Mercedes-Benz; 17 characters, no I, O or Q
    private static final String[] VINS = {"XLRTEH4300G381174", "XLRTEH4300G381529", "XLRTGH4300G402318",
            "YS2R4X20005472391", "YS2R4X20005480127", "YV2RTY0A6LA845512", "YV2RTY0A6LA851309", "WMA06XZZ9NM893145",
            "WDB9634031L987623", "XLRTGH4300G410872"};
    private static final String[] BRANDS = {"DAF", "DAF", "DAF", "SCANIA", "SCANIA", "VOLVO TRUCKS", "VOLVO TRUCKS",
            "MAN", "DAIMLER", "DAF"};
    private static final String[] MODELS = {"XF 480", "XF 480", "XG 530", "R 450", "R 450", "FH 460", "FH 460",
            "TGX 18.470", "Actros 1845", "XG 530"};
    private static final Style[] STYLES = Style.values();
    private static final int DRIVERS = 12;

    // The simulator's own layout of lifetime counters: the raw rFMS values, before they become Counters
    static final int ODO = 0, FUEL = 1, MOVING = 2, IDLE = 3, IDLE_FUEL = 4, CRUISE_M = 5, CRUISE_S = 6, COAST_M = 7,
            COAST_S = 8, ENGINE_S = 9;
    static final int SPEED_CLASSES = 40, ACC_CLASSES = 13;
    static final int SPEED_S = 10, SPEED_M = SPEED_S + SPEED_CLASSES, ACC_S = SPEED_M + SPEED_CLASSES,
            ACC_M = ACC_S + ACC_CLASSES, BRAKE_S = ACC_M + ACC_CLASSES, BRAKE_M = BRAKE_S + ACC_CLASSES,
            RAW = BRAKE_M + ACC_CLASSES;
    /** The 13 standard acceleration classes of rFMS, m/s²; NaN where the class is open. */
    static final double[] ACC_FROM = {Double.NaN, -1.1, -0.9, -0.7, -0.5, -0.3, -0.1, 0.1, 0.3, 0.5, 0.7, 0.9, 1.1};
    static final double[] ACC_TO = {-1.1, -0.9, -0.7, -0.5, -0.3, -0.1, 0.1, 0.3, 0.5, 0.7, 0.9, 1.1, Double.NaN};

    private final long seed;
    private final LocalDate firstDay;
    private final String[] vins;
    private final List<SimVehicle> vehicles;
    private final List<SimDriver> drivers;
    private final double[] vehicleFuelFactor;
    private final int[] vehicleWeight;
    private final double[][] depots;
    /** Per truck, the lifetime counters at the start of each day since the first (grows on demand). */
    private final List<List<long[]>> dayStarts = new ArrayList<>();
    private final RfmsDocuments documents;

    public RfmsSimulator(long seed, LocalDate firstDay) {
        this(seed, firstDay, List.of(VINS), "NL000000000120");
    }

    /**
     * The same fleet under other VINs and card numbers (for benchmarks and tests that need several
     * fleets side by side): ten VINs, and the first fourteen characters of the drivers' card numbers.
     */
    RfmsSimulator(long seed, LocalDate firstDay, List<String> vins, String cardNumberStart) {
        if (vins.size() != VINS.length) {
            throw new IllegalArgumentException("the simulator has " + VINS.length + " trucks");
        }
        this.seed = seed;
        this.firstDay = firstDay;
        this.vins = vins.toArray(String[]::new);
        List<SimVehicle> v = new ArrayList<>();
        for (int i = 0; i < VINS.length; i++) {
            v.add(new SimVehicle(this.vins[i], PLATES[i]));
        }
        this.vehicles = List.copyOf(v);
        List<SimDriver> d = new ArrayList<>();
        for (int i = 0; i < DRIVERS; i++) {
            d.add(new SimDriver(String.format(Locale.ROOT, "NL:%s%02d", cardNumberStart, i + 1), STYLES[i % STYLES.length]));
        }
        this.drivers = List.copyOf(d);
        vehicleFuelFactor = new double[VINS.length];
        vehicleWeight = new int[VINS.length];
        depots = new double[VINS.length][];
        for (int i = 0; i < VINS.length; i++) {
            SplittableRandom r = random(i, -1);
            vehicleFuelFactor[i] = 0.96 + r.nextDouble() * 0.08;
            vehicleWeight[i] = 18_000 + r.nextInt(20_000);
            // the company's yard on the edge of Utrecht; trucks park a few hundred metres apart
            depots[i] = new double[]{52.0652 + r.nextDouble() * 0.004, 5.0794 + r.nextDouble() * 0.006};
            List<long[]> starts = new ArrayList<>();
            starts.add(history(i, r));
            dayStarts.add(starts);
        }
        documents = new RfmsDocuments(this.vins, this.drivers, vehicleWeight);
    }

    public List<SimVehicle> vehicles() {
        return vehicles;
    }

    public List<SimDriver> drivers() {
        return drivers;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    /** The Monday twelve weeks before the week of {@code today}: where the demo's history starts. */
    public static LocalDate demoFirstDay(LocalDate today) {
        return today.minusWeeks(12).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    // ------------------------------------------------------------------------------------------------ documents

    /** A VehicleResponseObject with the trucks after {@code lastVin} (all from the first when null or blank). */
    public byte[] vehiclesDocument(String lastVin, int max) {
        int from = 0;
        if (lastVin != null && !lastVin.isBlank()) {
            from = vehicles.size();
            for (int i = 0; i < vehicles.size(); i++) {
                if (vins[i].equals(lastVin)) {
                    from = i + 1;
                }
            }
        }
        int to = Math.min(vehicles.size(), from + Math.max(1, max));
        StringBuilder json = new StringBuilder(4096).append("{\"vehicleResponse\":{\"vehicles\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                json.append(',');
            }
            SplittableRandom r = random(i, -2);
            json.append("{\"vin\":\"").append(vins[i]).append("\",\"customerVehicleName\":\"").append(PLATES[i])
                    .append("\",\"brand\":\"").append(BRANDS[i]).append("\",\"productionDate\":{\"day\":")
                    .append(1 + r.nextInt(28)).append(",\"month\":").append(1 + r.nextInt(12)).append(",\"year\":")
                    .append(2017 + r.nextInt(6)).append("},\"type\":\"TRUCK\",\"model\":\"").append(MODELS[i])
                    .append("\",\"possibleFuelType\":[\"1A\"],\"emissionLevel\":\"EURO_VI\",\"tachographType\":\"DTCO_G2\"")
                    .append(",\"gearboxType\":\"AUTOMATIC\",\"noOfAxles\":2,\"totalFuelTankVolume\":")
                    .append(i % 3 == 0 ? 845_000 : 600_000)
                    .append(",\"authorizedPaths\":[\"/vehicles\",\"/vehiclepositions\",\"/vehiclestatuses\"]}");
        }
        boolean more = to < vehicles.size();
        json.append("]},\"moreDataAvailable\":").append(more);
        if (more) {
            json.append(",\"moreDataAvailableLink\":\"/rfms/vehicles?lastVin=").append(vins[to - 1]).append('"');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A VehicleStatusResponseObject with the statuses received from {@code starttime} up to (not
     * including) the earlier of {@code stoptime} and {@code now}, oldest first. At most {@code max} statuses, except that a
     * page never ends in the middle of a second: the next request starts at the last received time
     * plus one second (as rFMS prescribes), so a cut there would lose statuses.
     */
    public byte[] statusesDocument(Instant starttime, Instant stoptime, int max, Instant now) {
        Page page = page(starttime, stoptime, max, now);
        return documents.statuses(page.statuses, page.more, starttime, stoptime, now);
    }

    /** A VehiclePositionResponseObject: the position at every status, chosen and paged as {@link #statusesDocument}. */
    public byte[] positionsDocument(Instant starttime, Instant stoptime, int max, Instant now) {
        Page page = page(starttime, stoptime, max, now);
        return documents.positions(page.statuses, page.more, starttime, stoptime, now);
    }

    private record Page(List<Status> statuses, boolean more) {
    }

    private Page page(Instant starttime, Instant stoptime, int max, Instant now) {
        Instant end = stoptime == null || now.isBefore(stoptime) ? now : stoptime;
        List<Status> found = new ArrayList<>();
        if (starttime == null || !starttime.isBefore(end)) {
            return new Page(found, false);
        }
        int limit = Math.max(1, max);
        LocalDate day = starttime.atZone(LOCAL).toLocalDate().minusDays(1);
        if (day.isBefore(firstDay)) {
            day = firstDay;
        }
        LocalDate last = end.atZone(LOCAL).toLocalDate();
        boolean stoppedEarly = false;
        Comparator<Status> order = Comparator.comparing((Status s) -> s.received).thenComparing(s -> vins[s.vehicle]);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            int index = (int) ChronoUnit.DAYS.between(firstDay, day);
            List<Status> ofDay = new ArrayList<>();
            for (int v = 0; v < VINS.length; v++) {
                for (Status s : day(v, index).statuses) {
                    if (!s.received.isBefore(starttime) && s.received.isBefore(end)) {
                        ofDay.add(s);
                    }
                }
            }
            ofDay.sort(order);
            found.addAll(ofDay);
            if (found.size() > limit) {
                stoppedEarly = !day.equals(last);
                break;
            }
        }
        if (found.size() <= limit) {
            return new Page(found, false);
        }
        int cut = limit;
        while (cut > 0 && sameSecond(found.get(cut - 1), found.get(cut))) {
            cut--;
        }
        if (cut == 0) {
            // more than a page in one second: hand out the whole second
            cut = limit;
            while (cut < found.size() && sameSecond(found.get(cut - 1), found.get(cut))) {
                cut++;
            }
        }
        return new Page(new ArrayList<>(found.subList(0, cut)), stoppedEarly || cut < found.size());
    }

    private static boolean sameSecond(Status a, Status b) {
        return a.received.getEpochSecond() == b.received.getEpochSecond();
    }

    // ------------------------------------------------------------------------------------------------ the fleet

    enum Trigger { IGNITION_ON, DRIVER_LOGIN, TIMER, IGNITION_OFF, DRIVER_LOGOUT }

    /** One status as the simulator keeps it: card and driver are indexes into {@link #drivers()}, -1 for none. */
    record Status(int vehicle, Instant created, Instant received, Trigger trigger, int driver, int card, long[] counters,
                  double latitude, double longitude, int heading, int altitude, double speed, double fuelLevel,
                  double temperature) {
    }

    private record Day(List<Status> statuses, long[] end) {
    }

    /** How a style drives at a given moment: targets with some noise added per stretch. */
    record Habits(double litresPer100Km, double idleShare, double cruiseShare, double coastShare, double brakesPer100Km,
                  double acceleratesPer100Km, double overspeedShare, double motorwayShare) {

        static Habits of(Style style, double progress) {
            return switch (style) {
                case SMOOTH -> new Habits(26.3, 0.065, 0.61, 0.13, 7, 6.5, 0.004, 0.55);
                case STEADY -> new Habits(29.2, 0.10, 0.47, 0.09, 15, 12, 0.015, 0.55);
                case ECO_LEARNER -> new Habits(between(35.5, 27.8, progress), between(0.21, 0.08, progress),
                        between(0.18, 0.55, progress), between(0.035, 0.12, progress), between(48, 11, progress),
                        between(44, 10, progress), between(0.075, 0.008, progress), 0.55);
                case HURRIED -> new Habits(33.8, 0.12, 0.30, 0.05, 44, 50, 0.085, 0.6);
                case HEAVY_FOOT -> new Habits(36.6, 0.09, 0.20, 0.035, 56, 57, 0.06, 0.55);
                case IDLER -> new Habits(30.4, 0.235, 0.40, 0.08, 12, 10, 0.012, 0.5);
            };
        }

        private static double between(double start, double end, double progress) {
            return start + (end - start) * progress;
        }
    }

    /** The statuses of one truck on one day (the index counts from the first day), with its counters. */
    private Day day(int vehicle, int index) {
        return plan(vehicle, index, dayStart(vehicle, index));
    }

    private long[] dayStart(int vehicle, int index) {
        List<long[]> starts = dayStarts.get(vehicle);
        synchronized (starts) {
            while (starts.size() <= index) {
                int d = starts.size() - 1;
                starts.add(plan(vehicle, d, starts.get(d)).end);
            }
            return starts.get(index);
        }
    }

    /** Which driver has the truck that day (-1: it stays in the yard). */
    int driverOf(int vehicle, int index) {
        LocalDate date = firstDay.plusDays(index);
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SUNDAY || dow == DayOfWeek.SATURDAY && (vehicle >= 3 || index / 7 % 2 == 1)) {
            return -1;
        }
        if (random(vehicle, index).nextDouble() < 0.025) {
            return -1; // in the workshop
        }
        // two drivers are off each day, in turns; the others get a truck, rotating week by week
        int off = Math.floorMod(2 * index, DRIVERS);
        int[] working = new int[DRIVERS - 2];
        int n = 0;
        for (int d = 0; d < DRIVERS; d++) {
            if (d != off && d != off + 1) {
                working[n++] = d;
            }
        }
        return working[Math.floorMod(vehicle + index / 7, working.length)];
    }

    private Day plan(int vehicle, int index, long[] start) {
        int driver = driverOf(vehicle, index);
        if (driver < 0) {
            return new Day(List.of(), start);
        }
        LocalDate date = firstDay.plusDays(index);
        SplittableRandom r = random(vehicle, index);
        r.nextDouble(); // the draw driverOf used
        boolean saturday = date.getDayOfWeek() == DayOfWeek.SATURDAY;
        Style style = drivers.get(driver).style();
        double progress = Math.min(1.0, Math.max(0, index / 7) / 11.0);
        Habits habits = Habits.of(style, progress);
        double dayFuel = vehicleFuelFactor[vehicle] * (0.96 + r.nextDouble() * 0.08);

        Instant on = at(date, LocalTime.of(5, 45).plusSeconds(r.nextInt(45 * 60)));
        long shift = saturday ? 4 * 3600 + 1800 + r.nextInt(3600) : 9 * 3600 + 1800 + r.nextInt(3600);
        Instant off = on.plusSeconds(shift);
        Instant lunch = saturday ? null : on.plusSeconds(4 * 3600 + 1800 + r.nextInt(1800));
        Instant back = lunch == null ? null : lunch.plusSeconds(1800 + r.nextInt(900));

        record Event(Instant at, Trigger trigger, int card, boolean engineBefore, boolean drivingBefore) {
        }
        List<Event> events = new ArrayList<>();
        events.add(new Event(on, Trigger.IGNITION_ON, -1, false, false));
        events.add(new Event(on.plusSeconds(45 + r.nextInt(75)), Trigger.DRIVER_LOGIN, driver, true, false));
        Instant stretchEnd = lunch != null ? lunch : off;
        for (Instant t = on.plusSeconds(1800); t.isBefore(stretchEnd.minusSeconds(120)); t = t.plusSeconds(1800)) {
            events.add(new Event(t, Trigger.TIMER, driver, true, true));
        }
        if (lunch != null) {
            events.add(new Event(lunch, Trigger.IGNITION_OFF, driver, true, true));
            events.add(new Event(back, Trigger.IGNITION_ON, driver, false, false));
            for (Instant t = back.plusSeconds(1800); t.isBefore(off.minusSeconds(120)); t = t.plusSeconds(1800)) {
                events.add(new Event(t, Trigger.TIMER, driver, true, true));
            }
        }
        events.add(new Event(off, Trigger.DRIVER_LOGOUT, -1, true, true));
        events.add(new Event(off.plusSeconds(30 + r.nextInt(120)), Trigger.IGNITION_OFF, -1, true, false));

        // first the counters, then the positions along the day's route (they need the day's distance)
        long[][] counters = new long[events.size()][];
        long[] now = start.clone();
        Instant previous = null;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (previous != null && e.engineBefore) {
                long seconds = Duration.between(previous, e.at).toSeconds();
                long[] growth = e.drivingBefore ? drive(r, habits, seconds, dayFuel) : stand(seconds);
                for (int k = 0; k < RAW; k++) {
                    now[k] += growth[k];
                }
            }
            counters[i] = now.clone();
            previous = e.at;
        }
        double dayDistance = Math.max(1, now[ODO] - start[ODO]);
        double[][] route = route(vehicle, r);
        double temperature = temperature(date) + r.nextDouble() * 4 - 2;
        List<Status> statuses = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            long[] c = counters[i];
            double done = (c[ODO] - start[ODO]) / dayDistance;
            double[] where = along(route, done);
            boolean moving = e.trigger == Trigger.TIMER && r.nextDouble() < 0.8;
            double speed = moving ? speed(r, habits) : 0;
            double litresToday = (c[FUEL] - start[FUEL]) / 1000.0;
            double fuelLevel = Math.max(8, 96 - litresToday / 6.5);
            Instant received = e.at.plusSeconds(2 + r.nextInt(24));
            statuses.add(new Status(vehicle, e.at, received, e.trigger, driver, e.card, c, where[0], where[1],
                    (int) where[2], 2 + r.nextInt(12), speed, fuelLevel, temperature + (c[ODO] - start[ODO]) / dayDistance * 3));
        }
        return new Day(List.copyOf(statuses), now);
    }

    private static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(LOCAL).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Standing with the engine on: idle time, idle fuel, and the lowest speed class (0 to 4 km/h). */
    private static long[] stand(long seconds) {
        long[] g = new long[RAW];
        g[IDLE] = seconds;
        g[IDLE_FUEL] = Math.round(seconds * 0.75);
        g[FUEL] = g[IDLE_FUEL];
        g[SPEED_S] = seconds;
        g[ENGINE_S] = seconds;
        return g;
    }

    /** A stretch of {@code seconds} with the engine on, driven as the habits say. */
    private static long[] drive(SplittableRandom r, Habits h, long seconds, double dayFuel) {
        long[] g = new long[RAW];
        long idle = Math.min(seconds, Math.round(seconds * h.idleShare() * noise(r, 0.3)));
        long moving = seconds - idle;
        double motorway = clamp(h.motorwayShare() + r.nextDouble() * 0.3 - 0.15, 0.2, 0.8);
        double urban = clamp(0.18 + r.nextDouble() * 0.14 - 0.07, 0.08, 0.35);
        double regional = Math.max(0, 1 - motorway - urban);
        double[] share = new double[SPEED_CLASSES];
        share[0] = 0.01;
        double[] urbanWeights = {0, 0, 1, 2, 3, 4, 5, 5, 4, 4, 3, 2, 1};
        double urbanSum = 34;
        for (int i = 2; i <= 12; i++) {
            share[i] += (1 - share[0]) * urban * urbanWeights[i] / urbanSum;
        }
        double[] regionalWeights = {1, 2, 3, 4, 5, 4, 2};
        for (int i = 0; i < regionalWeights.length; i++) {
            share[13 + i] += (1 - share[0]) * regional * regionalWeights[i] / 21.0;
        }
        share[20] += (1 - share[0]) * motorway * 0.42;
        share[21] += (1 - share[0]) * motorway * 0.58;
        // speeding: the share of distance above 88 km/h, taken from the fastest legal classes
        double plainMetres = 0;
        for (int i = 0; i < SPEED_CLASSES; i++) {
            plainMetres += share[i] * (4 * i + 2);
        }
        double over = h.overspeedShare() * noise(r, 0.4) * plainMetres;
        double overTime = over / 91.0;
        double fromTop = Math.min(overTime, share[21]);
        share[21] -= fromTop;
        share[20] -= Math.min(overTime - fromTop, share[20]);
        share[22] += overTime * 0.8;
        share[23] += overTime * 0.2;

        long allotted = 0;
        int biggest = 0;
        for (int i = 0; i < SPEED_CLASSES; i++) {
            long s = Math.round(moving * share[i]);
            g[SPEED_S + i] = s;
            allotted += s;
            if (s > g[SPEED_S + biggest]) {
                biggest = i;
            }
        }
        g[SPEED_S + biggest] = Math.max(0, g[SPEED_S + biggest] + moving - allotted);
        long distance = 0;
        long above48 = 0;
        for (int i = 0; i < SPEED_CLASSES; i++) {
            long m = Math.round(g[SPEED_S + i] * (4 * i + 2) / 3.6);
            g[SPEED_M + i] = m;
            distance += m;
            if (i >= 12) {
                above48 += m;
            }
        }
        g[SPEED_S] += idle; // standing with the engine on counts in the lowest class
        g[MOVING] = moving;
        g[IDLE] = idle;
        g[ENGINE_S] = seconds;
        g[ODO] = distance;
        long idleFuel = Math.round(idle * 0.75);
        g[IDLE_FUEL] = idleFuel;
        g[FUEL] = Math.round(h.litresPer100Km() * dayFuel * noise(r, 0.05) * distance / 100.0) + idleFuel;
        g[CRUISE_M] = Math.min(above48, Math.round(h.cruiseShare() * noise(r, 0.15) * distance));
        g[CRUISE_S] = Math.round(g[CRUISE_M] / (82 / 3.6));
        g[COAST_M] = Math.round(h.coastShare() * noise(r, 0.2) * distance);
        g[COAST_S] = Math.round(g[COAST_M] / (58 / 3.6));

        double hundredKm = distance / 100_000.0;
        long harshBrake = stochastic(r, h.brakesPer100Km() * noise(r, 0.3) * hundredKm);
        long[] brake = new long[ACC_CLASSES];
        brake[0] = harshBrake;
        brake[1] = stochastic(r, harshBrake * 1.6 + 6 * hundredKm);
        brake[2] = stochastic(r, harshBrake * 2.4 + 15 * hundredKm);
        brake[3] = stochastic(r, harshBrake * 3.0 + 35 * hundredKm);
        brake[4] = stochastic(r, 90 * hundredKm);
        brake[5] = stochastic(r, 160 * hundredKm);
        brake[6] = stochastic(r, 40 * hundredKm);
        long harshAccel = stochastic(r, h.acceleratesPer100Km() * noise(r, 0.3) * hundredKm);
        long[] acc = new long[ACC_CLASSES];
        acc[12] = harshAccel;
        acc[11] = stochastic(r, harshAccel * 1.8 + 10 * hundredKm);
        acc[10] = stochastic(r, harshAccel * 2.5 + 30 * hundredKm);
        acc[9] = stochastic(r, harshAccel * 3.0 + 60 * hundredKm);
        acc[8] = Math.round(moving * 0.06);
        acc[7] = Math.round(moving * 0.14);
        for (int i = 0; i <= 5; i++) {
            acc[i] = Math.round(brake[i] * 1.15);
        }
        long rest = moving;
        for (int i = 0; i < ACC_CLASSES; i++) {
            if (i != 6) {
                rest -= acc[i];
            }
        }
        acc[6] = Math.max(0, rest);
        double metresPerSecond = moving == 0 ? 0 : distance / (double) moving;
        for (int i = 0; i < ACC_CLASSES; i++) {
            g[BRAKE_S + i] = brake[i];
            g[BRAKE_M + i] = Math.round(brake[i] * 10.5);
            g[ACC_S + i] = acc[i];
            g[ACC_M + i] = Math.round(acc[i] * metresPerSecond);
        }
        return g;
    }

    private static double speed(SplittableRandom r, Habits h) {
        double x = r.nextDouble();
        if (x < h.overspeedShare() * 1.5) {
            return 89 + r.nextDouble() * 4;
        }
        if (x < h.motorwayShare()) {
            return 80 + r.nextDouble() * 8;
        }
        return 15 + r.nextDouble() * 60;
    }

    /** The yard, two customers somewhere in the middle of the Netherlands, and back. */
    private double[][] route(int vehicle, SplittableRandom r) {
        double[] depot = depots[vehicle];
        double[][] points = new double[4][];
        points[0] = depot;
        for (int i = 1; i <= 2; i++) {
            points[i] = new double[]{51.55 + r.nextDouble() * 1.25, 4.45 + r.nextDouble() * 1.9};
        }
        points[3] = depot;
        return points;
    }

    /** The point at a share of the route's length, with the heading of that leg in degrees. */
    private static double[] along(double[][] route, double share) {
        double[] legs = new double[route.length - 1];
        double total = 0;
        for (int i = 0; i < legs.length; i++) {
            legs[i] = Math.hypot(route[i + 1][0] - route[i][0], (route[i + 1][1] - route[i][1]) * 0.61);
            total += legs[i];
        }
        double left = clamp(share, 0, 1) * total;
        for (int i = 0; i < legs.length; i++) {
            if (left <= legs[i] || i == legs.length - 1) {
                double f = legs[i] == 0 ? 0 : Math.min(1, left / legs[i]);
                double lat = route[i][0] + (route[i + 1][0] - route[i][0]) * f;
                double lon = route[i][1] + (route[i + 1][1] - route[i][1]) * f;
                double heading = Math.toDegrees(Math.atan2((route[i + 1][1] - route[i][1]) * 0.61,
                        route[i + 1][0] - route[i][0]));
                return new double[]{lat, lon, Math.floorMod(Math.round(heading), 360)};
            }
            left -= legs[i];
        }
        return new double[]{route[0][0], route[0][1], 0};
    }

    private static double temperature(LocalDate date) {
        return 10.5 - 7.5 * Math.cos(2 * Math.PI * (date.getDayOfYear() - 20) / 365.0);
    }

    /** The lifetime counters a truck gathered before the first day: a few years of ordinary days. */
    private long[] history(int vehicle, SplittableRandom r) {
        int days = 700 + r.nextInt(1600);
        long[] day = new long[RAW];
        Habits ordinary = Habits.of(Style.STEADY, 0);
        for (int i = 0; i < 18; i++) {
            long[] g = drive(r, ordinary, 1800, vehicleFuelFactor[vehicle]);
            for (int k = 0; k < RAW; k++) {
                day[k] += g[k];
            }
        }
        long[] total = new long[RAW];
        for (int k = 0; k < RAW; k++) {
            total[k] = day[k] * days;
        }
        return total;
    }

    private SplittableRandom random(int vehicle, int day) {
        long h = seed * 0x9E3779B97F4A7C15L + vehicle * 0xBF58476D1CE4E5B9L + day * 0x94D049BB133111EBL;
        return new SplittableRandom(h ^ (h >>> 31));
    }

    private static double noise(SplittableRandom r, double spread) {
        return 1 + (r.nextDouble() * 2 - 1) * spread;
    }

    private static long stochastic(SplittableRandom r, double value) {
        return value <= 0 ? 0 : (long) Math.floor(value + r.nextDouble());
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
