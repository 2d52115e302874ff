package nl.meedenken.routing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A ruin-and-recreate search on a plain copy of a {@link RoutePlan}: it removes a few strings of
 * neighbouring visits from their routes, puts them back one by one where they cost least (now and
 * then passing a good spot over on purpose) and keeps the result by simulated annealing on the soft
 * level.
 * <p>
 * The score is worked out here exactly as {@link RoutingConstraints} does, level by level, with the
 * same {@link Timing} arithmetic, so the solver only needs to take over the best plan at the end.
 * A plan counts as better when it is better hard first, then medium, then soft; annealing only
 * ever lets the soft level get worse.
 */
final class RuinRecreateSearch {

    /** Average number of visits removed per ruin. */
    private static final double AVERAGE_REMOVED = 10;
    /** Longest string removed from one route. */
    private static final double MAX_STRING = 10;
    /** Chance that a ruin keeps a piece in the middle of its string. */
    private static final double SPLIT_CHANCE = 0.5;
    /** Chance that each further visit is kept in a split string. */
    private static final double SPLIT_GROWTH = 0.5;
    /** How many nearest visits a ruin may spread over from its first. */
    private static final int NEIGHBOURS = 200;
    /**
     * Iterations without a new best, per squared visit count, after which the search gives up: a
     * small trip settles within a fraction of a second, a day of a hundred visits never in time.
     */
    private static final long STALL_PER_SQUARED_VISIT = 100;
    /** Chance that an insertion spot is passed over. */
    private static final double BLINK = 0.01;
    /** Start and end temperature, in average legs of the starting plan. */
    private static final double START_TEMPERATURE = 1.0;
    private static final double END_TEMPERATURE = 0.01;

    // ---- the problem, by index

    private final int visitCount;
    private final int routeCount;
    private final Visit[] visitObjects;
    private final Route[] routeObjects;
    private final int[] location;
    private final int[] pallets;
    private final int[] kilograms;
    private final long[] ready;
    private final long[] due;
    private final long[] service;
    private final boolean[] strict;
    private final long[] unassignedCost;
    private final int[] origin;
    private final int[] depot;
    private final int[] capacityPallets;
    private final int[] capacityKg;
    private final long[] shiftStart;
    private final long[] shiftEnd;
    private final long[] breakAfter;
    private final long[] breakLength;
    private final long[] fixedCost;
    /** Routes with the same kind are interchangeable while empty. */
    private final int[] kind;
    private final long[][] distance;
    private final long[][] time;
    /** Per visit, its nearest visits, nearest first, itself in front. */
    private final int[][] neighbours;

    // ---- the current plan

    private final int[][] sequence;
    private final int[] length;
    private final Timing[][] timing;
    private final int[] loadPallets;
    private final int[] loadKg;
    private final long[] returnTime;
    private final long[] routeHard;
    private final long[] routeMedium;
    private final long[] routeSoft;
    private final int[] routeOf;
    private final int[] positionOf;
    private final int[] pool;
    private int poolSize;
    private long hard;
    private long medium;
    private long soft;

    // ---- undo of one iteration

    private final boolean[] dirty;
    private final int[] dirtyRoutes;
    private int dirtyCount;
    private final int[][] savedSequence;
    private final int[] savedLength;
    private final Timing[][] savedTiming;
    private final long[][] savedRoute;
    private final int[] savedPool;
    private int savedPoolSize;

    // ---- the best plan

    private final int[][] bestSequence;
    private final int[] bestLength;
    private long bestHard;
    private long bestMedium;
    private long bestSoft;
    private final long startHard;
    private final long startMedium;
    private final long startSoft;

    // ---- scratch

    private final SplittableRandom random;
    private final int[] removed;
    private int removedCount;
    private final long[] sortKey;
    private final int[] ruinedStamp;
    private final int[] kindStamp;
    private int stamp;
    private final boolean[] marked;
    private long insertHard;
    private long insertMedium;
    private long insertSoft;
    private long iterations;
    private long lastBest;

    /** Copies the plan; returns null when the plan is not one this search understands. */
    static RuinRecreateSearch of(RoutePlan plan, long seed) {
        List<Route> routes = plan.getRoutes();
        List<Visit> visits = plan.getVisits();
        if (routes == null || visits == null || routes.isEmpty() || visits.isEmpty() || visits.size() >= 1 << 21) {
            return null;
        }
        Matrix matrix = routes.get(0).getMatrix();
        if (matrix == null) {
            return null;
        }
        for (Route route : routes) {
            if (route.getMatrix() != matrix) {
                return null;
            }
        }
        for (Visit visit : visits) {
            if (visit.getMatrix() != matrix) {
                return null;
            }
        }
        return new RuinRecreateSearch(routes, visits, matrix, seed);
    }

    private RuinRecreateSearch(List<Route> routes, List<Visit> visits, Matrix matrix, long seed) {
        visitCount = visits.size();
        routeCount = routes.size();
        visitObjects = visits.toArray(new Visit[0]);
        routeObjects = routes.toArray(new Route[0]);
        distance = matrix.distance();
        time = matrix.time();
        random = new SplittableRandom(seed);

        location = new int[visitCount];
        pallets = new int[visitCount];
        kilograms = new int[visitCount];
        ready = new long[visitCount];
        due = new long[visitCount];
        service = new long[visitCount];
        strict = new boolean[visitCount];
        unassignedCost = new long[visitCount];
        Map<Visit, Integer> index = new IdentityHashMap<>();
        for (int v = 0; v < visitCount; v++) {
            Visit visit = visitObjects[v];
            index.put(visit, v);
            location[v] = visit.getLocation();
            pallets[v] = visit.getPallets();
            kilograms[v] = visit.getKg();
            ready[v] = visit.getReady();
            due[v] = visit.getDue();
            service[v] = visit.getService();
            strict[v] = visit.isStrict();
            unassignedCost[v] = visit.getUnassignedCost();
        }

        origin = new int[routeCount];
        depot = new int[routeCount];
        capacityPallets = new int[routeCount];
        capacityKg = new int[routeCount];
        shiftStart = new long[routeCount];
        shiftEnd = new long[routeCount];
        breakAfter = new long[routeCount];
        breakLength = new long[routeCount];
        fixedCost = new long[routeCount];
        kind = new int[routeCount];
        for (int r = 0; r < routeCount; r++) {
            Route route = routeObjects[r];
            origin[r] = route.getOrigin();
            depot[r] = route.getDepot();
            capacityPallets[r] = route.getCapacityPallets();
            capacityKg[r] = route.getCapacityKg();
            shiftStart[r] = route.getShiftStart();
            shiftEnd[r] = route.getShiftEnd();
            breakAfter[r] = route.getBreakAfter();
            breakLength[r] = route.getBreakLength();
            fixedCost[r] = route.getFixedCost();
            kind[r] = r;
            for (int other = 0; other < r; other++) {
                if (sameKind(r, other)) {
                    kind[r] = kind[other];
                    break;
                }
            }
        }
        neighbours = nearestFirst();

        sequence = new int[routeCount][visitCount];
        length = new int[routeCount];
        timing = new Timing[routeCount][visitCount];
        loadPallets = new int[routeCount];
        loadKg = new int[routeCount];
        returnTime = new long[routeCount];
        routeHard = new long[routeCount];
        routeMedium = new long[routeCount];
        routeSoft = new long[routeCount];
        routeOf = new int[visitCount];
        positionOf = new int[visitCount];
        pool = new int[visitCount];
        Arrays.fill(routeOf, -1);
        for (int r = 0; r < routeCount; r++) {
            for (Visit visit : routeObjects[r].getVisits()) {
                int v = index.get(visit);
                sequence[r][length[r]++] = v;
                routeOf[v] = r;
            }
            evaluate(r);
        }
        for (int v = 0; v < visitCount; v++) {
            if (routeOf[v] < 0) {
                pool[poolSize++] = v;
            }
        }
        total();

        dirty = new boolean[routeCount];
        dirtyRoutes = new int[routeCount];
        savedSequence = new int[routeCount][visitCount];
        savedLength = new int[routeCount];
        savedTiming = new Timing[routeCount][visitCount];
        savedRoute = new long[routeCount][6];
        savedPool = new int[visitCount];

        bestSequence = new int[routeCount][visitCount];
        bestLength = new int[routeCount];
        keepBest();
        startHard = hard;
        startMedium = medium;
        startSoft = soft;

        removed = new int[visitCount];
        sortKey = new long[visitCount];
        ruinedStamp = new int[routeCount];
        kindStamp = new int[routeCount];
        marked = new boolean[visitCount];
    }

    private boolean sameKind(int a, int b) {
        return origin[a] == origin[b] && depot[a] == depot[b] && capacityPallets[a] == capacityPallets[b]
                && capacityKg[a] == capacityKg[b] && shiftStart[a] == shiftStart[b] && shiftEnd[a] == shiftEnd[b]
                && breakAfter[a] == breakAfter[b] && breakLength[a] == breakLength[b] && fixedCost[a] == fixedCost[b];
    }

    /** Per visit, the nearest others (both ways), nearest first, the visit itself in front. */
    private int[][] nearestFirst() {
        int[][] result = new int[visitCount][];
        int kept = Math.min(visitCount, NEIGHBOURS);
        long[] keys = new long[visitCount];
        for (int v = 0; v < visitCount; v++) {
            int from = location[v];
            for (int w = 0; w < visitCount; w++) {
                long both = w == v ? 0 : distance[from][location[w]] + distance[location[w]][from] + 1;
                keys[w] = (Math.min(both, Long.MAX_VALUE >> 21) << 21) | w;
            }
            Arrays.sort(keys);
            int[] list = new int[kept];
            for (int k = 0; k < kept; k++) {
                list[k] = (int) (keys[k] & ((1 << 21) - 1));
            }
            result[v] = list;
        }
        return result;
    }

    // ---- the search

    /**
     * Searches until told to stop, or until it has long stopped finding better plans; the
     * temperature falls from start to end over the given time.
     */
    void run(BooleanSupplier stop, long horizonNanos) {
        long began = System.nanoTime();
        long stall = STALL_PER_SQUARED_VISIT * visitCount * visitCount;
        int usedLegs = 0;
        for (int r = 0; r < routeCount; r++) {
            usedLegs += length[r] > 0 ? length[r] + 1 : 0;
        }
        long driven = 0;
        for (int r = 0; r < routeCount; r++) {
            driven += length[r] > 0 ? routeSoft[r] - fixedCost[r] : 0;
        }
        double leg = usedLegs == 0 ? 1 : Math.max(1, driven / (double) usedLegs);
        double hot = START_TEMPERATURE * leg;
        double cold = END_TEMPERATURE * leg;
        double temperature = hot;
        while (true) {
            if ((iterations & 15) == 0) {
                if (stop.getAsBoolean()) {
                    break;
                }
                double progress = Math.min(1, (System.nanoTime() - began) / (double) Math.max(1, horizonNanos));
                temperature = hot * Math.pow(cold / hot, progress);
            }
            if (iterations - lastBest > stall) {
                break;
            }
            iterations++;
            step(temperature);
        }
    }

    /** One ruin and recreate, kept or undone. */
    void step(double temperature) {
        long hardBefore = hard;
        long mediumBefore = medium;
        long softBefore = soft;
        dirtyCount = 0;
        savedPoolSize = poolSize;
        System.arraycopy(pool, 0, savedPool, 0, poolSize);

        removedCount = 0;
        for (int i = 0; i < poolSize; i++) {
            removed[removedCount++] = pool[i];
        }
        poolSize = 0;
        ruin();
        recreate();
        total();

        int verdict = compare(hard, medium, soft, hardBefore, mediumBefore, softBefore);
        boolean accept;
        if (hard != hardBefore || medium != mediumBefore) {
            accept = verdict < 0;
        } else {
            accept = soft < softBefore - temperature * Math.log(random.nextDouble());
        }
        if (accept) {
            clearDirty();
            if (compare(hard, medium, soft, bestHard, bestMedium, bestSoft) < 0) {
                keepBest();
            }
        } else {
            undo();
            hard = hardBefore;
            medium = mediumBefore;
            soft = softBefore;
        }
    }

    private void ruin() {
        int assigned = 0;
        int used = 0;
        for (int r = 0; r < routeCount; r++) {
            assigned += length[r];
            used += length[r] > 0 ? 1 : 0;
        }
        if (assigned == 0) {
            return;
        }
        double stringMax = Math.min(MAX_STRING, assigned / (double) used);
        double stringsMax = 4 * AVERAGE_REMOVED / (1 + stringMax) - 1;
        int strings = (int) (1 + random.nextDouble() * stringsMax);
        stamp++;
        int ruined = 0;
        for (int c : neighbours[random.nextInt(visitCount)]) {
            if (ruined >= strings) {
                break;
            }
            int r = routeOf[c];
            if (r < 0 || ruinedStamp[r] == stamp) {
                continue;
            }
            ruinedStamp[r] = stamp;
            ruined++;
            double longest = Math.min(length[r], stringMax);
            int count = (int) (1 + random.nextDouble() * longest);
            removeString(r, positionOf[c], count);
        }
    }

    /** Removes {@code count} visits around {@code at}, sometimes leaving a piece in the middle. */
    private void removeString(int r, int at, int count) {
        int kept = 0;
        if (count < length[r] && random.nextDouble() < SPLIT_CHANCE) {
            kept = 1;
            while (count + kept < length[r] && random.nextDouble() < SPLIT_GROWTH) {
                kept++;
            }
        }
        int span = count + kept;
        int lowest = Math.max(0, at - span + 1);
        int highest = Math.min(at, length[r] - span);
        int from = lowest + random.nextInt(highest - lowest + 1);
        int keepFrom = from + (kept == 0 ? 0 : random.nextInt(count + 1));
        save(r);
        int[] seq = sequence[r];
        int write = from;
        for (int i = from; i < length[r]; i++) {
            int v = seq[i];
            boolean inSpan = i < from + span;
            boolean keep = !inSpan || (i >= keepFrom && i < keepFrom + kept);
            if (keep) {
                seq[write++] = v;
            } else {
                removed[removedCount++] = v;
                routeOf[v] = -1;
            }
        }
        length[r] = write;
        evaluate(r);
    }

    private void recreate() {
        order();
        for (int i = 0; i < removedCount; i++) {
            insert(removed[i]);
        }
    }

    /** Sorts the removed visits: at random, biggest first, farthest first, nearest first or earliest due. */
    private void order() {
        int choice = random.nextInt(13);
        int home = depot[0];
        for (int i = 0; i < removedCount; i++) {
            int v = removed[i];
            long key;
            if (choice < 4) {
                key = random.nextInt(1 << 20);
            } else if (choice < 8) {
                key = -((long) pallets[v] * 1_000_000L + kilograms[v]);
            } else if (choice < 10) {
                key = -distance[home][location[v]];
            } else if (choice < 11) {
                key = distance[home][location[v]];
            } else {
                key = due[v];
            }
            sortKey[v] = key;
        }
        // insertion sort with random tie breaks: the lists are short
        for (int i = 1; i < removedCount; i++) {
            int v = removed[i];
            int j = i - 1;
            while (j >= 0 && (sortKey[removed[j]] > sortKey[v]
                    || (sortKey[removed[j]] == sortKey[v] && random.nextBoolean()))) {
                removed[j + 1] = removed[j];
                j--;
            }
            removed[j + 1] = v;
        }
    }

    /** Puts the visit where it costs least, or leaves it off when that is cheaper still. */
    private void insert(int v) {
        long bestH = 0;
        long bestM = unassignedCost[v];
        long bestS = 0;
        int bestRoute = -1;
        int bestPosition = -1;
        stamp++;
        for (int r = 0; r < routeCount; r++) {
            if (length[r] == 0) {
                if (kindStamp[kind[r]] == stamp) {
                    continue;
                }
                kindStamp[kind[r]] = stamp;
            }
            long capacityHard = overload(loadPallets[r] + pallets[v], capacityPallets[r])
                    + overload(loadKg[r] + kilograms[v], capacityKg[r])
                    - overload(loadPallets[r], capacityPallets[r]) - overload(loadKg[r], capacityKg[r]);
            if (capacityHard > bestH) {
                continue;
            }
            for (int p = 0; p <= length[r]; p++) {
                if (random.nextDouble() < BLINK) {
                    continue;
                }
                if (tryInsert(v, r, p, capacityHard, bestH, bestM, bestS)
                        && compare(insertHard, insertMedium, insertSoft, bestH, bestM, bestS) < 0) {
                    bestH = insertHard;
                    bestM = insertMedium;
                    bestS = insertSoft;
                    bestRoute = r;
                    bestPosition = p;
                }
            }
        }
        if (bestRoute < 0) {
            pool[poolSize++] = v;
            return;
        }
        save(bestRoute);
        int[] seq = sequence[bestRoute];
        System.arraycopy(seq, bestPosition, seq, bestPosition + 1, length[bestRoute] - bestPosition);
        seq[bestPosition] = v;
        length[bestRoute]++;
        evaluate(bestRoute);
    }

    /**
     * Works out what putting visit v at position p of route r changes, into the insert fields.
     * Gives up (false) once it cannot beat the given bound, taking it that an extra stop never
     * makes anyone earlier.
     */
    private boolean tryInsert(int v, int r, int p, long capacityHard, long boundH, long boundM, long boundS) {
        int[] seq = sequence[r];
        int n = length[r];
        int before = p == 0 ? origin[r] : location[seq[p - 1]];
        int after = p == n ? depot[r] : location[seq[p]];
        int here = location[v];
        long ds = n == 0
                ? distance[before][here] + distance[here][after] + fixedCost[r]
                : distance[before][here] + distance[here][after] - distance[before][after];
        long dh = capacityHard;
        long dm = 0;
        if (compare(dh, dm, ds, boundH, boundM, boundS) >= 0) {
            return false;
        }
        Timing t = p == 0 ? Timing.leaving(shiftStart[r]) : timing[r][p - 1];
        long pause = breakAfter[r];
        long rest = breakLength[r];
        t = t.next(time[before][here], ready[v], service[v], pause, rest);
        long late = Math.max(0, t.start() - due[v]);
        if (strict[v]) {
            dh += late;
        } else {
            dm += late;
        }
        int at = here;
        boolean settled = false;
        for (int k = p; k < n; k++) {
            if (dh > boundH || (dh == boundH && dm > boundM)) {
                return false;
            }
            int w = seq[k];
            Timing old = timing[r][k];
            t = t.next(time[at][location[w]], ready[w], service[w], pause, rest);
            if (t.equals(old)) {
                settled = true;
                break;
            }
            long change = Math.max(0, t.start() - due[w]) - Math.max(0, old.start() - due[w]);
            if (strict[w]) {
                dh += change;
            } else {
                dm += change;
            }
            at = location[w];
        }
        if (!settled) {
            long back = t.next(time[at][depot[r]], 0, 0, pause, rest).arrival();
            long overtimeBefore = n == 0 ? 0 : Math.max(0, returnTime[r] - shiftEnd[r]);
            dh += Math.max(0, back - shiftEnd[r]) - overtimeBefore;
        }
        insertHard = dh;
        insertMedium = dm;
        insertSoft = ds;
        return true;
    }

    private static long overload(int load, int capacity) {
        return load > capacity ? load - capacity : 0;
    }

    // ---- bookkeeping

    /** Works out timing, load and score of one route from scratch, as the constraints do. */
    private void evaluate(int r) {
        int[] seq = sequence[r];
        int n = length[r];
        Timing t = Timing.leaving(shiftStart[r]);
        int at = origin[r];
        int sumPallets = 0;
        int sumKg = 0;
        long driven = 0;
        long h = 0;
        long m = 0;
        for (int k = 0; k < n; k++) {
            int v = seq[k];
            t = t.next(time[at][location[v]], ready[v], service[v], breakAfter[r], breakLength[r]);
            timing[r][k] = t;
            routeOf[v] = r;
            positionOf[v] = k;
            sumPallets += pallets[v];
            sumKg += kilograms[v];
            driven += distance[at][location[v]];
            long late = Math.max(0, t.start() - due[v]);
            if (strict[v]) {
                h += late;
            } else {
                m += late;
            }
            at = location[v];
        }
        loadPallets[r] = sumPallets;
        loadKg[r] = sumKg;
        h += overload(sumPallets, capacityPallets[r]) + overload(sumKg, capacityKg[r]);
        if (n > 0) {
            driven += distance[at][depot[r]];
            returnTime[r] = t.next(time[at][depot[r]], 0, 0, breakAfter[r], breakLength[r]).arrival();
            h += Math.max(0, returnTime[r] - shiftEnd[r]);
            routeSoft[r] = driven + fixedCost[r];
        } else {
            returnTime[r] = shiftStart[r];
            routeSoft[r] = 0;
        }
        routeHard[r] = h;
        routeMedium[r] = m;
    }

    private void total() {
        long h = 0;
        long m = 0;
        long s = 0;
        for (int r = 0; r < routeCount; r++) {
            h += routeHard[r];
            m += routeMedium[r];
            s += routeSoft[r];
        }
        for (int i = 0; i < poolSize; i++) {
            m += unassignedCost[pool[i]];
        }
        hard = h;
        medium = m;
        soft = s;
    }

    /** Remembers a route as it was before this iteration touched it. */
    private void save(int r) {
        if (dirty[r]) {
            return;
        }
        dirty[r] = true;
        dirtyRoutes[dirtyCount++] = r;
        int n = length[r];
        savedLength[r] = n;
        System.arraycopy(sequence[r], 0, savedSequence[r], 0, n);
        System.arraycopy(timing[r], 0, savedTiming[r], 0, n);
        long[] saved = savedRoute[r];
        saved[0] = loadPallets[r];
        saved[1] = loadKg[r];
        saved[2] = returnTime[r];
        saved[3] = routeHard[r];
        saved[4] = routeMedium[r];
        saved[5] = routeSoft[r];
    }

    private void undo() {
        for (int i = 0; i < removedCount; i++) {
            routeOf[removed[i]] = -1;
        }
        for (int i = 0; i < dirtyCount; i++) {
            int r = dirtyRoutes[i];
            dirty[r] = false;
            int n = savedLength[r];
            length[r] = n;
            System.arraycopy(savedSequence[r], 0, sequence[r], 0, n);
            System.arraycopy(savedTiming[r], 0, timing[r], 0, n);
            for (int k = 0; k < n; k++) {
                routeOf[sequence[r][k]] = r;
                positionOf[sequence[r][k]] = k;
            }
            long[] saved = savedRoute[r];
            loadPallets[r] = (int) saved[0];
            loadKg[r] = (int) saved[1];
            returnTime[r] = saved[2];
            routeHard[r] = saved[3];
            routeMedium[r] = saved[4];
            routeSoft[r] = saved[5];
        }
        dirtyCount = 0;
        poolSize = savedPoolSize;
        System.arraycopy(savedPool, 0, pool, 0, poolSize);
        for (int i = 0; i < poolSize; i++) {
            routeOf[pool[i]] = -1;
        }
    }

    private void keepBest() {
        lastBest = iterations;
        for (int r = 0; r < routeCount; r++) {
            bestLength[r] = length[r];
            System.arraycopy(sequence[r], 0, bestSequence[r], 0, length[r]);
        }
        bestHard = hard;
        bestMedium = medium;
        bestSoft = soft;
    }

    private void clearDirty() {
        // the accepted plan becomes the new base; only the flags need resetting
        for (int i = 0; i < dirtyCount; i++) {
            dirty[dirtyRoutes[i]] = false;
        }
        dirtyCount = 0;
    }

    private static int compare(long h1, long m1, long s1, long h2, long m2, long s2) {
        if (h1 != h2) {
            return h1 < h2 ? -1 : 1;
        }
        if (m1 != m2) {
            return m1 < m2 ? -1 : 1;
        }
        return Long.compare(s1, s2);
    }

    // ---- results

    long iterations() {
        return iterations;
    }

    /** The score of the current plan as hard, medium and soft penalties (positive numbers). */
    long[] penalties() {
        return new long[]{hard, medium, soft};
    }

    /** The best score found as hard, medium and soft penalties (positive numbers). */
    long[] bestPenalties() {
        return new long[]{bestHard, bestMedium, bestSoft};
    }

    /** Whether the best plan found beats the plan the search started from. */
    boolean improved() {
        return compare(bestHard, bestMedium, bestSoft, startHard, startMedium, startSoft) < 0;
    }

    /** The best plan as one list of visits per route, in the order of the plan's routes. */
    List<List<Visit>> bestRoutes() {
        List<List<Visit>> result = new ArrayList<>(routeCount);
        for (int r = 0; r < routeCount; r++) {
            List<Visit> list = new ArrayList<>(bestLength[r]);
            for (int k = 0; k < bestLength[r]; k++) {
                list.add(visitObjects[bestSequence[r][k]]);
            }
            result.add(list);
        }
        return result;
    }

    Route[] routes() {
        return routeObjects;
    }
}
